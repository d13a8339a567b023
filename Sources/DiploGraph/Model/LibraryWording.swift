/// Helpers for the wording of the library's messages.
package enum LibraryWording {
    /// Joins `items` with commas: all of them up to `limit`, else the first ones, `…`, the last
    /// three and the count, so that a message stays one short line however many there are.
    package static func listed(_ items: [String], limit: Int = 20) -> String {
        guard items.count > limit else { return items.joined(separator: ", ") }
        return (items.prefix(limit - 3) + ["…"] + items.suffix(3)).joined(separator: ", ") + "; \(items.count) in all"
    }
}
