import ArgumentParser
import DiploGraph
import DiploGraphIO
import Foundation

extension SliceUnit: ExpressibleByArgument {}
extension Roster: ExpressibleByArgument {}
extension PathLength: ExpressibleByArgument {}
extension CentralityTable.Format: ExpressibleByArgument {}
extension RoleRule: ExpressibleByArgument {}

/// What nodes stand for.
enum NodeLevel: String, ExpressibleByArgument, CaseIterable {
    case actor, group
}

/// The options every subcommand shares: the dataset and how it is sliced.
struct DatasetOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The events file (CSV: date,source,target,kind[,weight,note,about]).",
                                 discussion: "about: the relationship an act bears on, A|B (two actor ids); a mediation act with about is a relay from the other side through the mediator."))
    var events: String

    @Option(name: .long, help: "Actors file (id,label,group): labels, groups, and the list of valid ids.")
    var actors: String?

    @Option(name: .customLong("kinds-file"), help: "Kinds file (id,polarity,label[,color,style]) declaring kinds beyond mediation, summit, pressure.")
    var kindsFile: String?

    @Option(name: .long, help: ArgumentHelp("Only these kinds, comma-separated (e.g. mediation,summit).",
                                            discussion: "cooperative, conflictual and neutral stand for every kind of that polarity, unless a kind has that id."))
    var kinds: String?

    @Option(name: .long, help: "Slice unit: year, quarter, month or all.")
    var slice: SliceUnit = .year

    @Option(name: .long, help: "Sliding windows of this width, e.g. 2y, 6m, 2q (with --step).")
    var window: String?

    @Option(name: .long, help: "How far each window moves, e.g. 1y (default: one unit).")
    var step: String?

    @Flag(name: .long, help: "Cumulative slices: each from the first event to the end of its period.")
    var cumulative = false

    @Option(name: .long, help: "Nodes are actors, or groups (actors merged into their groups first).")
    var by: NodeLevel = .actor

    @Flag(name: .long, help: "Ignore direction: (a,b) and (b,a) become one tie, weights summed.")
    var undirected = false

    @Option(name: .long, help: "Nodes of each slice: active (actors with events in it) or all known actors.")
    var roster: Roster = .active

    func validate() throws {
        if cumulative && window != nil { throw ValidationError("--cumulative and --window cannot be combined") }
        if step != nil && window == nil { throw ValidationError("--step needs --window") }
        if (window != nil || cumulative) && slice == .all { throw ValidationError("--window and --cumulative need a slice unit other than all") }
    }

    /// The slicing these options describe.
    func slicing() throws -> Slicing {
        if cumulative { return try Slicing.cumulative(slice) }
        guard let window else { return .calendar(slice) }
        let (unit, width) = try Self.parseSpan(window, option: "--window")
        let (stepUnit, stepCount) = try step.map { try Self.parseSpan($0, option: "--step") } ?? (unit, 1)
        guard unit == stepUnit else { throw UserError("--window and --step must use the same unit (\(window), \(step ?? ""))") }
        return try Slicing.window(unit: unit, width: width, step: stepCount)
    }

    /// Replaces the layer names `cooperative`, `conflictual` and `neutral` by the kinds of that
    /// polarity (a declared kind with such an id keeps its meaning).
    static func expandLayers(_ names: Set<String>, kinds: KindTable) -> Set<String> {
        let layers: [String: Kind.Polarity] = ["cooperative": .cooperative, "conflictual": .conflictual, "neutral": .neutral]
        var result: Set<String> = []
        for name in names {
            if kinds.index(of: name) == nil, let polarity = layers[name] {
                result.formUnion(kinds.kinds.filter { $0.polarity == polarity }.map(\.id))
            } else {
                result.insert(name)
            }
        }
        return result
    }

    /// Parses `2y`, `3q`, `6m`.
    static func parseSpan(_ text: String, option: String) throws -> (SliceUnit, Int) {
        let units: [Character: SliceUnit] = ["y": .year, "q": .quarter, "m": .month]
        guard let last = text.last, let unit = units[last], let count = Int(text.dropLast()), count > 0 else {
            throw UserError("\(option) '\(text)': expected a positive count and a unit, such as 2y, 3q or 6m")
        }
        let periodsPerUnit = unit == .year ? 1 : unit == .quarter ? 4 : 12
        guard count <= Slicing.maximumPeriods / periodsPerUnit else {
            throw UserError("\(option) '\(text)': at most \(Slicing.maximumPeriods / periodsPerUnit)\(last) (9,999 years)")
        }
        return (unit, count)
    }

    /// Reads the files and slices them.
    func load() throws -> SlicedNetwork {
        var problems: [InputProblem] = []
        var kindTable = KindTable()
        var actorTable: ActorTable?
        if let kindsFile {
            do { kindTable = try DatasetReader.readKinds(path: kindsFile) } catch { problems += error.problems }
        }
        if let actors {
            do { actorTable = try DatasetReader.readActors(path: actors) } catch { problems += error.problems }
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        let log = try DatasetReader.readEvents(path: events, actors: actorTable, kinds: kindTable)
        let kindSet = kinds.map { Self.expandLayers(Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }), kinds: log.kinds) }
        // An unknown kind in --kinds is a mistake on the command line, not in a file.
        let unknownKinds = (kindSet ?? []).filter { log.kinds.index(of: $0) == nil }.sorted()
        if !unknownKinds.isEmpty {
            throw UserError("--kinds: unknown kind\(unknownKinds.count == 1 ? "" : "s") \(unknownKinds.map { "'\($0)'" }.joined(separator: ", ")) (known kinds: \(log.kinds.knownIDs))")
        }
        let options = SliceOptions(slicing: try slicing(), kinds: kindSet, isDirected: !undirected, roster: roster, mergesGroups: by == .group)
        return try Slicer.slice(log, options: options)
    }
}

/// `items` joined with commas: all of them up to `limit`, else the first ones, `…`, the last
/// three and the count, so that a message stays one short line however many there are.
func listed(_ items: [String], limit: Int = 20) -> String {
    guard items.count > limit else { return items.joined(separator: ", ") }
    return (items.prefix(limit - 3) + ["…"] + items.suffix(3)).joined(separator: ", ") + "; \(items.count) in all"
}

/// The measures named by `--measures`, or `defaults` when it is absent.
func parseMeasures(_ text: String?, defaults: [Measure]) throws -> [Measure] {
    guard let text else { return defaults }
    do { return try Measure.parseList(text) } catch { throw UserError("--measures: \(error.description)") }
}

extension SlicedNetwork {
    /// The entity with id `id`, or an error listing the known ones.
    func entity(_ written: String, option: String) throws -> Int32 {
        // Ids are compared in NFC, as the readers store them.
        let id = DatasetReader.normalized(written)
        if let index = entities.firstIndex(where: { $0.id == id }) { return Int32(index) }
        throw UserError("\(option): unknown \(options.mergesGroups ? "group" : "actor") '\(id)' (known: \(listed(entities.map(\.id))))")
    }
}
