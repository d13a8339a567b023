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
        // Reading and writing: CSV readers, importers, exports, tables, DOT, the report and
        // staged output folders.
        .target(
            name: "DiploGraphIO",
            dependencies: ["DiploGraph", .product(name: "Mustache", package: "swift-mustache"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The only code that calls into libgvc / libcgraph, and the diagram recipe over it
        // (shared layout, measured boxes, composed legends) as library API.
        .target(
            name: "DiploGraphviz",
            dependencies: ["CGraphviz", "DiploGraph", "DiploGraphIO"]
        ),
        .executableTarget(
            name: "diplograph",
            dependencies: [
                "DiploGraph",
                "DiploGraphIO",
                "DiploGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DiploGraphTests", dependencies: ["DiploGraph", "DiploGraphIO"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DiploGraphvizTests", dependencies: ["DiploGraph", "DiploGraphIO", "DiploGraphviz"]),
        .testTarget(name: "DiploGraphCLITests", dependencies: ["diplograph"]),
    ]
)
