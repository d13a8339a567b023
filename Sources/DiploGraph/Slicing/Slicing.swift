/// How events are cut into time slices.
///
/// Every slice covers a half-open range of calendar periods `[first, end)`: calendar
/// snapshots cover one period each; sliding windows cover `width` periods and start every
/// `step` periods; cumulative slices all start at the first period with an event.
///
/// Make one with ``calendar(_:)``, ``cumulative(_:)`` or ``window(unit:width:step:)``; the last
/// checks its numbers.
public struct Slicing: Sendable, Equatable {
    /// How the periods of a slice are chosen.
    public enum Mode: Sendable, Equatable {
        /// One slice per calendar period (`year`, `quarter`, `month`), or one slice for `all`.
        case calendar
        /// Windows of `width` periods starting every `step` periods from the first period with
        /// an event. The first window is always made; later ones only while they end by the
        /// last period with an event.
        case window(width: Int, step: Int)
        /// Expanding slices: each from the first event's period to the end of its own period.
        case cumulative
    }

    /// The calendar unit periods are counted in.
    public let unit: SliceUnit
    /// How slices are made of periods.
    public let mode: Mode

    /// The longest span a window may cover or step, in years, whatever its unit.
    public static let maximumYears = 9_999

    /// The most periods a window may span or step in any unit: 9,999 years of months. Each
    /// unit has its own limit, ``maximumPeriods(of:)``: 9,999 years of that unit.
    public static let maximumPeriods = maximumYears * 12

    /// The most periods of `unit` a window may span or step: 9,999 years of them (9,999 years,
    /// 39,996 quarters, 119,988 months), so that every unit has the same limit in time.
    /// - Parameter unit: the unit periods are counted in.
    /// - Returns: ``maximumYears`` times the periods of `unit` in a year; 1 for `all`.
    /// - Complexity: O(1).
    public static func maximumPeriods(of unit: SliceUnit) -> Int {
        unit == .all ? 1 : maximumYears * unit.periodsPerYear
    }

    /// Slices of `unit` made as `mode` says.
    /// - Throws: ``ValueError`` for a window whose width or step is not in
    ///   1...``maximumPeriods(of:)`` of its unit (longer than 9,999 years), or a window or
    ///   cumulative slicing with the unit `all`.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - unit: the period slices are counted in.
    ///   - mode: calendar periods, cumulative slices or sliding windows.
    public init(unit: SliceUnit, mode: Mode) throws(ValueError) {
        if mode != .calendar && unit == .all {
            throw ValueError("windows and cumulative slices need a unit other than all")
        }
        if case .window(let width, let step) = mode {
            let limit = Self.maximumPeriods(of: unit)
            for (name, count) in [("width", width), ("step", step)] where !(1...limit).contains(count) {
                throw ValueError("window \(name) \(count) \(unit.rawValue)\(count == 1 ? "" : "s"): "
                                 + (count < 1 ? "must be at least 1" : "longer than 9,999 years (at most \(limit) \(unit.rawValue)s)"))
            }
        }
        self.unit = unit
        self.mode = mode
    }

    /// One slice per calendar period of `unit`.
    /// - Complexity: O(1).
    /// - Parameter unit: the period, `all` for one slice of every event.
    /// - Returns: the slicing; it cannot fail.
    public static func calendar(_ unit: SliceUnit) -> Slicing { Slicing(unchecked: unit, mode: .calendar) }

    /// Expanding slices from the first period with an event; `unit` is not `all`.
    /// - Throws: ``ValueError`` for the unit `all`.
    /// - Complexity: O(1).
    /// - Parameter unit: the period each slice grows by.
    /// - Returns: the slicing.
    public static func cumulative(_ unit: SliceUnit) throws(ValueError) -> Slicing { try Slicing(unit: unit, mode: .cumulative) }

    /// Sliding windows of `width` periods of `unit`, starting every `step` periods.
    /// - Throws: ``ValueError`` when `width` or `step` is not positive (or too large), or `unit` is `all`.
    /// - Complexity: O(1).
    /// - Parameters:
    ///   - unit: the period windows are counted in (not `all`).
    ///   - width: periods per window, 1...``maximumPeriods(of:)`` of `unit` (9,999 years).
    ///   - step: periods between the starts of consecutive windows, 1...``maximumPeriods(of:)``
    ///     (windows overlap when `step` < `width`, leave gaps when it is larger).
    /// - Returns: the slicing.
    public static func window(unit: SliceUnit, width: Int, step: Int) throws(ValueError) -> Slicing {
        try Slicing(unit: unit, mode: .window(width: width, step: step))
    }

    private init(unchecked unit: SliceUnit, mode: Mode) {
        self.unit = unit
        self.mode = mode
    }

    /// The slices over periods `first...last`, as `(label, periods)`.
    func ranges(first: Int, last: Int) -> [(label: String, periods: Range<Int>)] {
        let unit = self.unit
        func label(_ periods: Range<Int>) -> String {
            periods.count == 1 ? unit.label(validPeriod: periods.lowerBound)
                : "\(unit.label(validPeriod: periods.lowerBound))..\(unit.label(validPeriod: periods.upperBound - 1))"
        }
        switch mode {
        case .calendar:
            return (first...last).map { (unit.label(validPeriod: $0), $0..<($0 + 1)) }
        case .window(let width, let step):
            var result: [(String, Range<Int>)] = []
            var start = first
            repeat {
                let periods = start..<(start + width)
                result.append((label(periods), periods))
                start += step
            } while start + width - 1 <= last
            return result
        case .cumulative:
            return (first...last).map { end in
                let periods = first..<(end + 1)
                return (label(periods), periods)
            }
        }
    }
}
