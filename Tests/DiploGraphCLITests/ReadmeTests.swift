import Foundation
import Testing

/// The README's examples, run one by one as a reader would run them, so that the README
/// cannot drift from the tool or the data.
///
/// - A fenced block whose lines start with `$ ` is a transcript: each command (with `\`
///   continuation lines) runs in a scratch folder that holds `graphs/` and `Tests/`, with the
///   built `diplograph` first on `PATH`; the lines after it, up to the next `$ `, must equal
///   what it prints (stdout and stderr together). `../shared` (the article beside the
///   repository) resolves there as beside the repository; a command that needs it is
///   skipped, saying so, when a checkout has none.
/// - A ```` ```sh ```` block without `$ ` lines runs as one script (`sh -e`) and must succeed.
/// - Other blocks (```` ```text ````, ```` ```sql ````, diagrams) are not run.
@Suite(.serialized) struct ReadmeTests {
    struct Block: CustomTestStringConvertible, Sendable {
        let language: String
        let line: Int
        let lines: [String]
        var testDescription: String { "README.md:\(line)" }
    }

    struct Step {
        let command: String
        let expected: [String]
    }

    static let blocks: [Block] = {
        guard let text = try? String(contentsOf: Tool.root.appendingPathComponent("README.md"), encoding: .utf8) else { return [] }
        var blocks: [Block] = []
        var current: (language: String, line: Int, lines: [String])?
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") {
                if let open = current {
                    blocks.append(Block(language: open.language, line: open.line, lines: open.lines))
                    current = nil
                } else {
                    current = (String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), number + 1, [])
                }
            } else if current != nil {
                current!.lines.append(line)
            }
        }
        return blocks
    }()

    static let transcripts = blocks.filter { $0.language.isEmpty || $0.language == "sh" }.filter { $0.lines.contains { $0.hasPrefix("$ ") } }
    static let scripts = blocks.filter { $0.language == "sh" && !$0.lines.contains { $0.hasPrefix("$ ") } }

    static func steps(of block: Block) -> [Step] {
        var steps: [Step] = []
        var index = 0
        let lines = block.lines
        while index < lines.count {
            guard lines[index].hasPrefix("$ ") else { index += 1; continue }
            var command = String(lines[index].dropFirst(2))
            while command.hasSuffix("\\"), index + 1 < lines.count {
                index += 1
                command = String(command.dropLast()) + " " + lines[index].trimmingCharacters(in: .whitespaces)
            }
            index += 1
            var expected: [String] = []
            while index < lines.count, !lines[index].hasPrefix("$ ") {
                expected.append(lines[index])
                index += 1
            }
            while expected.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { expected.removeLast() }
            steps.append(Step(command: command, expected: expected))
        }
        return steps
    }

    /// The folder beside the repository that holds the article (`../shared` in README paths).
    static let shared = Tool.root.deletingLastPathComponent().appendingPathComponent("shared")
    static let hasShared = FileManager.default.fileExists(atPath: shared.path)

    /// A scratch folder in which README paths resolve: `directory` holds `graphs/` and `Tests/`,
    /// and `../shared` beside it is the repository's `../shared` when there is one.
    static func workspace() throws -> (scratch: Scratch, directory: URL) {
        let scratch = try Scratch()
        let directory = scratch.url.appendingPathComponent("repository")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for name in ["graphs", "Tests"] {
            try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent(name),
                                                       withDestinationURL: Tool.root.appendingPathComponent(name))
        }
        if hasShared {
            try FileManager.default.createSymbolicLink(at: scratch.url.appendingPathComponent("shared"), withDestinationURL: shared)
        }
        return (scratch, directory)
    }

    static func shell(_ script: String, in directory: URL) throws -> Tool.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-e", "-c", script]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = Tool.url.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["COLUMNS"] = "100"
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Tool.Result(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }

    @Test func theReadmeHasExamplesToRun() {
        #expect(Self.transcripts.count >= 4)
        #expect(Self.scripts.count >= 1)
    }

    @Test(arguments: transcripts)
    func transcriptPrintsWhatTheReadmeShows(block: Block) throws {
        let (scratch, directory) = try Self.workspace()
        defer { withExtendedLifetime(scratch) {} }
        for step in Self.steps(of: block) {
            if step.command.contains("../shared/") && !Self.hasShared {
                print("README.md:\(block.line): skipped `\(step.command)`: no ../shared beside the repository")
                continue
            }
            let result = try Self.shell(step.command, in: directory)
            #expect(result.status == 0, "README.md:\(block.line): `\(step.command)` failed:\n\(result.stdout)")
            guard !step.expected.isEmpty else { continue }
            var actual = result.stdout.components(separatedBy: "\n").map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            while actual.last?.isEmpty == true { actual.removeLast() }
            let expected = step.expected.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            #expect(actual == expected, "README.md:\(block.line): `\(step.command)` now prints:\n\(actual.joined(separator: "\n"))")
        }
    }

    @Test(arguments: scripts)
    func scriptRuns(block: Block) throws {
        let (scratch, directory) = try Self.workspace()
        defer { withExtendedLifetime(scratch) {} }
        let result = try Self.shell(block.lines.joined(separator: "\n"), in: directory)
        #expect(result.status == 0, "README.md:\(block.line) failed:\n\(result.stdout)")
    }
}
