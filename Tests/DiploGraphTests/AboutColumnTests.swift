import Testing
import DiploGraph
import DiploGraphIO

/// The `about` column: the relationship an act bears on, `A|B`.
@Suite struct AboutColumnTests {
    static let actorsFile = """
    id,label,group
    m,Moon,ROK
    s,Seoul,ROK
    t,Trump,US
    w,Washington,US
    k,Kim,DPRK
    p,Pyongyang,DPRK
    """

    func actors() throws -> ActorTable {
        try DatasetReader.readActors(bytes: Array(Self.actorsFile.utf8), name: "a.csv")
    }

    func read(_ rows: String, actors: ActorTable? = nil) throws(InputProblems) -> EventLog {
        try DatasetReader.readEvents(bytes: Array(("date,source,target,kind,about\n" + rows).utf8), name: "e.csv", actors: actors)
    }

    func problems(_ rows: String, actors: ActorTable? = nil) -> [String] {
        do {
            _ = try read(rows, actors: actors)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func aboutIsAnUnorderedPairOfActors() throws {
        let log = try read("2018,t,k,pressure,m|k\n2018,t,k,pressure,k|m\n2018,t,k,pressure,\n")
        let m = log.actors.index(of: "m")!, k = log.actors.index(of: "k")!
        #expect(log.events[0].about == (try Relationship(m, k)))
        #expect(log.events[1].about == log.events[0].about)
        #expect(log.events[2].about == nil)
    }

    @Test func withoutAnActorsFileIdsInAboutAreActors() throws {
        // `x` and `y` appear only in about: they are actors of their own groups.
        let log = try read("2018,t,k,pressure,x|y\n")
        #expect(log.actors.actors.map(\.id) == ["t", "k", "x", "y"])
        #expect(log.actors[log.actors.index(of: "x")!].group == "x")
        #expect(log.events[0].about == (try Relationship(ActorIndex(unchecked: 2), ActorIndex(unchecked: 3))))
    }

    @Test func everyBadFormIsAnErrorNamingItsLine() throws {
        #expect(problems("""
        2018,t,k,pressure,m
        2018,t,k,pressure,m|k|s
        2018,t,k,pressure,m|m
        2018,t,k,pressure,m|
        2018,t,k,pressure,|k
        2018,t,k,pressure,|
        2018,t,k,summit,m|k
        """) == [
            "e.csv:2: invalid about 'm' (expected two actor ids, A|B)",
            "e.csv:3: invalid about 'm|k|s' (expected two actor ids, A|B)",
            "e.csv:4: invalid about 'm|m' (the two sides must differ)",
            "e.csv:5: invalid about 'm|' (an actor id is empty; expected two actor ids, A|B)",
            "e.csv:6: invalid about '|k' (an actor id is empty; expected two actor ids, A|B)",
            "e.csv:7: invalid about '|' (an actor id is empty; expected two actor ids, A|B)",
        ])
    }

    @Test func unknownIdsInAboutAreErrorsWithAnActorsFile() throws {
        #expect(problems("2018,t,k,pressure,m|x\n2018,t,y,pressure,x|z\n", actors: try actors()) == [
            "e.csv:2: unknown actor 'x' in about (not in the actors file)",
            "e.csv:3: unknown actor 'y' (not in the actors file)",
            "e.csv:3: unknown actor 'x' in about (not in the actors file)",
            "e.csv:3: unknown actor 'z' in about (not in the actors file)",
            "e.csv: 3 unknown actor id(s), not in the actors file: x, y, z",
        ])
    }

    @Test func mediationWithAboutMustBeARelay() throws {
        #expect(problems("""
        2018,m,w,mediation,t|k
        2018,t,k,mediation,t|k
        2018,t,s,mediation,t|k
        2018,m,k,mediation,t|k
        2018,m,w,mediation,
        """, actors: try actors()) == [
            "e.csv:2: mediation about 't|k': the target 'w' is on neither side (a mediation's target is one of the two sides)",
            "e.csv:3: mediation about 't|k': the source 't' is one of the sides (a mediator stands on neither)",
            "e.csv:4: mediation about 't|k': the target 's' is on neither side (a mediation's target is one of the two sides)",
            "e.csv:4: mediation about 't|k': the source 't' is one of the sides (a mediator stands on neither)",
        ])
    }

    @Test func everyProblemOfTheFileIsReportedAtOnce() {
        #expect(problems("2018-13,m,k,mediation,t\n2018,m,k,mediation,t|k\n2018,m,w,mediation,t|k\n") == [
            "e.csv:2: invalid date '2018-13' (expected YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date)",
            "e.csv:2: invalid about 't' (expected two actor ids, A|B)",
            "e.csv:4: mediation about 't|k': the target 'w' is on neither side (a mediation's target is one of the two sides)",
        ])
    }

    /// A relay between actors can be none between their groups: then slicing with --by group
    /// is an error naming the line, and the actor level stays valid. (The sides are named in
    /// the order actors became known, which need not be the order written.)
    @Test func relaysAreCheckedAgainUnderByGroup() throws {
        let log = try read("""
        2018,m,k,summit,
        2018,w,k,mediation,t|k
        2018,m,t,mediation,s|t
        2018,s,k,mediation,p|k
        2018,s,k,mediation,p|k
        """, actors: try actors())
        #expect(try Slicer.slice(log, options: SliceOptions()).slices.count == 1)
        do {
            _ = try Slicer.slice(log, options: SliceOptions(mergesGroups: true))
            Issue.record("expected problems")
        } catch {
            #expect(error.problems.map(\.description) == [
                "e.csv:3: mediation about 't|k' at the group level (actors merged into groups): the source 'w' (group 'US') is on one of the sides (a mediator stands on neither)",
                "e.csv:4: mediation about 's|t' at the group level (actors merged into groups): the source 'm' (group 'ROK') is on one of the sides (a mediator stands on neither)",
                "e.csv:5: mediation about 'k|p' at the group level (actors merged into groups): both sides are in group 'DPRK' (a relay needs two sides)",
                "e.csv:6: mediation about 'k|p' at the group level (actors merged into groups): both sides are in group 'DPRK' (a relay needs two sides)",
            ])
        }
        // Without the mediation layer, there is nothing to check.
        #expect(try Slicer.slice(log, options: SliceOptions(kinds: ["summit"], mergesGroups: true)).slices.count == 1)
    }

    /// A log made in code, not read from a file, is checked when sliced at the actor level too.
    @Test func relaysMadeInCodeAreCheckedWhenSliced() throws {
        var actors = ActorTable()
        for id in ["m", "a", "b", "x"] { try actors.declare(Actor(id: id, label: id, group: id)) }
        let kinds = KindTable()
        let event = try Event(date: EventDate(year: 2018), source: ActorIndex(unchecked: 0), target: ActorIndex(unchecked: 3), kind: kinds.index(of: "mediation")!, weight: 1, line: 7,
                          about: try Relationship(ActorIndex(unchecked: 1), ActorIndex(unchecked: 2)))
        let log = try EventLog(file: "code", actors: actors, kinds: kinds, events: [event])
        #expect(throws: InputProblems.self) { try Slicer.slice(log, options: SliceOptions()) }
        do { _ = try Slicer.slice(log, options: SliceOptions()) } catch {
            #expect(error.problems.map(\.description) == [
                "code:7: mediation about 'a|b': the target 'x' is on neither side (a mediation's target is one of the two sides)",
            ])
        }
    }
}
