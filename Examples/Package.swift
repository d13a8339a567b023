// swift-tools-version:6.0
// An example of DiploGraph used as a library, through its public API only (no @testable):
// Moon Jae-in's yearly brokerage and mediation, and the 2018 diagram as an SVG file.
//   swift run --package-path Examples korean-brokerage graphs .build/examples
import PackageDescription

let libraries: [Target.Dependency] = [
    .product(name: "DiploGraph", package: "DiploGraph"),
    .product(name: "DiploGraphIO", package: "DiploGraph"),
    .product(name: "DiploGraphviz", package: "DiploGraph"),
]

let package = Package(
    name: "DiploGraphExamples",
    // As the main package: it needs macOS 15 (see ../Package.swift), so must its dependents.
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "DiploGraph", path: "..")],
    targets: [
        // The DocC Getting Started article's code, verbatim (a test compares the two).
        .executableTarget(name: "getting-started", dependencies: libraries),
        .executableTarget(name: "korean-brokerage", dependencies: libraries),
    ]
)
