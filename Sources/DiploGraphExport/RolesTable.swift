import DiploGraph
import DiploGraphText

// The role table in the formats `roles` writes: CSV, JSON, Markdown and aligned text.
extension ThirdPartyRoles {
    /// The table in `format`: ``csv()``, ``json()``, ``markdown(dyadLabels:)`` or ``text()``.
    /// - Parameters:
    ///   - format: the output format.
    ///   - dyadLabels: the two sides' names for the Markdown table's stance columns.
    /// - Returns: the table's text.
    /// - Throws: ``/DiploGraph/ValueError`` only if a score is not finite (JSON), which role scores never are.
    /// - Complexity: O(*r*) for *r* rows.
    public func formatted(as format: CentralityTable.Format, dyadLabels: (String, String)) throws(ValueError) -> String {
        switch format {
        case .csv: csv()
        case .json: try json()
        case .markdown: markdown(dyadLabels: dyadLabels)
        case .table: text()
        }
    }

    /// `slice,third,role,score,sigma_a,sigma_b,events_a,events_b,events_about`; a σ T has no
    /// event for is an empty cell.
    /// - Complexity: O(*r*) for *r* rows.
    public func csv() -> String {
        var out = "slice,third,role,score,sigma_a,sigma_b,events_a,events_b,events_about\n"
        for row in rows {
            out += [Escape.csv(row.slice.label), Escape.csv(row.thirdID), row.role.rawValue, NumberFormat.exact(row.score),
                    row.stanceTowardsA.map(NumberFormat.exact) ?? "", row.stanceTowardsB.map(NumberFormat.exact) ?? "",
                    String(row.eventsWithA), String(row.eventsWithB), String(row.eventsAbout)].joined(separator: ",") + "\n"
        }
        return out
    }

    /// An array of objects with the CSV's fields (`null` for an empty σ), keys sorted, through `JSONEncoder`.
    /// - Throws: ``/DiploGraph/ValueError`` only if a score is not finite, which role scores never are.
    /// - Complexity: O(*r*) for *r* rows, plus sorting each object's keys.
    public func json() throws(ValueError) -> String {
        try JSONValue.array(rows.map { row in
            .object([("slice", .string(row.slice.label)), ("third", .string(row.thirdID)), ("role", .string(row.role.rawValue)),
                     ("score", .number(row.score)), ("sigma_a", .number(row.stanceTowardsA)), ("sigma_b", .number(row.stanceTowardsB)),
                     ("events_a", .integer(row.eventsWithA)), ("events_b", .integer(row.eventsWithB)),
                     ("events_about", .integer(row.eventsAbout))])
        }).text()
    }

    /// A Markdown table; `dyadLabels` name the two sides in the stance columns.
    /// - Parameter dyadLabels: the names of the dyad's two sides, A and B.
    /// - Returns: the table with a header row.
    /// - Complexity: O(*r*) for *r* rows.
    public func markdown(dyadLabels: (String, String)) -> String {
        var out = "| slice | third party | role | score | σ(T, \(Escape.markdownCell(dyadLabels.0))) | σ(T, \(Escape.markdownCell(dyadLabels.1))) | events | acts about the dyad |\n"
        out += "|---|---|---|---:|---:|---:|---:|---:|\n"
        for row in rows {
            out += "| \(Escape.markdownCell(row.slice.label)) | \(Escape.markdownCell(row.thirdID)) | \(row.role.rawValue) | \(NumberFormat.readable(row.score, digits: 3)) | "
            out += "\(Self.readable(row.stanceTowardsA, empty: "")) | \(Self.readable(row.stanceTowardsB, empty: "")) | \(row.eventsWithA + row.eventsWithB) | \(row.eventsAbout) |\n"
        }
        return out
    }

    /// Aligned columns for a terminal.
    /// - Complexity: O(*r*) for *r* rows.
    public func text() -> String {
        TextTable.render(header: ["slice", "third", "role", "score", "sigma_a", "sigma_b", "events_a", "events_b", "events_about"],
                         rows: rows.map { [$0.slice.label, $0.thirdID, $0.role.rawValue, NumberFormat.readable($0.score, digits: 3),
                                           Self.readable($0.stanceTowardsA, empty: "-"), Self.readable($0.stanceTowardsB, empty: "-"),
                                           String($0.eventsWithA), String($0.eventsWithB), String($0.eventsAbout)] },
                         rightAligned: [3, 4, 5, 6, 7, 8])
    }

    static func readable(_ value: Double?, empty: String) -> String {
        value.map { NumberFormat.readable($0, digits: 3) } ?? empty
    }
}
