// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DiploGraph",
    // macOS 15 is what the code needs: `Mutex` and `Atomic` from the Synchronization module
    // (DiploGraph's Betweenness and InterruptCleanup, the Graphviz owner in DiploGraphviz) and
    // `String(validating:as:)` (CSVReader, EventsReader) come with the Swift 6 standard library
    // and are available from macOS 15. Linux has no deployment target. Other Apple
    // platforms are not targets (the package reads files, takes flock(2) locks and handles signals
    // for a command line), so none is declared.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "DiploGraph", targets: ["DiploGraph"]),
        .library(name: "DiploGraphText", targets: ["DiploGraphText"]),
        .library(name: "DiploGraphOutput", targets: ["DiploGraphOutput"]),
        .library(name: "DiploGraphReading", targets: ["DiploGraphReading"]),
        .library(name: "DiploGraphExport", targets: ["DiploGraphExport"]),
        .library(name: "DiploGraphDiagram", targets: ["DiploGraphDiagram"]),
        .library(name: "DiploGraphReport", targets: ["DiploGraphReport"]),
        // All of the above in one import (`import DiploGraphIO`).
        .library(name: "DiploGraphIO", targets: ["DiploGraphIO"]),
        .library(name: "DiploGraphviz", targets: ["DiploGraphviz"]),
        .executable(name: "diplograph", targets: ["diplograph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // `swift package generate-documentation` for the DocC catalogs (make docs, and CI).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // POLECAT's yearly archives are zip files, read in-process (PolecatReader).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The C side of Graphviz: a module map over the system headers, no Swift API of its own.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // The core: events, kinds, actors, slicing, the CSR slice graph, the measures and
        // third-party roles. No file formats, templates, Graphviz or command line.
        .target(name: "DiploGraph"),
        // Text shared by every writer: escaping for terminal, CSV, Markdown, DOT, XML and HTML,
        // and the number format of tables and labels.
        .target(name: "DiploGraphText", dependencies: ["DiploGraph"]),
        // Safe output: staged folders and files, the marker of what DiploGraph wrote, flock(2)
        // locks, signal cleanup and the terminal progress line.
        .target(name: "DiploGraphOutput", dependencies: ["DiploGraph", "DiploGraphText"]),
        // Reading: CSV, the events/actors/kinds dataset, ICEWS/GDELT/PLOVER/POLECAT import, the
        // CAMEO mapping and SQL generation.
        .target(
            name: "DiploGraphReading",
            dependencies: ["DiploGraph", "DiploGraphText", "DiploGraphOutput",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Exports: tables (centrality, roles, reach, agreement), GEXF, GraphML, JSON, CSV, rem
        // and spells.
        .target(name: "DiploGraphExport", dependencies: ["DiploGraph", "DiploGraphText", "DiploGraphOutput"]),
        // Diagrams without Graphviz: the DOT model, options, typography, size scale, layout
        // fitting, geometry, legends, warnings and budgets.
        .target(name: "DiploGraphDiagram", dependencies: ["DiploGraph", "DiploGraphText"]),
        // The HTML and Markdown report (Mustache templates) and the brokerage chart.
        .target(
            name: "DiploGraphReport",
            dependencies: ["DiploGraph", "DiploGraphText", "DiploGraphOutput", "DiploGraphExport",
                           "DiploGraphDiagram", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The umbrella: `import DiploGraphIO` imports every module above, as before the split.
        .target(
            name: "DiploGraphIO",
            dependencies: ["DiploGraphText", "DiploGraphOutput", "DiploGraphReading", "DiploGraphExport",
                           "DiploGraphDiagram", "DiploGraphReport"]
        ),
        // The only code that calls into libgvc / libcgraph, and the diagram recipe over it
        // (shared layout, measured boxes, composed legends) as library API.
        .target(
            name: "DiploGraphviz",
            dependencies: ["CGraphviz", "DiploGraph", "DiploGraphText", "DiploGraphDiagram"]
        ),
        .executableTarget(
            name: "diplograph",
            dependencies: [
                "DiploGraph",
                "DiploGraphText",
                "DiploGraphOutput",
                "DiploGraphReading",
                "DiploGraphExport",
                "DiploGraphDiagram",
                "DiploGraphReport",
                "DiploGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DiploGraphTests", dependencies: ["DiploGraph", "DiploGraphIO", "DiploGraphText", "DiploGraphOutput",
                                                            "DiploGraphReading", "DiploGraphExport", "DiploGraphDiagram",
                                                            "DiploGraphReport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DiploGraphvizTests", dependencies: ["DiploGraph", "DiploGraphIO", "DiploGraphDiagram", "DiploGraphviz"]),
        .testTarget(name: "DiploGraphCLITests", dependencies: ["diplograph"]),
    ]
)
