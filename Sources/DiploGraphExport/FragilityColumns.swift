import DiploGraph
import DiploGraphText

// The role table with the evidence columns `roles --fragility` adds: support, fragility, pivotal.
extension ThirdPartyRoles {
    /// The table in `format` with three columns at the end: `support` (events entering the
    /// score), `fragility` (the fewest events whose removal changes the verdict, `>K` past the
    /// depth) and `pivotal` (the lines of the events whose removal alone changes it, `;`-joined).
    /// - Parameters:
    ///   - format: the output format.
    ///   - dyadLabels: the two sides' names for the Markdown table's stance columns.
    ///   - fragility: the evidence for these rows, one verdict per row.
    /// - Returns: the table's text.
    /// - Throws: ``/DiploGraph/ValueError`` when `fragility` has not one verdict per row.
    /// - Complexity: O(*r* + *p*) for *r* rows and *p* pivotal events.
    public func formatted(as format: CentralityTable.Format, dyadLabels: (String, String), fragility: RoleFragility) throws(ValueError) -> String {
        guard fragility.verdicts.count == rows.count else {
            throw ValueError("\(fragility.verdicts.count) fragility verdicts for \(rows.count) rows")
        }
        let cells = fragility.verdicts.map { verdict in
            [String(verdict.support), verdict.fragility.map(String.init) ?? ">\(fragility.depth)",
             verdict.pivotalLines.map(String.init).joined(separator: ";")]
        }
        switch format {
        case .csv:
            let lines = csv().split(separator: "\n", omittingEmptySubsequences: false)
            var out = String(lines[0]) + ",support,fragility,pivotal\n"
            for (index, line) in lines.dropFirst().prefix(rows.count).enumerated() { out += String(line) + "," + cells[index].joined(separator: ",") + "\n" }
            return out
        case .json:
            return try JSONValue.array(zip(rows, fragility.verdicts).map { row, verdict in
                .object([("slice", .string(row.slice.label)), ("third", .string(row.thirdID)), ("role", .string(row.role.rawValue)),
                         ("score", .number(row.score)), ("sigma_a", .number(row.stanceTowardsA)), ("sigma_b", .number(row.stanceTowardsB)),
                         ("events_a", .integer(row.eventsWithA)), ("events_b", .integer(row.eventsWithB)),
                         ("events_about", .integer(row.eventsAbout)), ("support", .integer(verdict.support)),
                         ("fragility", verdict.fragility.map(JSONValue.integer) ?? .string(">\(fragility.depth)")),
                         ("pivotal", .array(verdict.pivots.map { pivot in
                             .object([("line", .integer(pivot.line)), ("role_after", pivot.roleAfter.map { .string($0.rawValue) } ?? .number(nil))])
                         }))])
            }).text()
        case .markdown:
            let lines = markdown(dyadLabels: dyadLabels).split(separator: "\n", omittingEmptySubsequences: false)
            var out = String(lines[0]) + " support | fragility | pivotal lines |\n" + String(lines[1]) + "---:|---:|---|\n"
            for (index, line) in lines.dropFirst(2).prefix(rows.count).enumerated() {
                out += String(line) + " " + cells[index].map(Escape.markdownCell).joined(separator: " | ") + " |\n"
            }
            return out
        case .table:
            return TextTable.render(header: ["slice", "third", "role", "score", "sigma_a", "sigma_b", "events_a", "events_b", "events_about",
                                             "support", "fragility", "pivotal"],
                                    rows: zip(rows, cells).map { row, extra in
                                        [row.slice.label, row.thirdID, row.role.rawValue, NumberFormat.readable(row.score, digits: 3),
                                         Self.readable(row.stanceTowardsA, empty: "-"), Self.readable(row.stanceTowardsB, empty: "-"),
                                         String(row.eventsWithA), String(row.eventsWithB), String(row.eventsAbout)] + extra
                                    },
                                    rightAligned: [3, 4, 5, 6, 7, 8, 9, 10])
        }
    }
}
