import ArgumentParser
import DiploGraph
import Foundation
import DiploGraphReading
import DiploGraphExport

extension SliceUnit: ExpressibleByArgument {}

extension Roster: ExpressibleByArgument {}

extension PathLength: ExpressibleByArgument {}

extension CentralityTable.Format: ExpressibleByArgument {}

extension RoleRule: ExpressibleByArgument {}

extension NullModel: ExpressibleByArgument {}

/// What nodes stand for.
enum NodeLevel: String, ExpressibleByArgument, CaseIterable {
    case actor, group
}

/// `items` joined with commas: all of them up to `limit`, else the first ones, `…`, the last
/// three and the count, so that a message stays one short line however many there are.
func listed(_ items: [String], limit: Int = 20) -> String {
    LibraryWording.listed(items, limit: limit)
}

extension SlicedNetwork {
    /// The entity with id `id`, or an error naming `option` and listing the known ones.
    func entity(_ written: String, option: String) throws -> EntityIndex {
        // Ids are shown in NFC, as the readers store them.
        do { return try entityIndex(of: DatasetReader.normalized(written)) } catch { throw UserError("\(option): \(error)") }
    }
}

/// The command line's words for a phrase of the library's messages: the flags that make the
/// choice it names.
func commandLineWording(_ phrase: LibraryMessage.Phrase) -> String {
    switch phrase {
    case .inSelectedKinds: "in --kinds"
    case .rosterAll: "(--roster all)"
    case .tooLargeAdvice: "(use a coarser --slice, a shorter --window, fewer --kinds)"
    case .tooLargeAdviceAll: "(use a coarser --slice, a shorter --window, fewer --kinds, or --roster active)"
    case .groupLevel: "at the group level (--by group, report --focus)"
    case .inverseWeight: "with --path-length inverse-weight"
    }
}
