import Testing
import DiploGraph
import DiploGraphIO

@Suite struct ThirdPartyRolesTests {
    /// Events as `year,source,target,kind[,weight]` lines; kinds: summit +1, pressure −1, talks 0.
    func roles(_ rows: [String], dyad: (String, String) = ("A", "B"), third: String? = nil, rule: RoleRule = .min) throws -> [ThirdPartyRoles.Row] {
        var kinds = KindTable()
        try kinds.declare(Kind(id: "talks", polarity: .neutral, label: "Talks"))
        let text = "date,source,target,kind,weight\n" + rows.map { $0.split(separator: ",").count == 4 ? $0 + ",1" : $0 }.joined(separator: "\n")
        let log = try DatasetReader.readEvents(bytes: Array(text.utf8), name: "e.csv", kinds: kinds)
        let network = try Slicer.slice(log, options: SliceOptions())
        func index(_ id: String) throws -> EntityIndex { try network.entityIndex(of: id) }
        return try ThirdPartyRoles(network: network, dyad: (try index(dyad.0), try index(dyad.1)), third: try third.map(index), rule: rule).rows
    }

    @Test func cooperatingWithBothFacilitates() throws {
        let rows = try roles(["2018,T,A,summit", "2018,B,T,summit"])
        #expect(rows.map(\.role) == [.facilitating])
        #expect(rows[0].score == 1)
        #expect(rows[0].stanceTowardsA == 1 && rows[0].stanceTowardsB == 1)
    }

    @Test func conflictWithEitherSideSpoilsUnderMin() throws {
        let rows = try roles(["2018,T,A,summit", "2018,T,B,pressure"])
        #expect(rows.map(\.role) == [.spoiling])
        #expect(rows[0].score == -1)
    }

    @Test func balanceRuleFollowsHeider() throws {
        // Negative to both sides: the enemy of both pulls them together.
        let both = try roles(["2018,T,A,pressure", "2018,B,T,pressure"], rule: .balance)
        #expect(both.map(\.role) == [.facilitating])
        #expect(try roles(["2018,T,A,pressure", "2018,B,T,pressure"], rule: .min).map(\.role) == [.spoiling])
        let mixed = try roles(["2018,T,A,summit", "2018,T,B,pressure"], rule: .balance)
        #expect(mixed.map(\.role) == [.spoiling])
    }

    @Test func stancesAreWeightedSharesInBothDirections() throws {
        // T–A: +2 (T→A) and −1 (A→T): σ = 1/3. T–B: talks (0) and summit 3: σ = 3/4.
        let rows = try roles(["2018,T,A,summit,2", "2018,A,T,pressure,1", "2018,B,T,talks,1", "2018,T,B,summit,3"])
        #expect(isClose(rows[0].stanceTowardsA!, 1.0 / 3))
        #expect(isClose(rows[0].stanceTowardsB!, 0.75))
        #expect(isClose(rows[0].score, 1.0 / 3))
        #expect(rows[0].eventsWithA == 2 && rows[0].eventsWithB == 2)
        let balance = try roles(["2018,T,A,summit,2", "2018,A,T,pressure,1", "2018,B,T,talks,1", "2018,T,B,summit,3"], rule: .balance)
        #expect(isClose(balance[0].score, 0.25))
    }

    @Test func thresholds() {
        #expect(ThirdPartyRole(score: 0.1) == .neutral)
        #expect(ThirdPartyRole(score: 0.1000001) == .facilitating)
        #expect(ThirdPartyRole(score: -0.1) == .neutral)
        #expect(ThirdPartyRole(score: -0.1000001) == .spoiling)
        #expect(ThirdPartyRole(score: 0) == .neutral)
    }

    @Test func noRowWithoutEventsWithBothSides() throws {
        let rows = try roles(["2018,T,A,summit", "2018,U,A,summit", "2018,U,B,pressure", "2018,A,B,summit", "2019,T,B,summit", "2019,T,A,summit"])
        #expect(rows.map { "\($0.slice.label) \($0.thirdID) \($0.role.rawValue)" } == ["2018 U spoiling", "2019 T facilitating"])
    }

    @Test func onlyTheNamedThirdParty() throws {
        let rows = try roles(["2018,T,A,summit", "2018,T,B,summit", "2018,U,A,summit", "2018,U,B,summit"], third: "U")
        #expect(rows.map(\.thirdID) == ["U"])
    }

    /// Events as `year,source,target,kind,weight,about` lines over an actors file with groups.
    func stance(_ rows: [String], dyad: (String, String), mergesGroups: Bool = false, rule: RoleRule = .stance) throws -> [ThirdPartyRoles.Row] {
        var kinds = KindTable()
        try kinds.declare(Kind(id: "talks", polarity: .neutral, label: "Talks"))
        let actors = try DatasetReader.readActors(bytes: Array("id,label,group\na1,A1,A\na2,A2,A\nb1,B1,B\nt1,T1,T\nt2,T2,T\nu,U,U\n".utf8), name: "a.csv")
        let text = "date,source,target,kind,weight,about\n" + rows.joined(separator: "\n")
        let log = try DatasetReader.readEvents(bytes: Array(text.utf8), name: "e.csv", actors: actors, kinds: kinds)
        let network = try Slicer.slice(log, options: SliceOptions(mergesGroups: mergesGroups))
        func index(_ id: String) throws -> EntityIndex { try network.entityIndex(of: id) }
        return try ThirdPartyRoles(network: network, dyad: (try index(dyad.0), try index(dyad.1)), rule: rule).rows
    }

