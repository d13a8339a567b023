import Foundation
import DiploGraph
import DiploGraphText

/// A line on a terminal saying how far a long computation is: rewritten in place (`\r`), shown
/// only when the output is a terminal and the work is estimated at, or has taken, a second or
/// more, and erased when the work is done. Never written to a pipe or a file, so that captured
/// output stays exactly what it was.
///
/// Safe to advance from several threads at once (`CentralityTable` computes slices in parallel).
public final class ProgressLine: @unchecked Sendable {
    private let isTerminal: Bool
    private let minimumSeconds: Double
    private let write: @Sendable (String) -> Void
    private let now: @Sendable () -> Double
    private let lock = NSLock()
    private var task = ""
    private var total: Int?
    private var unit = ""
    private var done = 0
    private var estimate: Double?
    private var started = 0.0
    private var lastShown: Double?
    private var isShowing = false

    /// A progress line written with `write` when `isTerminal`.
    /// - Parameters:
    ///   - isTerminal: whether the output is a terminal; when `false` nothing is ever written.
    ///   - minimumSeconds: the estimate, or the time taken, from which the line is shown.
    ///   - now: the clock, in seconds (tests give their own).
    ///   - write: writes text to the terminal.
    /// - Complexity: O(1).
    public init(isTerminal: Bool, minimumSeconds: Double = 1, now: @escaping @Sendable () -> Double = ProgressLine.monotonicSeconds,
                write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.minimumSeconds = minimumSeconds
        self.now = now
        self.write = write
    }

    /// A progress line on standard error, shown only when standard error is a terminal.
    /// - Returns: the line.
    /// - Complexity: O(1).
    public static func standardError() -> ProgressLine {
        ProgressLine(isTerminal: isatty(STDERR_FILENO) == 1) { text in FileHandle.standardError.write(Data(text.utf8)) }
    }

    /// Seconds on a monotonic clock.
    @Sendable public static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) * 1e-9
    }

    /// Starts a task: shows its line at once when it is estimated at the minimum seconds or more.
    /// - Parameters:
    ///   - task: what is being done, e.g. `centrality`.
    ///   - total: the steps it takes, or `nil` for one step.
    ///   - unit: what a step is, plural (`slices`, `figures`).
    ///   - estimate: its estimated time in seconds, if known.
    /// - Complexity: O(1).
    public func start(_ task: String, total: Int? = nil, unit: String = "", estimate: Double? = nil) {
        lock.lock()
        defer { lock.unlock() }
        (self.task, self.total, self.unit, self.done, self.estimate, started, lastShown) = (task, total, unit, 0, estimate, now(), nil)
        if let estimate, estimate >= minimumSeconds { show(at: started) }
    }

    /// One more step done; the line is rewritten at most five times a second, once the task
    /// is estimated at, or has taken, the minimum seconds or more.
    /// - Complexity: O(1).
    public func advance() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let time = now()
        let isLong = (estimate ?? 0) >= minimumSeconds || time - started >= minimumSeconds
        guard isLong, lastShown.map({ time - $0 >= 0.2 }) ?? true else { return }
        show(at: time)
    }

    /// Erases the line, if it was shown.
    /// - Complexity: O(1).
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if isShowing { write("\r\u{1B}[K") }
        isShowing = false
    }

    private func show(at time: Double) {
        guard isTerminal else { return }
        lastShown = time
        isShowing = true
        write("\r" + Self.formatted(task: task, done: done, total: total, unit: unit, elapsed: time - started, estimate: estimate) + "\u{1B}[K")
    }

    /// The text of a progress line: `centrality: 12 of 40 slices, 8 s of about 25 s`.
    /// - Parameters:
    ///   - task: what is being done.
    ///   - done: the steps done.
    ///   - total: the steps in all, or `nil` for a task of one step.
    ///   - unit: what a step is, plural.
    ///   - elapsed: seconds since the task started.
    ///   - estimate: the estimated time, if known.
    /// - Returns: one line, without a line feed, its text escaped for a terminal.
    /// - Complexity: O(*t*) in the length of `task`.
    public static func formatted(task: String, done: Int, total: Int?, unit: String = "", elapsed: Double, estimate: Double?) -> String {
        var text = Escape.terminal(task)
        if let total { text += ": \(min(done, total)) of \(total)" + (unit.isEmpty ? "" : " " + Escape.terminal(unit)) }
        text += total == nil ? ": " : ", "
        text += WorkEstimate.readable(max(0, elapsed))
        if let estimate { text += " of about " + WorkEstimate.readable(estimate) }
        return text
    }
}
