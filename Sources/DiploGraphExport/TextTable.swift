import Dispatch
import Foundation
import DiploGraph
import DiploGraphText

/// Plain aligned text tables.
enum TextTable {
    /// Cells are shown with control characters escaped (``/DiploGraphText/Escape/terminal(_:)``).
    static func render(header: [String], rows rawRows: [[String]], rightAligned: Set<Int>) -> String {
        let rows = rawRows.map { $0.map(Escape.terminal) }
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
