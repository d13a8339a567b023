import Foundation
import Testing

/// The layout the module landing pages describe, checked on the sources: what each module may
/// import, that only `DiploGraphviz` reaches Graphviz, and one central type per file.
@Suite struct ArchitectureTests {
    /// Every module's allowed imports: the system libraries it needs and the modules below it.
    static let allowedImports: [String: Set<String>] = {
        let system: Set<String> = ["Foundation", "Dispatch", "Synchronization", "Glibc", "Musl", "Darwin"]
        let core = system
        let text = system.union(["DiploGraph"])
        let output = text.union(["DiploGraphText"])
        return [
            "DiploGraph": core,
            "DiploGraphText": text,
            "DiploGraphOutput": output,
            "DiploGraphReading": output.union(["DiploGraphOutput", "ZIPFoundation"]),
            "DiploGraphExport": output.union(["DiploGraphOutput"]),
            "DiploGraphDiagram": output,
            "DiploGraphReport": output.union(["DiploGraphOutput", "DiploGraphDiagram", "DiploGraphExport", "Mustache"]),
            "DiploGraphviz": system.union(["DiploGraph", "DiploGraphDiagram", "CGraphviz"]),
            "DiploGraphIO": ["DiploGraphText", "DiploGraphOutput", "DiploGraphReading", "DiploGraphExport",
                             "DiploGraphDiagram", "DiploGraphReport"],
            "diplograph": system.union(["ArgumentParser", "DiploGraph", "DiploGraphText", "DiploGraphOutput", "DiploGraphReading",
                                        "DiploGraphExport", "DiploGraphDiagram", "DiploGraphReport", "DiploGraphviz"]),
        ]
    }()

    /// Files that keep several small types that only make sense together, and why.
    static let severalTypes: [String: String] = [
        "Sources/DiploGraphDiagram/DOTGraph.swift": "the DOT value model: a value, an attribute, a node, an edge and the graph",
        "Sources/DiploGraphDiagram/Geometry.swift": "point, size and box of the diagram geometry",
        "Sources/DiploGraphReading/Reading/ParallelEventsReader.swift": "the reader and its internal scanning buffers",
        "Sources/diplograph/Arguments.swift": "the command line's small argument wrappers",
    ]

    static func swiftFiles(in module: String) throws -> [URL] {
        let folder = Tool.root.appendingPathComponent("Sources/\(module)")
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    static func imports(of file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
            guard words.first == "import", words.count >= 2 else { return nil }
            return String(words[1])
        }
    }

    @Test(arguments: allowedImports.keys.sorted())
    func moduleImportsOnlyWhatItsPageAllows(_ module: String) throws {
        let files = try Self.swiftFiles(in: module)
        #expect(!files.isEmpty, "no sources found for \(module)")
        let allowed = Self.allowedImports[module] ?? []
        for file in files {
            for imported in try Self.imports(of: file) {
                #expect(allowed.contains(imported), "\(module)/\(file.lastPathComponent) imports \(imported)")
            }
        }
    }

    @Test func onlyDiploGraphvizReachesGraphviz() throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: Tool.root.appendingPathComponent("Sources").path)
        for module in modules where module != "DiploGraphviz" && module != "CGraphviz" {
            for file in try Self.swiftFiles(in: module) {
                let text = try String(contentsOf: file, encoding: .utf8)
                #expect(!(try Self.imports(of: file)).contains("CGraphviz"), "\(module)/\(file.lastPathComponent) imports CGraphviz")
                #expect(!text.contains("gvContext") && !text.contains("agmemread"), "\(module)/\(file.lastPathComponent) calls Graphviz")
            }
        }
    }

    @Test func theCommandLineDoesNotLinkTheUmbrella() throws {
        for file in try Self.swiftFiles(in: "diplograph") {
            #expect(!(try Self.imports(of: file)).contains("DiploGraphIO"), "diplograph/\(file.lastPathComponent) imports DiploGraphIO")
        }
    }

    @Test func oneTopLevelTypePerFile() throws {
        let declaration = try Regex(#"^(?:@\w+ )*(?:public |package |internal )?(?:final )?(?:struct|enum|class|actor|protocol) (\w+)"#)
        let modules = try FileManager.default.contentsOfDirectory(atPath: Tool.root.appendingPathComponent("Sources").path)
        var checked = 0
        for module in modules {
            for file in try Self.swiftFiles(in: module) {
                let relative = "Sources/\(module)/" + file.path.components(separatedBy: "/Sources/\(module)/")[1]
                let types = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").compactMap { line in
                    line.prefixMatch(of: declaration).map { String($0.output[1].substring ?? "") }
                }
                checked += 1
                if Self.severalTypes[relative] == nil {
                    #expect(types.count <= 1, "\(relative) declares \(types.joined(separator: ", "))")
                }
            }
        }
        #expect(checked > 100)
    }
}
