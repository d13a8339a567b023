import Dispatch
import Foundation
import DiploGraph
import DiploGraphText

/// Measures of every node in every slice: one row per node per slice, measures as columns
/// (the `centrality` command's output).
public struct CentralityTable: Sendable {
    /// One node of one slice: its measures in the table's column order.
    public struct Row: Sendable {
        /// The slice's label (`2018`, `2018-03`, `2016–2018`).
        public let slice: String
        /// The node: an actor, or a group when groups were merged; its id, label and group.
        public let actor: Entity
        /// One value per measure of ``CentralityTable/measures``, in that order; `nil` is an empty
        /// cell (a measure that did not converge, or a value that is not finite).
        public let values: [Double?]
    }

    /// The measures, in column order.
    public let measures: [Measure]
    /// The rows, slice by slice in slice order, and within a slice in the slice's node order.
    public let rows: [Row]
    /// Problems worth telling the user, each naming its slice (`slice 2018: eigenvector
    /// centrality did not converge ...`), in slice order; their cells are empty.
    public let warnings: [LibraryMessage]

    /// Computes `measures` on every slice of `network`.
    ///
    /// Slices are computed in parallel (and, within a slice, betweenness's sources); rows and
    /// warnings come out in slice order whatever the core count.
    /// - Parameters:
    ///   - network: the sliced events.
    ///   - measures: the columns, in order.
    ///   - pathLength: path length for betweenness, closeness and harmonic.
    ///   - progress: called once for each slice computed, from whichever thread computed it.
    /// - Complexity: that of the measures on each slice (O(*n* *m*) for betweenness on a slice
    ///   of *n* nodes and *m* edges), summed over the slices and shared among the cores.
    public init(network: SlicedNetwork, measures: [Measure], pathLength: PathLength, progress: (@Sendable () -> Void)? = nil) {
        self.measures = measures
        let slices = network.slices
        // Each slice's measures, then its rows and warnings, on its own core; joined in slice order.
        let parts = ConcurrentResults<(rows: [Row], warnings: [LibraryMessage])>(count: slices.count)
        DispatchQueue.concurrentPerform(iterations: slices.count) { index in
            let slice = slices[index]
            let table = MeasureTable(network: network, slice: slice, measures: measures, pathLength: pathLength)
            var warnings = table.warnings
            var rows: [Row] = []
            rows.reserveCapacity(slice.nodes.count)
            for (local, node) in slice.nodes.enumerated() {
                var values = table.columns.map { $0[local] }
                // A last guard: no output ever holds inf or nan (slicing already refuses sums that overflow).
                for (column, value) in values.enumerated() where value.map({ !$0.isFinite }) ?? false {
                    values[column] = nil
                    warnings.append("slice \(slice.label): \(measures[column].rawValue) of \(network.entities[Int(node)].id) is not a finite number (the weights may be too large or too small for it); its cell is empty")
                }
                rows.append(Row(slice: slice.label, actor: network.entities[Int(node)], values: values))
            }
            parts[index] = (rows, warnings)
            progress?()
        }
        var rows: [Row] = []
        var warnings: [LibraryMessage] = []
        rows.reserveCapacity(slices.reduce(0) { $0 + $1.nodes.count })
        for index in slices.indices {
            let part = parts[index]!
            rows += part.rows
            warnings += part.warnings
        }
        self.rows = rows
        self.warnings = warnings
    }

    /// The formats a table is written in (also those of the third-party roles table).
    public enum Format: String, Sendable, CaseIterable {
        /// `table`: aligned text (``text()``); `csv`: ``csv()``; `json`: ``json()``; `markdown`:
        /// ``markdown()``.
        case table, csv, json, markdown
    }

    /// The table in `format`: ``text()``, ``csv()``, ``json()`` or ``markdown()``.
    /// - Parameter format: the output format.
    /// - Returns: the table's text.
    /// - Throws: ``/DiploGraph/ValueError`` only if a value is not finite (JSON), which the table never holds.
    /// - Complexity: O(*r* *k*) for *r* rows and *k* measures.
    public func formatted(as format: Format) throws(ValueError) -> String {
        switch format {
        case .csv: csv()
        case .json: try json()
        case .markdown: markdown()
        case .table: text()
        }
    }

