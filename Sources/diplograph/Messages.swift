import ArgumentParser
import DiploGraph
import DiploGraphviz
import Foundation
import DiploGraphText
import DiploGraphOutput

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
