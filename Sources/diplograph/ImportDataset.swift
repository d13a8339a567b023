import ArgumentParser
import DiploGraph
import Foundation
import DiploGraphReading

/// The datasets `import` reads.
enum ImportDataset: String, ExpressibleByArgument, CaseIterable {
    case icews, gdelt, plover, polecat

    /// The CAMEO dataset, or `nil` for PLOVER and POLECAT.
    var eventSource: EventSource? { EventSource(rawValue: rawValue) }
}

extension PloverConverter.Compound: ExpressibleByArgument {}

extension PloverConverter.ActorLevel: ExpressibleByArgument {}
