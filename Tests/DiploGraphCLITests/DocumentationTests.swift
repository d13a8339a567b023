import Foundation
import Testing

/// The DocC Getting Started article shows the code of `Examples/Sources/getting-started`, which
/// CI builds and runs against the public API (`make examples`): the two must stay one text.
@Suite struct DocumentationTests {
    @Test func gettingStartedArticleShowsTheExampleItRuns() throws {
        let article = try String(contentsOf: Tool.root.appendingPathComponent("Sources/DiploGraph/DiploGraph.docc/GettingStarted.md"), encoding: .utf8)
        let example = try String(contentsOf: Tool.root.appendingPathComponent("Examples/Sources/getting-started/main.swift"), encoding: .utf8)
        // The article's code block that imports the library, without its fences.
        let blocks = article.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```").first ?? "" }
        let shown = try #require(blocks.first { $0.hasPrefix("import DiploGraph\n") }, "no code block importing DiploGraph in GettingStarted.md")
        #expect(shown == example)
    }

    /// The article's package lines are the ones `Examples/Package.swift` builds with: a path
    /// dependency named `DiploGraph` (so that any folder name works) and its products.
    @Test func gettingStartedArticleShowsTheDependencyTheExamplesUse() throws {
        let article = try String(contentsOf: Tool.root.appendingPathComponent("Sources/DiploGraph/DiploGraph.docc/GettingStarted.md"), encoding: .utf8)
        let manifest = try String(contentsOf: Tool.root.appendingPathComponent("Examples/Package.swift"), encoding: .utf8)
        let blocks = article.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```").first ?? "" }
        let shown = try #require(blocks.first { $0.hasPrefix(".package(") }, "no package dependency block in GettingStarted.md")
        #expect(shown.hasPrefix(".package(name: \"DiploGraph\", path: "))
        #expect(manifest.contains(".package(name: \"DiploGraph\", path: "))
        let products = shown.split(separator: "\n").filter { $0.hasPrefix(".product(") }
        #expect(products.count == 3)
        for product in products {
            #expect(manifest.contains(product.dropLast()), "Examples/Package.swift lacks \(product)")
        }
    }

    @Test func everyExampleTargetIsInTheExamplesPackage() throws {
        let manifest = try String(contentsOf: Tool.root.appendingPathComponent("Examples/Package.swift"), encoding: .utf8)
        let sources = try FileManager.default.contentsOfDirectory(atPath: Tool.root.appendingPathComponent("Examples/Sources").path)
        for target in sources {
            #expect(manifest.contains("name: \"\(target)\""), "Examples/Sources/\(target) is not a target")
            let main = try String(contentsOf: Tool.root.appendingPathComponent("Examples/Sources/\(target)/main.swift"), encoding: .utf8)
            #expect(!main.contains("@testable import"), "Examples/Sources/\(target) must use the public API only")
        }
    }
}
