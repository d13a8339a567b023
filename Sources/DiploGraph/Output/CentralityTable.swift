import Foundation

/// The rows of `diplograph centrality`: one per node per slice, measures as columns.
public struct CentralityTable: Sendable {
    public struct Row: Sendable {
        public let slice: String
        public let actor: Entity
        public let values: [Double?]
    }

    public let measures: [Measure]
    public let rows: [Row]
    public let warnings: [String]

    /// Computes `measures` on every slice of `network`.
    ///
    /// Slices are computed one after another; within a slice, betweenness uses all cores.
    public init(network: SlicedNetwork, measures: [Measure], pathLength: PathLength) {
        self.measures = measures
        var rows: [Row] = []
        var warnings: [String] = []
        for slice in network.slices {
            let table = MeasureTable(network: network, slice: slice, measures: measures, pathLength: pathLength)
            warnings += table.warnings
            for (local, node) in slice.nodes.enumerated() {
                rows.append(Row(slice: slice.label, actor: network.entities[Int(node)], values: table.columns.map { $0[local] }))
            }
        }
        self.rows = rows
        self.warnings = warnings
    }

    /// The output formats of `centrality`.
    public enum Format: String, Sendable, CaseIterable {
        case table, csv, json, markdown
    }

    public func formatted(as format: Format) -> String {
        switch format {
        case .csv: csv()
        case .json: json()
        case .markdown: markdown()
        case .table: text()
        }
    }

    /// `slice,actor,<m1>,...`; exact numbers, empty cells for missing values.
    public func csv() -> String {
        var out = (["slice", "actor"] + measures.map(\.rawValue)).joined(separator: ",") + "\n"
        for row in rows {
            out += Escape.csv(row.slice) + "," + Escape.csv(row.actor.id)
            for value in row.values { out += "," + (value.map(NumberFormat.exact) ?? "") }
            out += "\n"
        }
        return out
    }

    /// An array of objects with `slice`, `actor`, `label`, `group` and one field per measure (`null` when empty).
    public func json() -> String {
        var out = "[\n"
        for (index, row) in rows.enumerated() {
            out += "  {\"slice\": \(Escape.json(row.slice)), \"actor\": \(Escape.json(row.actor.id)), "
            out += "\"label\": \(Escape.json(row.actor.label)), \"group\": \(Escape.json(row.actor.group))"
            for (measure, value) in zip(measures, row.values) {
                out += ", \(Escape.json(measure.rawValue)): " + (value.map(NumberFormat.exact) ?? "null")
            }
            out += index == rows.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    /// A Markdown table with readable numbers.
    public func markdown() -> String {
        var out = "| slice | actor | " + measures.map(\.rawValue).joined(separator: " | ") + " |\n"
        out += "|---|---|" + String(repeating: "---:|", count: measures.count) + "\n"
        for row in rows {
            out += "| \(Escape.markdownCell(row.slice)) | \(Escape.markdownCell(row.actor.label)) | "
            out += row.values.map { $0.map { NumberFormat.readable($0) } ?? "" }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Aligned columns for a terminal.
    public func text() -> String {
        let header = ["slice", "actor"] + measures.map(\.rawValue)
        let body = rows.map { row in
            [row.slice, row.actor.id] + row.values.map { $0.map { NumberFormat.readable($0) } ?? "-" }
        }
        return TextTable.render(header: header, rows: body, rightAligned: Set(2..<header.count))
    }
}

/// Plain aligned text tables.
enum TextTable {
    static func render(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = line(header) + "\n"
        out += line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}
