import Testing
import DiploGraph
import DiploGraphIO

/// The built-in kinds' handles, and the refusal to change a built-in kind's meaning.
@Suite struct KindTableTests {
    @Test func builtInHandlesNameTheBuiltInKinds() throws {
        var kinds = KindTable()
        try kinds.declare(Kind(id: "talks", polarity: .neutral, label: "Talks"))
        #expect(kinds.kind(at: KindTable.mediation)?.id == "mediation")
        #expect(kinds.kind(at: KindTable.summit)?.id == "summit")
        #expect(kinds.kind(at: KindTable.pressure)?.polarity == .conflictual)
        #expect(kinds.index(of: "mediation") == KindTable.mediation)
        #expect(KindTable.isBuiltIn(KindTable.pressure))
        #expect(!KindTable.isBuiltIn(try #require(kinds.index(of: "talks"))))
    }

    @Test func redeclaringABuiltInKindWithAnotherPolarityIsRefused() throws {
        var kinds = KindTable()
        #expect(throws: ValueError("kind 'mediation' is built in as cooperative: it cannot be redeclared as conflictual")) {
            try kinds.declare(Kind(id: "mediation", polarity: .conflictual, label: "Threats"))
        }
        #expect(throws: ValueError("kind 'pressure' is built in as conflictual: it cannot be redeclared as neutral")) {
            try kinds.declare(Kind(id: "pressure", polarity: .neutral, label: "Pressure"))
        }
        #expect(kinds.kind(at: KindTable.mediation)?.label == "Mediation")
        // The same polarity may restyle the kind, at the same index.
        #expect(try kinds.declare(Kind(id: "mediation", polarity: .cooperative, label: "Good offices", color: "#123456")) == KindTable.mediation)
        #expect(kinds.kind(at: KindTable.mediation)?.label == "Good offices")
        // A declared kind may still be redeclared with another polarity.
        let talks = try kinds.declare(Kind(id: "talks", polarity: .neutral, label: "Talks"))
        #expect(try kinds.declare(Kind(id: "talks", polarity: .cooperative, label: "Talks")) == talks)
        #expect(kinds.kind(at: talks)?.polarity == .cooperative)
    }

    @Test func aKindsFileRedefiningABuiltInKindNamesItsLine() {
        let text = "id,polarity,label,color,style\naid,+1,Aid,,\nmediation,-1,Threats,,\nsummit,+1,Meeting,,\n"
        do {
            _ = try DatasetReader.readKinds(bytes: Array(text.utf8), name: "k.csv")
            Issue.record("a built-in kind redefined as conflictual was accepted")
        } catch {
            #expect(error.problems.map(\.description) == ["k.csv:3: kind 'mediation' is built in as cooperative: it cannot be redeclared as conflictual"])
        }
    }
}