    @Test func stanceScoresActsAboutTheDyadWhateverTheirTarget() throws {
        // T1 meets both sides (tone +1) but acts against their relationship: pressure on U about
        // A1|B1 (weight 3), a summit with A1 about it (weight 1): σ_about = (−3 + 1) / 4 = −0.5.
        let rows = [
            "2018,t1,a1,summit,1,", "2018,b1,t1,summit,1,",
            "2018,t1,u,pressure,3,b1|a1", "2018,t1,a1,summit,1,a1|b1",
            // acts about another relationship, or by a side, do not count
            "2018,t1,b1,pressure,5,a2|b1", "2018,a1,b1,pressure,1,a1|b1",
            // U: one neutral act about the dyad, nothing with the sides
            "2018,u,t2,talks,2,a1|b1",
        ]
        let stanceRows = try stance(rows, dyad: ("a1", "b1"))
        #expect(stanceRows.map { "\($0.thirdID) \($0.role.rawValue) \($0.eventsAbout)" } == ["t1 spoiling 2", "u neutral 1"])
        #expect(isClose(stanceRows[0].score, -0.5))
        #expect(stanceRows[0].events.map(\.position) == [2, 3])
        #expect(stanceRows[1].stanceTowardsA == nil && stanceRows[1].stanceTowardsB == nil && stanceRows[1].score == 0)
        // The tone rule reads the same events the other way: T1 deals with A1 (summit 1, summit 1)
        // and B1 (summit 1, pressure 5): σ(T1,B1) = −4/6, min spoils; U has no row.
        let tone = try stance(rows, dyad: ("a1", "b1"), rule: .min)
        #expect(tone.map(\.thirdID) == ["t1"])
        #expect(isClose(tone[0].score, -4.0 / 6))
        #expect(tone[0].events.map(\.position) == [0, 1, 3, 4])
    }

    @Test func stanceUnderByGroupReadsAboutAsGroups() throws {
        // Group level: a2|b1 and a1|b1 are both A|B; T1 and T2 are both T.
        let rows = [
            "2018,t1,u,summit,1,a2|b1", "2018,t2,a1,pressure,1,b1|a1", "2018,t2,u,summit,2,a1|b1",
            "2018,u,t1,pressure,1,a1|a2",  // about A|A under groups: no dyad of two groups
        ]
        let groups = try stance(rows, dyad: ("A", "B"), mergesGroups: true)
        #expect(groups.map { "\($0.thirdID) \($0.eventsAbout)" } == ["T 3"])
        #expect(isClose(groups[0].score, 0.5))  // (1 − 1 + 2) / 4
        #expect(groups[0].role == .facilitating)
        // At the actor level the dyad a1|b1 has T2's two acts only: (−1 + 2) / 3.
        let actors = try stance(rows, dyad: ("a1", "b1"))
        #expect(actors.map(\.thirdID) == ["t2"])
        #expect(isClose(actors[0].score, 1.0 / 3))
    }

    @Test func stanceColumnsInEveryFormat() throws {
        let rows = try stance(["2018,t1,u,pressure,1,a1|b1"], dyad: ("a1", "b1"))
        let roles = ThirdPartyRoles(rows: rows)
        #expect(roles.csv() == "slice,third,role,score,sigma_a,sigma_b,events_a,events_b,events_about\n2018,t1,spoiling,-1,,,0,0,1\n")
        let json = try roles.json()
        #expect(json.contains("\"sigma_a\" : null"))
        #expect(roles.markdown(dyadLabels: ("a1", "b1")).contains("| 2018 | t1 | spoiling | -1 |  |  | 0 | 1 |"))
    }

    @Test func defaultDatasetReadsAsTheArticleFor2017And2018() throws {
        let root = "\(#filePath)".components(separatedBy: "/Tests/")[0] + "/graphs/korean-peninsula"
        let kinds = try DatasetReader.readKinds(path: root + ".kinds.csv")
        let actors = try DatasetReader.readActors(path: root + ".actors.csv")
        let log = try DatasetReader.readEvents(path: root + ".events.csv", actors: actors, kinds: kinds)
        let network = try Slicer.slice(log, options: SliceOptions(mergesGroups: true))
        func index(_ id: String) throws -> EntityIndex { try network.entityIndex(of: id) }
        let rows = try ThirdPartyRoles(network: network, dyad: (try index("ROK"), try index("DPRK")), third: try index("US")).rows
        // What the name says: the years where the article's reading rests on acts with both
        // Koreas. Later years are for the README's figures, computed from the tool.
        #expect(rows.filter { ["2017", "2018"].contains($0.slice.label) }.map { "\($0.slice.label) \($0.role.rawValue)" } == ["2017 spoiling", "2018 facilitating"])
    }
}
