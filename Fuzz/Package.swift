// swift-tools-version:6.0
// libFuzzer targets, kept out of the main package's build. Built and run by Scripts/fuzz.sh:
//   swift build --package-path Fuzz -c debug --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --disable-dead-strip --product FuzzReaders
// (two --sanitize options reach swiftc as two -sanitize= flags, and the driver keeps only the last:
// --sanitize=fuzzer --sanitize=address builds without coverage counters)
import PackageDescription

let package = Package(
    name: "DiploGraphFuzz",
    // As the main package: it needs macOS 15 (see ../Package.swift), so must its dependents.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "FuzzReaders", targets: ["FuzzReaders"]),
        .executable(name: "FuzzDiagram", targets: ["FuzzDiagram"]),
    ],
    dependencies: [.package(name: "DiploGraph", path: "..")],
    targets: [
        .executableTarget(name: "FuzzReaders", dependencies: [
            .product(name: "DiploGraph", package: "DiploGraph"),
            .product(name: "DiploGraphIO", package: "DiploGraph"),
        ]),
        .executableTarget(name: "FuzzDiagram", dependencies: [
            .product(name: "DiploGraph", package: "DiploGraph"),
            .product(name: "DiploGraphIO", package: "DiploGraph"),
            .product(name: "DiploGraphviz", package: "DiploGraph"),
        ]),
    ]
)
