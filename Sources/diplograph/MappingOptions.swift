import ArgumentParser
import DiploGraph
import Foundation
import DiploGraphOutput
import DiploGraphReading
import DiploGraphExport

/// `--mapping` and `--kinds-file`, shared by `import` and `sql`.
struct MappingOptions: ParsableArguments {
    @Option(name: .long, help: "Mapping file: CAMEO (cameo,kind; prefixes, the longest match wins) or, for plover and polecat, event,mode,context,kind.")
    var mapping: String?

    @Option(name: .customLong("kinds-file"), help: "Kinds file declaring kinds the mapping uses beyond the built-in three.")
    var kindsFile: String?

    /// The mapping file's mapping, or the interface's default.
    func load() throws -> CAMEOMapping {
        let kinds = try kindsFile.map { try DatasetReader.readKinds(path: $0) } ?? KindTable()
        return try mapping.map { try CAMEOMapping.read(path: $0, kinds: kinds) } ?? .standard
    }
}
