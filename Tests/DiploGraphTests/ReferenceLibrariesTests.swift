import Testing
import DiploGraph
import DiploGraphIO

/// Every measure against networkx 3.6, igraph and R sna on literature graphs and 60 seeded
/// random graphs (directed and undirected, weighted, with groups), to 1e-9 relative.
@Suite struct ReferenceLibrariesTests {
    static let names = ReferenceGraph.all.map(\.name)

    @Test(arguments: names)
    func matchesReferences(name: String) throws {
        let reference = ReferenceGraph.named(name)
        let graph = reference.graph
        func expected(_ key: String) -> [Double?] { (reference.expected[key] ?? nil) ?? [] }
        expectClose(graph.betweenness(), expected("betweenness"), "\(name) betweenness")
        expectClose(graph.betweenness(isNormalized: false), expected("betweenness_raw"), "\(name) raw betweenness")
        expectClose(graph.betweenness(pathLength: .inverseWeight), expected("betweenness_inverse"), "\(name) weighted betweenness")
        expectClose(graph.closeness(), expected("closeness"), "\(name) closeness")
        expectClose(graph.closeness(pathLength: .inverseWeight), expected("closeness_inverse"), "\(name) weighted closeness")
        expectClose(graph.harmonic(), expected("harmonic"), "\(name) harmonic")
        expectClose(graph.harmonic(pathLength: .inverseWeight), expected("harmonic_inverse"), "\(name) weighted harmonic")
        expectClose(graph.pageRank(), expected("pagerank"), "\(name) pagerank")
        if let eigenvector = reference.expected["eigenvector"] ?? nil {
            let values = try #require(graph.eigenvector(), "\(name): eigenvector should converge as in networkx")
            expectClose(values, eigenvector, "\(name) eigenvector", relative: 1e-9)
        } else {
            #expect(graph.eigenvector() == nil, "\(name): networkx does not converge, so neither should we")
        }
        expectClose(graph.constraint(), expected("constraint"), "\(name) constraint")
        expectClose(graph.effectiveSize(), expected("effective_size"), "\(name) effective size")
        if let networkx = reference.expected["effective_size_networkx"] ?? nil {
            expectClose(graph.effectiveSize(), networkx, "\(name) effective size (networkx)")
        }
        let brokerage = try! graph.brokerage(groups: groupIndices(reference.groups))
        for role in BrokerageRole.allCases {
            expectClose(brokerage[role].map { Optional($0) }, expected(role.measure.rawValue), "\(name) \(role.measure)")
            expectClose(brokerage.zScoreValues(for: role), expected(role.zScoreMeasure.rawValue), "\(name) \(role.zScoreMeasure)")
        }
    }
}
