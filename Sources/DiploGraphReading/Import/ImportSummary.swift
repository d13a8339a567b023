import Foundation
import DiploGraph

/// What an import read, kept and skipped.
public struct ImportSummary: Sendable, Equatable, CustomStringConvertible {
    /// Data rows read (the header is not counted).
    public var rows = 0
    /// Rows kept as events.
    public var imported = 0
    /// Rows skipped because the source or target country was empty or only whitespace.
    public var withoutBothCountries = 0
    /// Rows skipped because both sides were the same country.
    public var domestic = 0
    /// Rows skipped because the mapping covers no prefix of their CAMEO code.
    public var unmapped = 0
    /// Malformed rows skipped (a wrong field count, an invalid date or CAMEO code, bytes that
    /// are not UTF-8 in any field, a NUL byte in a country); only counted when bad rows are
    /// skipped, otherwise they are errors.
    public var badRows = 0
    /// Rows skipped because a country was only whitespace (also counted in `withoutBothCountries`).
    public var blankCountries = 0
    /// Country names written with whitespace around them, kept without it.
    public var trimmedCountries = 0

    /// One line for people: `imported 9 of 12 events; skipped ...`, with the counts that are
    /// not zero.
    public var description: String {
        var text = "imported \(imported) of \(rows) events; skipped \(withoutBothCountries) without both countries, "
            + "\(domestic) domestic, \(unmapped) with unmapped CAMEO codes"
        if badRows > 0 { text += ", \(badRows) bad rows" }
        if blankCountries > 0 { text += " (\(blankCountries) of the rows without both countries had a country of only spaces)" }
        if trimmedCountries > 0 { text += "; removed the spaces around \(trimmedCountries) country name\(trimmedCountries == 1 ? "" : "s")" }
        return text
    }
}
