/// The phrases of the core's messages that name a choice of ``SliceOptions`` or ``PathLength``,
/// in the library's terms. A front end that offers those choices under other names (the command
/// line's flags) replaces each phrase by its own when it shows a message.
package enum LibraryWording {
    /// After an unknown kind id: where it was given.
    package static let inSelectedKinds = "in the selected kinds"
    /// After a count of node rows: why every entity is a node.
    package static let rosterAll = "(roster all)"
    /// What to change when slicing is too large, with the active roster.
    package static let tooLargeAdvice = "(use a coarser slice unit, shorter windows or fewer kinds)"
    /// What to change when slicing is too large, with the roster `all`.
    package static let tooLargeAdviceAll = "(use a coarser slice unit, shorter windows, fewer kinds, or the active roster)"
    /// After a relay's `about`: that its sides were taken as groups.
    package static let groupLevel = "at the group level (actors merged into groups)"
    /// After a path measure's name: its path length.
    package static let inverseWeight = "with inverse-weight path lengths"

    /// Joins `items` with commas: all of them up to `limit`, else the first ones, `…`, the last
    /// three and the count, so that a message stays one short line however many there are.
    package static func listed(_ items: [String], limit: Int = 20) -> String {
        guard items.count > limit else { return items.joined(separator: ", ") }
        return (items.prefix(limit - 3) + ["…"] + items.suffix(3)).joined(separator: ", ") + "; \(items.count) in all"
    }
}