    /// `slice,actor,<m1>,...`; exact numbers, empty cells for missing values.
    /// - Complexity: O(*r* *k*) for *r* rows and *k* measures; large tables are formatted on all cores.
    public func csv() -> String {
        let header = (["slice", "actor"] + measures.map(\.rawValue)).joined(separator: ",") + "\n"
        // Chunks of rows formatted on all cores, joined in order.
        let chunkCount = rows.count < 4096 ? 1 : 16
        let chunks = ConcurrentResults<String>(count: chunkCount)
        let rows = rows
        let format: @Sendable (Int) -> Void = { chunk in
            chunks[chunk] = Self.csvRows(rows[(rows.count * chunk / chunkCount)..<(rows.count * (chunk + 1) / chunkCount)])
        }
        if chunkCount == 1 { format(0) } else { DispatchQueue.concurrentPerform(iterations: chunkCount, execute: format) }
        var out = header
        out.reserveCapacity(header.utf8.count + (0..<chunkCount).reduce(0) { $0 + chunks[$1]!.utf8.count })
        for chunk in 0..<chunkCount { out += chunks[chunk]! }
        return out
    }

    /// `slice,actor,<values>` lines.
    private static func csvRows(_ rows: ArraySlice<Row>) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 48)
        // Rows of one slice are consecutive: its label is escaped once.
        var slice: String?
        var escapedSlice = ""
        for row in rows {
            if row.slice != slice {
                slice = row.slice
                escapedSlice = Self.csvField(row.slice)
            }
            out += escapedSlice
            out += ","
            out += Self.csvField(row.actor.id)
            for value in row.values {
                out += ","
                if let value { out += NumberFormat.exact(value) }
            }
            out += "\n"
        }
        return out
    }

    /// ``/DiploGraphText/Escape/csv(_:)``, skipped for text that plainly needs nothing: printable ASCII
    /// without commas or quotes and without a space at either end.
    private static func csvField(_ text: String) -> String {
        var text = text
        let isPlain = text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return true }
            if first == 0x20 || last == 0x20 { return false }
            for byte in bytes where byte < 0x20 || byte > 0x7E || byte == 0x2C || byte == 0x22 { return false }
            return true
        }
        return isPlain ? text : Escape.csv(text)
    }

    /// An array of objects with `slice`, `actor`, `label`, `group` and one field per measure
    /// (`null` when empty), keys sorted, through `JSONEncoder`.
    /// - Throws: ``/DiploGraph/ValueError`` only if a value is not finite, which the table never holds.
    /// - Complexity: O(*r* *k*) for *r* rows and *k* measures, plus sorting each object's keys.
    public func json() throws(ValueError) -> String {
        try JSONValue.array(rows.map { row in
            .object([("slice", .string(row.slice)), ("actor", .string(row.actor.id)), ("label", .string(row.actor.label)),
                     ("group", .string(row.actor.group))] + zip(measures, row.values).map { ($0.rawValue, .number($1)) })
        }).text()
    }

    /// A Markdown table with readable numbers.
    /// - Complexity: O(*r* *k*) for *r* rows and *k* measures.
    public func markdown() -> String {
        var out = "| slice | actor | " + measures.map(\.rawValue).joined(separator: " | ") + " |\n"
        out += "|---|---|" + String(repeating: "---:|", count: measures.count) + "\n"
        for row in rows {
            out += "| \(Escape.markdownCell(row.slice)) | \(Escape.markdownCell(row.actor.label)) | "
            out += row.values.map { $0.map { NumberFormat.measure($0) } ?? "" }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Aligned columns for a terminal.
    /// - Complexity: O(*r* *k*) for *r* rows and *k* measures.
    public func text() -> String {
        let header = ["slice", "actor"] + measures.map(\.rawValue)
        let body = rows.map { row in
            [row.slice, row.actor.id] + row.values.map { $0.map { NumberFormat.readable($0) } ?? "-" }
        }
        return TextTable.render(header: header, rows: body, rightAligned: Set(2..<header.count))
    }
}
