import Foundation
import Testing

/// The library's errors, checked on the sources: every public error type is a member of the one
/// family (`DiploGraphError`), and every public throwing function says which type it throws, in
/// its `throws(…)` clause and in a `- Throws:` line of its documentation.
@Suite struct ErrorFamilyTests {
    /// A public declaration read from the sources: where it starts and its text up to its body.
    struct Declaration: CustomStringConvertible {
        let file: String
        let line: Int
        let text: String
        let documentation: String
        var description: String { "\(file):\(line): \(text)" }
    }

    static let libraryModules = ["DiploGraph", "DiploGraphText", "DiploGraphOutput", "DiploGraphReading", "DiploGraphExport",
                                 "DiploGraphDiagram", "DiploGraphReport", "DiploGraphviz"]

    /// Every public function or initialiser of the library's modules, its signature joined into
    /// one line, with the doc comment above it.
    static func publicFunctions() throws -> [Declaration] {
        var found: [Declaration] = []
        for module in libraryModules {
            for file in try ArchitectureTests.swiftFiles(in: module) {
                let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
                let name = file.path.replacingOccurrences(of: Tool.root.path + "/", with: "")
                for (index, line) in lines.enumerated() {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    guard trimmed.hasPrefix("public "), trimmed.contains(" func ") || trimmed.contains(" init(") || trimmed.contains(" init?(") else { continue }
                    var signature = trimmed
                    var next = index + 1
                    while !signature.contains("{"), next < lines.count {
                        signature += " " + lines[next].trimmingCharacters(in: .whitespaces)
                        next += 1
                    }
                    var documentation: [String] = []
                    var above = index - 1
                    while above >= 0, lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("///") || lines[above].trimmingCharacters(in: .whitespaces).hasPrefix("@") {
                        documentation.insert(lines[above], at: 0)
                        above -= 1
                    }
                    let head = signature.components(separatedBy: "{").first ?? signature
                    found.append(Declaration(file: name, line: index + 1, text: head, documentation: documentation.joined(separator: "\n")))
                }
            }
        }
        return found
    }

    /// Whether `text` throws untyped: `throws` not followed by `(` (rethrows and throwing
    /// closure parameters aside: only the clause after the parameter list counts).
    static func throwsUntyped(_ signature: String) -> Bool {
        guard let close = signature.range(of: ")", options: .backwards) else { return false }
        let clause = signature[close.upperBound...]
        return clause.range(of: #"\bthrows\b(?!\()"#, options: .regularExpression) != nil
    }

    @Test func theScanSeesUntypedThrows() {
        #expect(Self.throwsUntyped("public func write(to path: String) throws -> Int"))
        #expect(!Self.throwsUntyped("public func write(to path: String) throws(OutputError) -> Int"))
        #expect(!Self.throwsUntyped("public func map<T>(_ body: (Int) throws -> T) rethrows -> [T]"))
        #expect(!Self.throwsUntyped("public func forEach(_ body: (Int) throws(AnyDiploGraphError) -> Void) throws(AnyDiploGraphError)"))
    }

    /// Untyped throwing functions still to convert, and why they are not yet: each also takes a
    /// throwing closure whose errors pass through, so its clause needs the caller's error type.
    static let untypedStill: [String: String] = [:]

    @Test func everyPublicThrowingFunctionThrowsATypedError() throws {
        let untyped = try Self.publicFunctions().filter { Self.throwsUntyped($0.text) && !$0.text.contains("func encode(to encoder:") }
        let unexpected = untyped.filter { Self.untypedStill[$0.file] == nil }
        #expect(unexpected.isEmpty, "public functions throwing untyped errors:\n\(unexpected.map(\.description).joined(separator: "\n"))")
        // The list of those still to convert shrinks: an entry converted is taken off it.
        #expect(Set(untyped.map(\.file)) == Set(Self.untypedStill.keys))
    }

    @Test func everyPublicThrowingFunctionDocumentsWhatItThrows() throws {
        let undocumented = try Self.publicFunctions().filter {
            $0.text.contains("throws(") && !$0.text.contains("func encode(to encoder:") && !$0.documentation.contains("- Throws:")
        }
        #expect(undocumented.isEmpty, "public throwing functions without a `- Throws:` line:\n\(undocumented.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyPublicErrorTypeIsOfTheFamily() throws {
        var outside: [String] = []
        for module in Self.libraryModules {
            for file in try ArchitectureTests.swiftFiles(in: module) {
                let name = file.path.replacingOccurrences(of: Tool.root.path + "/", with: "")
                for (index, line) in try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n").enumerated() {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    guard trimmed.hasPrefix("public "), trimmed.range(of: #"\b(struct|enum|class) \w+: [^{]*\bError\b"#, options: .regularExpression) != nil
                    else { continue }
                    outside.append("\(name):\(index + 1): \(trimmed)")
                }
            }
        }
        #expect(outside.isEmpty, "public error types outside DiploGraphError:\n\(outside.joined(separator: "\n"))")
    }

    @Test func theCommandLineCatchesTheFamilyOnce() throws {
        let main = try String(contentsOf: Tool.root.appendingPathComponent("Sources/diplograph/Diplograph.swift"), encoding: .utf8)
        let catches = main.components(separatedBy: "\n").filter { $0.contains("} catch let") }
        #expect(catches.map { $0.trimmingCharacters(in: .whitespaces) } == ["} catch let error as any DiploGraphError {"])
    }
}
