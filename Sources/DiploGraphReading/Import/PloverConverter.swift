import DiploGraph

/// Turns PLOVER records into DiploGraph events: the mapping to kinds, compound actors,
/// domestic pairs and mediation relays. It keeps the counts and the actors seen.
///
/// Rules, in order, for each record:
/// 1. Its event types are mapped (``PloverMapping``); a record none of whose types is mapped
///    is skipped as unmapped.
/// 2. Actors become ids: under ``ActorLevel/country`` the code (`USA`), under
///    ``ActorLevel/actor`` the code and sector (`USA/GOV`, or `USA` without a sector). An
///    actor or recipient listed twice at that level counts once.
/// 3. Compound actors (``Compound``): `pairs` gives one event for every actor × every
///    recipient; a record with actors only (a joint act: "Jordan and Britain agreed") gives one
///    event between each pair of actors, from the one listed first to the one listed later.
///    `first` keeps the first actor and the first recipient (with actors only, the first two
///    actors). `skip` skips records with more than one actor or recipient.
/// 4. A pair whose two sides are in the same country is domestic and not written; a record
///    all of whose pairs are domestic is skipped as domestic, one with no pair at all (no
///    actor, or one actor and no recipient) as without both sides.
/// 5. Mediation relay: a record mapped to `mediation` is a relay when it has exactly two
///    actors' countries A and B and one recipient country M different from both (PLOVER codes
///    the host of a `third-party` meeting as the recipient). It gives two events M → A and M → B,
///    both with `about` A|B. A record mapped to `mediation` without that shape takes the kind
///    of the next most specific row that does not give `mediation`. The relay reading uses
///    the whole lists whatever the compound rule, except `skip`, which skips such records.
public struct PloverConverter {
    /// How compound actor and recipient lists become pairs.
    public enum Compound: String, Sendable, CaseIterable {
        /// Every actor × every recipient; actors only: each pair of actors.
        case pairs
        /// The first actor and the first recipient (the first two actors when there is no recipient).
        case first
        /// Records with more than one actor or recipient are skipped.
        case skip
    }

    /// What an actor id names.
    public enum ActorLevel: String, Sendable, CaseIterable {
        /// The country code (`USA`); sectors are listed in the actors file.
        case country
        /// Country and sector (`USA/GOV`); the country is the actor's group.
        case actor
    }

    /// One event ready to be written.
    public struct Event: Sendable, Equatable {
        /// The record's date.
        public var date: EventDate
        /// The acting actor's id.
        public var source: String
        /// The actor acted upon.
        public var target: String
        /// The kind id.
        public var kind: String
        /// The PLOVER event type.
        public var event: String
        /// The record's modes joined by `;`.
        public var mode: String
        /// The record's contexts joined by `;`.
        public var context: String
        /// `A|B` for a mediation relay, empty otherwise.
        public var about: String
        /// The record's note.
        public var note: String
        /// The record's id.
        public var id: String
    }

    /// One actor as the actors file lists it.
    public struct ActorEntry: Sendable, Equatable {
        /// The id.
        public var id: String
        /// The group: the actor's country.
        public var group: String
        /// The sectors seen for the actor, in order of first appearance.
        public var sectors: [String]
    }

    /// Event types, modes and contexts to kinds.
    public let mapping: PloverMapping
    /// The compound rule.
    public let compound: Compound
    /// What an actor id names.
    public let level: ActorLevel
    /// Counts so far.
    public var summary = PloverImportSummary()
    /// The actors seen, in order of first appearance.
    public private(set) var actors: [ActorEntry] = []
    private var actorIndex: [String: Int] = [:]

    /// A converter.
    /// - Parameters:
    ///   - mapping: event types to kinds.
    ///   - compound: the compound rule.
    ///   - level: what an actor id names.
    /// - Complexity: O(1).
    public init(mapping: PloverMapping = .standard, compound: Compound = .pairs, level: ActorLevel = .country) {
        self.mapping = mapping
        self.compound = compound
        self.level = level
    }

    private struct Side: Equatable {
        let id: String
        let country: String
    }

    private func sides(_ list: [PloverRecord.Actor]) -> [Side] {
        var seen: Set<String> = []
        var out: [Side] = []
        for actor in list {
            let id = level == .country || actor.sector.isEmpty ? actor.code : actor.code + "/" + actor.sector
            if seen.insert(id).inserted { out.append(Side(id: id, country: actor.code)) }
        }
        return out
    }

