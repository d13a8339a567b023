/// A calendar date as precise as the source gives it: a year, a month, or a day.
///
/// Event data are often vague ("in April", "in 2019"); DiploGraph keeps that
/// vagueness instead of inventing a day, and refuses to put a vague event into a
/// slice finer than its date (a `2019` event has no quarter).
public struct EventDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How precise a date is.
    public enum Precision: Int, Sendable, Comparable, CustomStringConvertible {
        /// A year only.
        case year = 0
        /// A year and month.
        case month
        /// A full date.
        case day

        /// Whether `a` is coarser than `b`.
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }

        /// `year`, `month` or `day`.
        public var description: String {
            switch self {
            case .year: "year"
            case .month: "month"
            case .day: "day"
            }
        }
    }

    /// year·10⁴ + month·10² + day, 0 for a missing month or day: four bytes, so that an
    /// ``Event`` stays small, and ordered as the dates are.
    private let packed: Int32

    /// The year, 1...9999.
    public var year: Int { Int(packed / 10_000) }
    /// 1...12, or `nil` for a year-precise date.
    public var month: Int? {
        let month = Int(packed / 100 % 100)
        return month == 0 ? nil : month
    }
    /// 1...31 as the month allows, or `nil` unless day-precise.
    public var day: Int? {
        let day = Int(packed % 100)
        return day == 0 ? nil : day
    }

    /// Creates a date, checking the calendar (proleptic Gregorian).
    ///
    /// - Parameters:
    ///   - year: 1...9999.
    ///   - month: 1...12, or `nil` for a year-precise date.
    ///   - day: a day the month has, or `nil` for a month- or year-precise date; needs `month`.
    /// - Throws: ``ValueError`` when the year, month or day does not exist, or a day is given
    ///   without a month.
    /// - Complexity: O(1).
    public init(year: Int, month: Int? = nil, day: Int? = nil) throws(ValueError) {
        guard let date = Self(checkedYear: year, month: month, day: day) else {
            throw ValueError("\(year)\(month.map { "-\($0)" } ?? "")\(day.map { "-\($0)" } ?? ""): not a date (years 1-9999, months 1-12, days the month has; a day needs a month)")
        }
        self = date
    }

    /// A date, or `nil` when the month or day does not exist (the readers' form).
    package init?(checkedYear year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        packed = Int32(year * 10_000 + (month ?? 0) * 100 + (day ?? 0))
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    /// - Returns: `nil` for any other form and for dates that do not exist (`2018-13-40`).
    /// - Complexity: O(*t*) for *t* characters (at most 10 are read).
    /// - Parameter text: the date as written, with nothing around it.
    public init?(_ text: String) {
        var text = text
        guard let date = text.withUTF8({ EventDate(utf8: $0) }) else { return nil }
        self = date
    }

    /// Parses the UTF-8 bytes of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the readers' fast path).
    /// - Complexity: O(1).
    /// - Parameter bytes: the date's UTF-8 bytes, with nothing around them.
    /// - Returns: `nil` for any other form and for dates that do not exist.
    package init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard count == 4 || count == 7 || count == 10 else { return nil }
        /// The two-digit number at `i`, or -1.
        @inline(__always) func twoDigits(_ i: Int) -> Int {
            let a = bytes[i] &- 48, b = bytes[i + 1] &- 48
            return a < 10 && b < 10 ? Int(a) * 10 + Int(b) : -1
        }
        let century = twoDigits(0), yearOfCentury = twoDigits(2)
        guard century >= 0, yearOfCentury >= 0 else { return nil }
        let year = century * 100 + yearOfCentury
        let dash = UInt8(ascii: "-")
        if count == 4 {
            self.init(checkedYear: year)
            return
        }
        let month = twoDigits(5)
        guard bytes[4] == dash, month >= 0 else { return nil }
        if count == 7 {
            self.init(checkedYear: year, month: month)
            return
        }
        let day = twoDigits(8)
        guard bytes[7] == dash, day >= 0 else { return nil }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// Whether the date names a year, a month or a day.
    public var precision: Precision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// Earlier dates first; a coarser date sorts before the finer dates it contains.
    public static func < (a: EventDate, b: EventDate) -> Bool {
        a.packed < b.packed
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the date.
    public var description: String {
        var text = String(year)
        while text.count < 4 { text = "0" + text }
        if let month { text += month < 10 ? "-0\(month)" : "-\(month)" }
        if let day { text += day < 10 ? "-0\(day)" : "-\(day)" }
        return text
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
