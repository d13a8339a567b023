import Testing
import DiploGraph

/// Building an event log in code: each event checked as it is added, refusals naming its position.
@Suite struct EventLogBuilderTests {
    struct Cast {
        var actors = ActorTable()
        let a: ActorIndex, b: ActorIndex, m: ActorIndex
        init() throws {
            a = try actors.declare(Actor(id: "a", label: "A", group: "X"))
            b = try actors.declare(Actor(id: "b", label: "B", group: "Y"))
            m = try actors.declare(Actor(id: "m", label: "M", group: "Z"))
        }
    }

    @Test func aBuiltLogSlicesLikeARead() throws {
        let cast = try Cast()
        var builder = EventLog.Builder(actors: cast.actors)
        let year = try EventDate(year: 2018)
        try builder.add(on: year, from: cast.a, to: cast.b, kind: KindTable.summit, weight: 2)
        try builder.add(on: year, from: cast.m, to: cast.b, kind: KindTable.mediation, about: Relationship(cast.a, cast.b), note: "shuttle")
        #expect(builder.count == 2)
        let log = builder.build()
        #expect(log.file == "(code)" && log.events.map(\.line) == [1, 2] && log.notes == ["", "shuttle"])
        let network = try Slicer.slice(log, options: SliceOptions())
        let slice = try #require(network.slice(labelled: "2018"))
        #expect(try network.mediationCounts(in: slice) == [0, 0, 1])
    }

    @Test func refusalsNameTheEventsPosition() throws {
        let cast = try Cast()
        var builder = EventLog.Builder(actors: cast.actors, name: "talks")
        let year = try EventDate(year: 2019)
        try builder.add(on: year, from: cast.a, to: cast.b, kind: KindTable.pressure)
        let ab = try Relationship(cast.a, cast.b)
        #expect(throws: ValueError("event 2: mediation about a|b: the target 'm' is on neither side (a mediation's target is one of the two sides)")) {
            try builder.add(on: year, from: cast.a, to: cast.m, kind: KindTable.mediation, about: ab)
        }
        #expect(throws: ValueError("event 2: mediation about a|b: the source 'a' is one of the sides (a mediator stands on neither)")) {
            try builder.add(on: year, from: cast.a, to: cast.b, kind: KindTable.mediation, about: ab)
        }
        #expect(throws: ValueError("event 2: source and target are the same actor (0)")) {
            try builder.add(on: year, from: cast.a, to: cast.a, kind: KindTable.summit)
        }
        #expect(throws: ValueError("event 2: weight 0.0: must be a positive, finite number")) {
            try builder.add(on: year, from: cast.a, to: cast.b, kind: KindTable.summit, weight: 0)
        }
        #expect(throws: ValueError("event 2: actor index 3 is out of range (3 actors)")) {
            try builder.add(on: year, from: cast.a, to: try ActorIndex(3), kind: KindTable.summit)
        }
        #expect(throws: ValueError("event 2: kind index 3 is out of range (3 kinds)")) {
            try builder.add(on: year, from: cast.a, to: cast.b, kind: try KindIndex(3))
        }
        // Refused events leave the builder as it was; the next one is still event 2.
        #expect(builder.count == 1)
        try builder.add(on: year, from: cast.m, to: cast.a, kind: KindTable.mediation, about: ab)
        let log = builder.build()
        #expect(log.file == "talks" && log.events.count == 2 && log.events[1].line == 2)
    }
}