    private mutating func note(_ list: [PloverRecord.Actor], used: Set<String>) {
        for actor in list {
            let id = level == .country || actor.sector.isEmpty ? actor.code : actor.code + "/" + actor.sector
            guard used.contains(id) else { continue }
            let index: Int
            if let known = actorIndex[id] { index = known } else {
                index = actors.count
                actorIndex[id] = index
                actors.append(ActorEntry(id: id, group: actor.code, sectors: []))
            }
            if !actor.sector.isEmpty && !actors[index].sectors.contains(actor.sector) { actors[index].sectors.append(actor.sector) }
        }
    }

    /// Counts a malformed record that was skipped.
    /// - Complexity: O(1).
    public mutating func countBad() {
        summary.records += 1
        summary.badRecords += 1
    }

    /// Counts a `DOCUMENT` record.
    /// - Complexity: O(1).
    public mutating func countDocumentation() {
        summary.records += 1
        summary.documentation += 1
    }

    /// The events of one record, counted in ``summary``.
    /// - Parameter record: the record.
    /// - Returns: its events, in a fixed order (actors in list order, then recipients).
    /// - Complexity: O(*s* · *t* + *s*²) for *s* actors and *t* recipients, times the mapping's rows.
    public mutating func convert(_ record: PloverRecord) -> [Event] {
        summary.records += 1
        let kinds = record.events.map { (event: $0, kind: mapping.kind(event: $0, modes: record.modes, contexts: record.contexts)) }
        guard kinds.contains(where: { $0.kind != nil }) else { summary.unmapped += 1; return [] }
        var sources = sides(record.sources)
        var targets = sides(record.targets)
        if compound == .skip && (sources.count > 1 || targets.count > 1) { summary.compound += 1; return [] }
        // The relay shape, on the whole lists: two parties' countries and one host country apart from both.
        let partyCountries = Set(sources.map(\.country)), hostCountries = Set(targets.map(\.country))
        let isRelayShape = partyCountries.count == 2 && hostCountries.count == 1 && partyCountries.isDisjoint(with: hostCountries)
        let allSources = sources, allTargets = targets
        if compound == .first {
            if targets.isEmpty { sources = Array(sources.prefix(2)) } else {
                sources = Array(sources.prefix(1))
                targets = Array(targets.prefix(1))
            }
        }
        let mode = record.modes.joined(separator: ";"), context = record.contexts.joined(separator: ";")
        var events: [Event] = []
        var pairs: [(Side, Side)] = []
        var anyPair = false
        if targets.isEmpty {
            for i in sources.indices { for j in sources.indices where j > i { anyPair = true; pairs.append((sources[i], sources[j])) } }
        } else {
            for s in sources { for t in targets { anyPair = true; pairs.append((s, t)) } }
        }
        pairs.removeAll { $0.0.country == $0.1.country }
        for (event, kind) in kinds {
            guard var kind else { continue }
            if kind == Kind.mediation.id {
                if isRelayShape {
                    // One party per country, the first listed.
                    var parties: [Side] = []
                    for side in allSources where !parties.contains(where: { $0.country == side.country }) { parties.append(side) }
                    let about = parties[0].id + "|" + parties[1].id
                    for host in allTargets {
                        for party in parties {
                            events.append(Event(date: record.date, source: host.id, target: party.id, kind: kind, event: event, mode: mode,
                                                context: context, about: about, note: record.note, id: record.id))
                            summary.relays += 1
                        }
                    }
                    continue
                }
                guard let fallback = mapping.kind(event: event, modes: record.modes, contexts: record.contexts, excluding: Kind.mediation.id) else { continue }
                kind = fallback
            }
            for (s, t) in pairs {
                events.append(Event(date: record.date, source: s.id, target: t.id, kind: kind, event: event, mode: mode,
                                    context: context, about: "", note: record.note, id: record.id))
            }
        }
        if events.isEmpty {
            if !anyPair { summary.withoutBothSides += 1 } else if pairs.isEmpty && !(isRelayShape && kinds.contains { $0.kind == Kind.mediation.id }) {
                summary.domestic += 1
            } else {
                summary.unmapped += 1  // only a mediation row matched and the record is no relay, with no fallback row
            }
            return []
        }
        let used = Set(events.flatMap { [$0.source, $0.target] })
        note(record.sources, used: used)
        note(record.targets, used: used)
        summary.imported += 1
        summary.events += events.count
        return events
    }
}
