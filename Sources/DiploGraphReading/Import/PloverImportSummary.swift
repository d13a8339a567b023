/// What a PLOVER or POLECAT import read, kept and skipped: every record falls in exactly one
/// of the counts after `records`.
public struct PloverImportSummary: Sendable, Equatable, CustomStringConvertible {
    /// Records read (a JSON record or a data row; headers are not counted).
    public var records = 0
    /// Records that gave at least one event.
    public var imported = 0
    /// Records without two sides: no actor with a code, or a single actor and no recipient.
    public var withoutBothSides = 0
    /// Records whose every pair of sides is in one country.
    public var domestic = 0
    /// Records whose event types the mapping does not cover.
    public var unmapped = 0
    /// Records with more than one actor or recipient, skipped under `--compound skip`.
    public var compound = 0
    /// PLOVER `DOCUMENT` records, which describe the file and no event.
    public var documentation = 0
    /// Malformed records, counted when bad records are skipped (otherwise they are errors).
    public var badRecords = 0
    /// Events written (a compound record gives several).
    public var events = 0
    /// Events merged into an earlier one by `--dedupe` (not written; their number is in the
    /// earlier event's `count`).
    public var merged = 0
    /// Events written as mediation relays (with `about`).
    public var relays = 0

    /// A summary with every count zero.
    /// - Complexity: O(1).
    public init() {}

    /// One line: `imported 5 of 9 records as 7 events; skipped ...`, with the counts that are
    /// not zero after the first three reasons.
    public var description: String {
        var text = "imported \(imported) of \(records) records as \(events) events; skipped \(withoutBothSides) without both sides, "
            + "\(domestic) domestic, \(unmapped) with unmapped event types"
        if compound > 0 { text += ", \(compound) compound" }
        if documentation > 0 { text += ", \(documentation) documentation records" }
        if badRecords > 0 { text += ", \(badRecords) bad records" }
        if merged > 0 { text += "; merged \(merged) repeated reports" }
        if relays > 0 { text += "; \(relays) events are mediation relays" }
        return text
    }
}
