import Testing
@testable import DiploGraph

@Suite struct ThirdPartyRolesTests {
    /// Events as `year,source,target,kind[,weight]` lines; kinds: summit +1, pressure −1, talks 0.
    func roles(_ rows: [String], dyad: (String, String) = ("A", "B"), third: String? = nil, rule: RoleRule = .min) throws -> [ThirdPartyRoles.Row] {
        var kinds = KindTable()
        kinds.declare(Kind(id: "talks", polarity: .neutral, label: "Talks"))
        let text = "date,source,target,kind,weight\n" + rows.map { $0.split(separator: ",").count == 4 ? $0 + ",1" : $0 }.joined(separator: "\n")
        let log = try DatasetReader.readEvents(bytes: Array(text.utf8), name: "e.csv", kinds: kinds)
        let network = try Slicer.slice(log, options: SliceOptions())
        func index(_ id: String) -> Int32 { Int32(network.entities.firstIndex { $0.id == id }!) }
        return ThirdPartyRoles(network: network, dyad: (index(dyad.0), index(dyad.1)), third: third.map(index), rule: rule).rows
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
        #expect(rows.map { "\($0.slice) \($0.third) \($0.role.rawValue)" } == ["2018 U spoiling", "2019 T facilitating"])
    }

    @Test func onlyTheNamedThirdParty() throws {
        let rows = try roles(["2018,T,A,summit", "2018,T,B,summit", "2018,U,A,summit", "2018,U,B,summit"], third: "U")
        #expect(rows.map(\.third) == ["U"])
    }

    @Test func defaultDatasetReadsAsTheArticleFor2017And2018() throws {
        let root = "\(#filePath)".components(separatedBy: "/Tests/")[0] + "/graphs/korean-peninsula"
        let kinds = try DatasetReader.readKinds(path: root + ".kinds.csv")
        let actors = try DatasetReader.readActors(path: root + ".actors.csv")
        let log = try DatasetReader.readEvents(path: root + ".events.csv", actors: actors, kinds: kinds)
        let network = try Slicer.slice(log, options: SliceOptions(mergesGroups: true))
        func index(_ id: String) -> Int32 { Int32(network.entities.firstIndex { $0.id == id }!) }
        let rows = ThirdPartyRoles(network: network, dyad: (index("ROK"), index("DPRK")), third: index("US")).rows
        #expect(rows.map { "\($0.slice) \($0.role.rawValue)" } == ["2017 spoiling", "2018 facilitating", "2019 facilitating", "2020 spoiling"])
    }
}
