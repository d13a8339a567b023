import DiploGraph
/// Which CAMEO event codes become which DiploGraph kinds.
///
/// A mapping row matches every code that starts with it; the longest match wins, so
/// `17 → pressure` and `173 → mediation` send `1731` to mediation. Codes are text: `042`
/// keeps its leading zero.
public struct CAMEOMapping: Sendable, Equatable {
    /// `(prefix, kind id)` rows.
    public private(set) var rows: [(prefix: String, kind: String)]

    /// Whether two mappings have the same rows in the same order.
    /// - Parameters:
    ///   - a: a mapping.
    ///   - b: another mapping.
    /// - Returns: `true` when the prefixes and kinds agree row by row (the order breaks ties,
    ///   so it matters).
    /// - Complexity: O(*r*) for *r* rows.
    public static func == (a: CAMEOMapping, b: CAMEOMapping) -> Bool {
        a.rows.map(\.prefix) == b.rows.map(\.prefix) && a.rows.map(\.kind) == b.rows.map(\.kind)
    }

    /// A mapping from `(prefix, kind id)` rows.
    /// - Throws: ``/DiploGraph/ValueError`` for a prefix that is not 1 to 6 digits, a kind id that is empty,
    ///   or a prefix given twice.
    /// - Parameter rows: the prefixes and the kind ids they map to; the order breaks ties
    ///   between equally long prefixes.
    /// - Complexity: O(*r*) for *r* rows.
    public init(rows: [(prefix: String, kind: String)]) throws(ValueError) {
        var seen: Set<String> = []
        for row in rows {
            guard (1...6).contains(row.prefix.utf8.count), row.prefix.utf8.allSatisfy({ (48...57).contains($0) }) else {
                throw ValueError("CAMEO prefix '\(row.prefix)': expected 1 to 6 digits, such as 042 or 17")
            }
            guard !row.kind.isEmpty else { throw ValueError("CAMEO prefix '\(row.prefix)': the kind is empty") }
            guard seen.insert(row.prefix).inserted else { throw ValueError("CAMEO prefix '\(row.prefix)' is mapped twice") }
        }
        self.rows = rows
    }

    private init(checkedRows rows: [(prefix: String, kind: String)]) { self.rows = rows }

    /// The interface's default: mediation 038 039 045 046; summit 036 042 043 044 057;
    /// pressure 10 111 12 13 161 163 17.
    public static let standard = CAMEOMapping(checkedRows: [
        ("038", "mediation"), ("039", "mediation"), ("045", "mediation"), ("046", "mediation"),
        ("036", "summit"), ("042", "summit"), ("043", "summit"), ("044", "summit"), ("057", "summit"),
        ("10", "pressure"), ("111", "pressure"), ("12", "pressure"), ("13", "pressure"),
        ("161", "pressure"), ("163", "pressure"), ("17", "pressure"),
    ])

    /// The kind of `code`, or `nil` when no row matches.
    /// - Complexity: O(*r*) for *r* rows.
    /// - Parameter code: a CAMEO event code, as text (`042`).
    /// - Returns: the kind id of the longest prefix of `code` among the rows (the first row of
    ///   that length on a tie).
    public func kind(for code: String) -> String? {
        var best: (length: Int, kind: String)?
        for row in rows where code.hasPrefix(row.prefix) && row.prefix.count > (best?.length ?? -1) {
            best = (row.prefix.count, row.kind)
        }
        return best?.kind
    }

    /// Reads a mapping file (`cameo,kind`).
    /// - Throws: ``/DiploGraph/InputProblems`` for codes that are not digits, unknown kinds, duplicate codes.
    /// - Parameters:
    ///   - path: the mapping file, CSV with a `cameo,kind` header.
    ///   - kinds: the known kinds, which every row's kind must be one of.
    /// - Returns: the mapping, rows in file order.
    /// - Complexity: O(*b*) for a file of *b* bytes.
    public static func read(path: String, kinds: KindTable) throws(InputProblems) -> CAMEOMapping {
        var table = try TableFile(path: path, required: ["cameo", "kind"], expectedHeader: "cameo,kind")
        let cameoColumn = table.column("cameo")!, kindColumn = table.column("kind")!
        var rows: [(String, String)] = []
        var firstLine: [String: Int] = [:]
        while table.next() {
            guard let code = table.text(cameoColumn), let kind = table.text(kindColumn) else { continue }
            guard (1...6).contains(code.utf8.count), code.utf8.allSatisfy({ (48...57).contains($0) }) else {
                table.problem("invalid CAMEO code '\(code)' (expected 1 to 6 digits, such as 042)")
                continue
            }
            guard kinds.index(of: kind) != nil else {
                table.problem("unknown kind '\(kind)' (known kinds: \(kinds.knownIDs); declare others in a kinds file)")
                continue
            }
            if let earlier = firstLine[code] {
                table.problem("CAMEO code '\(code)' mapped twice (first on line \(earlier))")
                continue
            }
            firstLine[code] = table.line
            rows.append((code, kind))
        }
        try table.problems.throwIfAny()
        do {
            return try CAMEOMapping(rows: rows)
        } catch {
            throw InputProblems([InputProblem(file: table.displayName, line: nil, message: error.message)])
        }
    }
}
