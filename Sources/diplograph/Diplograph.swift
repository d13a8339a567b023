import ArgumentParser
import DiploGraph
import DiploGraphviz
import Foundation
import DiploGraphText
import DiploGraphOutput

@main
struct Diplograph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diplograph",
        abstract: "Time-sliced actor-interaction graphs: centrality, brokerage and diagrams per slice.",
        discussion: """
        Every subcommand reads an events file (date,source,target,kind[,weight,note,about]) and
        cuts it into slices (years by default). `about` (A|B, two actor ids) names the
        relationship an act bears on; a mediation M→X with about A|B, X one side, is a relay:
        slices also get the leg from the other side to M. Errors are printed as
        FILE:LINE: message, and the exit status is 1 on any error. import turns ICEWS,
        GDELT, PLOVER and POLECAT files into events; sql prints the same mapping as one
        query for DuckDB, Spark or BigQuery, for data past one machine.

        Example:
          diplograph report graphs/korean-peninsula.events.csv --actors graphs/korean-peninsula.actors.csv --out output
        """,
        version: "0.1.0",
        subcommands: [Centrality.self, Roles.self, Agreement.self, DotCommand.self, RenderCommand.self, ReportCommand.self, ImportCommand.self, ExportCommand.self, SQLCommand.self, ReachCommand.self]
    )

    /// Runs the command line; every failure exits with status 1 (usage errors included).
    static func main() {
        do {
            var command = try parseAsRoot()
            InterruptCleanup.installHandlers()
            // One thread: what Graphviz and cairo print to stderr joins each job's messages.
            Graphviz.shared.capturesStandardError = true
            try command.run()
            Messages.summariseWarnings()
        } catch let problems as InputProblems {
            // One problem a line: a line feed inside an id or a file name is shown escaped.
            fail(lines: problems.lines(wording: commandLineWording))
        } catch let error as UserError {
            fail(lines: [error.description])
        } catch let error as OutputError {
            switch error.kind {
            case .foreignFiles: fail(lines: [error.description + " (--force writes beside them, replacing only files with the names DiploGraph writes)"])
            case .foreignFile: fail(lines: [error.description + " (--force replaces it)"])
            default: fail(lines: [error.description])
            }
        } catch let error as ValueError {
            fail(lines: [error.description])
        } catch let error as GraphvizError {
            fail(lines: [error.description])
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // Usage errors and help: the argument parser's own lines.
            fail(fullMessage(for: error))
        }
    }

    /// Ends the run with status 1 after `message`, whose line breaks are its own (the argument
    /// parser's usage text): each line escaped and cut.
    static func fail(_ message: String) -> Never {
        Messages.summariseWarnings()
        FileHandle.standardError.write(Data(Messages.forTerminal(message).utf8))
        Foundation.exit(1)
    }

    /// Ends the run with status 1 after `lines`, each shown as exactly one line: a line
    /// feed or any other control character inside one (from an id, a kind, a file name) is
    /// shown escaped.
    static func fail(lines: [String]) -> Never {
        Messages.summariseWarnings()
        FileHandle.standardError.write(Data(Messages.forTerminal(lines: lines).utf8))
        Foundation.exit(1)
    }
}

/// A mistake in what the user asked for, with what to do instead.
struct UserError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What the tool writes to stderr: every line with control characters escaped and cut to
/// ``lineLimit`` characters, and warnings beyond the first ``warningLimit`` counted, not shown.
enum Messages {
    /// The most characters of one line of a message.
    static let lineLimit = 1_000
    /// The warnings shown before the rest are only counted.
    static let warningLimit = 50

    nonisolated(unsafe) private static var warnings = 0

    /// `message` as lines safe for a terminal, ending in a newline; its own line breaks
    /// start lines (for text whose line breaks are structure, such as usage text).
    static func forTerminal(_ message: String) -> String {
        let trimmed = message.hasSuffix("\n") ? String(message.dropLast()) : message
        return forTerminal(lines: trimmed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    /// `lines` safe for a terminal: each cut to ``lineLimit`` characters, every control
    /// character in it (line feed and tab included) escaped (``/DiploGraphText/Escape/terminal(_:)``), so
    /// that each is exactly one line however it was made.
    static func forTerminal(lines: [String]) -> String {
        lines.map { Escape.terminal(Escape.truncated($0, limit: lineLimit)) + "\n" }.joined()
    }

    /// Writes `line` on stderr as one line (see ``forTerminal(lines:)``).
    static func write(line: String) {
        FileHandle.standardError.write(Data(forTerminal(lines: [line]).utf8))
    }

    static func warn(_ message: String) {
        warnings += 1
        guard warnings <= warningLimit else { return }
        write(line: "warning: \(message)")
    }

    /// Says how many warnings were not shown, once.
    static func summariseWarnings() {
        if warnings > warningLimit {
            let hidden = warnings - warningLimit
            FileHandle.standardError.write(Data("warning: \(hidden) more warning\(hidden == 1 ? "" : "s") not shown (the first \(warningLimit) are above)\n".utf8))
        }
        warnings = 0
    }
}

func warn(_ message: String) {
    Messages.warn(message)
}

/// Warns of `message` from the library, its phrases naming the command line's options.
func warn(_ message: LibraryMessage) {
    Messages.warn(message.worded(commandLineWording))
}

func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
