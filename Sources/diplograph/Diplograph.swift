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
        } catch let error as any DiploGraphError {
            // One line each: a line feed inside an id or a file name is shown escaped.
            fail(lines: lines(for: error))
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

    /// `error` as the command line shows it: its lines with the library's phrases in the
    /// command line's words, and for an output conflict the flag that overrides it.
    static func lines(for error: any DiploGraphError) -> [String] {
        var lines = error.lines(wording: commandLineWording)
        let advice = switch error.errorReason {
        case .outputConflict(.foreignFiles): " (--force writes beside them, replacing only files with the names DiploGraph writes)"
        case .outputConflict(.foreignFile): " (--force replaces it)"
        default: ""
        }
        if !advice.isEmpty, let last = lines.popLast() { lines.append(last + advice) }
        return lines
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
