import DiploGraph
import DiploGraphText

/// A column the evidence options add to a centrality table: its name and one value per row.
public struct EvidenceColumn: Sendable {
    /// The header, `betweenness_p`, `brokerage_q`, `degree_min`.
    public let name: String
    /// One value per row of the table, `nil` for an empty cell.
    public let values: [Double?]

    /// A column named `name` with `values`, one per table row.
    /// - Parameters:
    ///   - name: the header.
    ///   - values: one value per row.
    /// - Complexity: O(1).
    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }

    /// The `m_p` and `m_q` columns of `test`, measure by measure, rows as slice by slice, nodes
    /// in slice order (the order of ``CentralityTable/rows``).
    /// - Parameter test: the permutation test of the table's network.
    /// - Returns: two columns per tested measure.
    /// - Complexity: O(*r* *k*) for *r* rows and *k* measures.
    public static func columns(of test: PermutationTest) -> [EvidenceColumn] {
        test.measures.indices.flatMap { c in
            [EvidenceColumn(name: "\(test.measures[c].rawValue)_p", values: test.pValues.flatMap { $0[c] }),
             EvidenceColumn(name: "\(test.measures[c].rawValue)_q", values: test.qValues.flatMap { $0[c] })]
        }
    }
}

extension EvidenceColumn {
    /// The `m_min` and `m_max` columns of `influence`, measure by measure, in the order of
    /// ``CentralityTable/rows``.
    /// - Parameter influence: the influence ranges of the table's network.
    /// - Returns: two columns per measure.
    /// - Complexity: O(*r* *k*) for *r* rows and *k* measures.
    public static func columns(of influence: MeasureInfluence) -> [EvidenceColumn] {
        influence.measures.indices.flatMap { c in
            [EvidenceColumn(name: "\(influence.measures[c].rawValue)_min", values: influence.minimum.flatMap { $0[c] }),
             EvidenceColumn(name: "\(influence.measures[c].rawValue)_max", values: influence.maximum.flatMap { $0[c] })]
        }
    }
}

extension CentralityTable {
    /// The table in `format` with `columns` after the measures.
    /// - Parameters:
    ///   - format: the output format.
    ///   - columns: extra columns, each with one value per row.
    /// - Returns: the table's text.
    /// - Throws: ``/DiploGraph/ValueError`` when a column has not one value per row.
    /// - Complexity: O(*r* (*k* + *c*)) for *r* rows, *k* measures and *c* columns.
    public func formatted(as format: Format, adding columns: [EvidenceColumn]) throws(ValueError) -> String {
        for column in columns where column.values.count != rows.count {
            throw ValueError("column \(column.name): \(column.values.count) values for \(rows.count) rows")
        }
        let names = measures.map(\.rawValue) + columns.map(\.name)
        let values = rows.indices.map { r in rows[r].values + columns.map { $0.values[r] } }
        switch format {
        case .csv:
            var out = (["slice", "actor"] + names).joined(separator: ",") + "\n"
            for (row, cells) in zip(rows, values) {
                out += ([Escape.csv(row.slice), Escape.csv(row.actor.id)] + cells.map { $0.map(NumberFormat.exact) ?? "" }).joined(separator: ",") + "\n"
            }
            return out
        case .json:
            return try JSONValue.array(zip(rows, values).map { row, cells in
                .object([("slice", .string(row.slice)), ("actor", .string(row.actor.id)), ("label", .string(row.actor.label)),
                         ("group", .string(row.actor.group))] + zip(names, cells).map { ($0, .number($1)) })
            }).text()
        case .markdown:
            var out = "| slice | actor | " + names.joined(separator: " | ") + " |\n"
            out += "|---|---|" + String(repeating: "---:|", count: names.count) + "\n"
            for (row, cells) in zip(rows, values) {
                out += "| \(Escape.markdownCell(row.slice)) | \(Escape.markdownCell(row.actor.label)) | "
                out += cells.map { $0.map { NumberFormat.measure($0) } ?? "" }.joined(separator: " | ") + " |\n"
            }
            return out
        case .table:
            let header = ["slice", "actor"] + names
            return TextTable.render(header: header, rows: zip(rows, values).map { row, cells in
                [row.slice, row.actor.id] + cells.map { $0.map { NumberFormat.readable($0) } ?? "-" }
            }, rightAligned: Set(2..<header.count))
        }
    }
}
