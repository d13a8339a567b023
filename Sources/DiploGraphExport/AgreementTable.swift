import DiploGraph
import DiploGraphText

extension CodingAgreement {
    /// The per-field table in `format`: `field,alpha,matched,only_a,only_b` (csv), aligned text,
    /// Markdown, or JSON, which adds per slice the Jaccard similarity of the two slice graphs'
    /// ties, both codings' roles (with `dyad`) and the focus's measures.
    /// - Parameters:
    ///   - format: the output format.
    ///   - networks: both codings sliced alike (for JSON).
    ///   - dyad: the relationship and third party for the roles, as ids (for JSON).
    ///   - rule: the roles' rule.
    ///   - focus: an id whose measures JSON shows per slice.
    /// - Returns: the text.
    /// - Throws: ``/DiploGraph/ValueError`` when an id is not an entity of a coding.
    /// - Complexity: O(*e* + *s*·*m*) for the events and the measures of *s* slices.
    public func formatted(as format: CentralityTable.Format, networks: (SlicedNetwork, SlicedNetwork),
                          dyad: (a: String, b: String, third: String?)? = nil, rule: RoleRule = .min, focus: String? = nil) throws(ValueError) -> String {
        let cells = fields.map { [$0.name, $0.alpha.map(NumberFormat.exact) ?? "", String(matches.count), String(onlyA.count), String(onlyB.count)] }
        switch format {
        case .csv:
            return "field,alpha,matched,only_a,only_b\n" + cells.map { $0.joined(separator: ",") + "\n" }.joined()
        case .table:
            return TextTable.render(header: ["field", "alpha", "matched", "only_a", "only_b"],
                                    rows: fields.map { [$0.name, $0.alpha.map { NumberFormat.readable($0, digits: 3) } ?? "-", String(matches.count),
                                                        String(onlyA.count), String(onlyB.count)] }, rightAligned: [1, 2, 3, 4])
        case .markdown:
            return "| field | alpha | matched | only A | only B |\n|---|---:|---:|---:|---:|\n"
                + fields.map { "| \($0.name) | \($0.alpha.map { NumberFormat.readable($0, digits: 3) } ?? "") | \(matches.count) | \(onlyA.count) | \(onlyB.count) |\n" }.joined()
        case .json:
            let fieldValues: [JSONValue] = fields.map { field in
                .object([("field", .string(field.name)), ("alpha", .number(field.alpha)), ("matched", .integer(matches.count)),
                         ("only_a", .integer(onlyA.count)), ("only_b", .integer(onlyB.count))])
            }
            return try JSONValue.object([("fields", .array(fieldValues)),
                                         ("slices", .array(try Self.slices(networks, dyad: dyad, rule: rule, focus: focus)))]).text()
        }
    }

    static func slices(_ networks: (SlicedNetwork, SlicedNetwork), dyad: (a: String, b: String, third: String?)?, rule: RoleRule,
                       focus: String?) throws(ValueError) -> [JSONValue] {
        let both = [networks.0, networks.1]
        var labels: [String] = []
        for network in both { for slice in network.slices where !labels.contains(slice.label) { labels.append(slice.label) } }
        func ties(_ network: SlicedNetwork, _ label: String) -> Set<String> {
            guard let slice = network.slice(labelled: label) else { return [] }
            let (pairs, _) = NullModel.ties(of: slice.graph)
            return Set(pairs.map { "\(network.entities[slice.nodes[Int($0.0)].position].id)\u{0}\(network.entities[slice.nodes[Int($0.1)].position].id)" })
        }
        var roles: [[String: String]] = [[:], [:]]
        if let dyad {
            for (c, network) in both.enumerated() {
                do {
                    let a = try network.entityIndex(of: dyad.a), b = try network.entityIndex(of: dyad.b)
                    let third = try dyad.third.map { id throws(UnknownIDError) in try network.entityIndex(of: id) }
                    for row in try ThirdPartyRoles(network: network, dyad: (a, b), third: third, rule: rule).rows {
                        roles[c]["\(row.slice.label)"] = (roles[c][row.slice.label].map { $0 + ";" } ?? "") + "\(row.thirdID):\(row.role.rawValue)"
                    }
                } catch let error as UnknownIDError {
                    throw ValueError("coding \(c == 0 ? "A" : "B"): \(error.description)")
                } catch let error as ValueError {
                    throw error
                } catch {
                    throw ValueError("\(error)")
                }
            }
        }
        var result: [JSONValue] = []
        for label in labels {
            let a = ties(networks.0, label), b = ties(networks.1, label)
            let union = a.union(b).count
            var fields: [(String, JSONValue)] = [("slice", .string(label)),
                                                 ("ties_jaccard", .number(union == 0 ? nil : Double(a.intersection(b).count) / Double(union)))]
            if dyad != nil {
                fields.append(("roles_a", roles[0][label].map(JSONValue.string) ?? .number(nil)))
                fields.append(("roles_b", roles[1][label].map(JSONValue.string) ?? .number(nil)))
            }
            if let focus {
                for (c, network) in both.enumerated() {
                    var measured: [(String, JSONValue)] = []
                    if let slice = network.slice(labelled: label), let entity = try? network.entityIndex(of: focus), let node = slice.node(of: entity) {
                        let values = try network.measures(Measure.defaults, in: slice)
                        measured = Measure.defaults.map { ($0.rawValue, .number(values.table.columns[Measure.defaults.firstIndex(of: $0)!][node.position])) }
                    }
                    fields.append((c == 0 ? "focus_a" : "focus_b", measured.isEmpty ? .number(nil) : .object(measured)))
                }
            }
            result.append(.object(fields))
        }
        return result
    }
}
