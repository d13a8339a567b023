import Foundation
import Testing
@testable import DiploGraph
import DiploGraphIO
@testable import DiploGraphReading

/// The PLOVER record reader and mapping, against an obviously correct reference
/// (Foundation's JSONSerialization on the same records without trailing commas) and on
/// random bytes.
@Suite struct PloverReadingTests {
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plover-\(UUID().uuidString).json").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func readAll(_ path: String) -> (values: [JSONRecordValue], error: JSONRecordReader.SyntaxError?) {
        guard var reader = try? JSONRecordReader(path: path) else { return ([], nil) }
        var values: [JSONRecordValue] = []
        while true {
            do {
                guard let (value, _) = try reader.next() else { return (values, nil) }
                values.append(value)
            } catch {
                if reader.layout == .lines { reader.skipToNextLine(); continue }
                return (values, error)
            }
        }
    }

    /// A random JSON value and its text; `trailing` adds commas before closing brackets.
    static func randomValue(depth: Int, trailing: Bool, using rng: inout SeededGenerator) -> (JSONRecordValue, String) {
        let choice = depth > 3 ? Int.random(in: 0..<4, using: &rng) : Int.random(in: 0..<6, using: &rng)
        switch choice {
        case 0: return (.null, "null")
        case 1: let b = Bool.random(using: &rng); return (.bool(b), b ? "true" : "false")
        case 2:
            let n = ["0", "-1", "42", "3.25", "1e3", "-0.5E-2", "2016"].randomElement(using: &rng)!
            return (.number(n), n)
        case 3:
            let pieces = ["a", "é", "😀", "\"", "\\", "\n", "\t", "/", "\u{1}", " ", "plover"]
            let text = (0..<Int.random(in: 0..<5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let data = try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
            let encoded = String(decoding: data, as: UTF8.self)
            return (.string(text), String(encoded.dropFirst().dropLast()))
        case 4:
            let items = (0..<Int.random(in: 0..<4, using: &rng)).map { _ in randomValue(depth: depth + 1, trailing: trailing, using: &rng) }
            let comma = trailing && !items.isEmpty && Bool.random(using: &rng) ? ",\n" : ""
            return (.array(items.map(\.0)), "[" + items.map(\.1).joined(separator: ", ") + comma + "]")
        default:
            let count = Int.random(in: 0..<4, using: &rng)
            let members = (0..<count).map { i in ("k\(i)", randomValue(depth: depth + 1, trailing: trailing, using: &rng)) }
            let comma = trailing && !members.isEmpty && Bool.random(using: &rng) ? " ," : ""
            return (.object(members.map { ($0.0, $0.1.0) }),
                    "{" + members.map { "\"\($0.0)\": \($0.1.1)" }.joined(separator: ",") + comma + "}")
        }
    }

    /// Foundation's reading of a value, as a ``JSONRecordValue`` (numbers compared as Doubles).
    static func same(_ ours: JSONRecordValue, _ theirs: Any) -> Bool {
        switch (ours, theirs) {
        case (.null, is NSNull): return true
        case (.bool(let b), let v): return (v as? Bool) == b
        case (.number(let text), let n as NSNumber): return Double(text) == n.doubleValue
        case (.string(let s), let t as String): return s == t
        case (.array(let items), let list as [Any]): return items.count == list.count && zip(items, list).allSatisfy { same($0, $1) }
        case (.object(let members), let dictionary as [String: Any]):
            return members.count == dictionary.count && members.allSatisfy { member in dictionary[member.name].map { same(member.value, $0) } ?? false }
        default: return false
        }
    }

    @Test func randomRecordsReadAsFoundationReadsThemWithTrailingCommasAllowed() throws {
        var rng = SeededGenerator(seed: 23)
        for round in 0..<60 {
            let records = (0..<Int.random(in: 0..<6, using: &rng)).map { _ in Self.randomValue(depth: 0, trailing: false, using: &rng) }
            let withCommas = (0..<records.count).map { _ in Bool.random(using: &rng) }
            // Strict JSON for Foundation; the same records with trailing commas for the reader.
            let strict = "[" + records.map(\.1).joined(separator: ",\n") + "]"
            let reference = try JSONSerialization.jsonObject(with: Data(strict.utf8), options: [.fragmentsAllowed]) as! [Any]
            var rngCopy = SeededGenerator(seed: UInt64(round))
            let lenient = "\u{FEFF}[\n" + records.enumerated().map { i, _ in
                withCommas[i] ? Self.randomValueText(records[i], using: &rngCopy) : records[i].1
            }.joined(separator: ",\n") + (records.isEmpty ? "" : ",") + "\n]\n"
            let path = try Self.temporaryFile(Array(lenient.utf8))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let read = Self.readAll(path)
            #expect(read.error == nil, "round \(round): \(String(describing: read.error)) in \(lenient)")
            #expect(read.values == records.map(\.0), "round \(round)")
            #expect(read.values.count == reference.count && zip(read.values, reference).allSatisfy { Self.same($0, $1) }, "round \(round)")
            // The records that are objects as JSON Lines (a file whose first value is a list is a JSON array).
            let objects = records.filter { if case .object = $0.0 { true } else { false } }
            let lines = objects.map(\.1).joined(separator: "\n\n")
            let linesPath = try Self.temporaryFile(Array(lines.utf8))
            defer { try? FileManager.default.removeItem(atPath: linesPath) }
            #expect(Self.readAll(linesPath).values == objects.map(\.0), "round \(round) as JSON Lines")
        }
    }

    /// The text of a record written again with trailing commas (the value is the same).
    static func randomValueText(_ record: (JSONRecordValue, String), using rng: inout SeededGenerator) -> String {
        func text(_ value: JSONRecordValue) -> String {
            switch value {
            case .array(let items):
                return "[" + items.map(text).joined(separator: ",") + (items.isEmpty ? "" : ",") + "]"
            case .object(let members):
                return "{" + members.map { "\"\($0.name)\": \(text($0.value))" }.joined(separator: ",") + (members.isEmpty ? "" : ",\n") + "}"
            case .string(let s):
                let data = try! JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed])
                return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
            case .number(let n): return n
            case .bool(let b): return b ? "true" : "false"
            case .null: return "null"
            }
        }
        return text(record.0)
    }

    @Test func randomBytesNeverCrashTheReader() throws {
        var rng = SeededGenerator(seed: 7)
        let alphabet = Array("[]{},:\"\\ \n\tnultrfae0123456789-.eE+u/x".utf8) + [0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF]
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0..<200, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let path = try Self.temporaryFile(bytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = Self.readAll(path)  // reaching here is the test: no trap, no hang
            if let record = Self.readAll(path).values.first { _ = PloverRecord.read(json: record, line: 1) }
        }
    }

    @Test func mappingSpecificityAndFormerNames() throws {
        let mapping = try PloverMapping(rows: [
            .init(event: "CONSULT", kind: "talks"),
            .init(event: "consult", context: "Diplomatic", kind: "a"),
            .init(event: "CONSULT", mode: "visit", kind: "b"),
            .init(event: "CONSULT", mode: "visit", context: "diplomatic", kind: "c"),
        ])
        #expect(mapping.kind(event: "CONSULT", modes: [], contexts: []) == "talks")
        #expect(mapping.kind(event: "CONSULT", modes: [], contexts: ["economic", "diplomatic"]) == "a")
        #expect(mapping.kind(event: "CONSULT", modes: ["visit"], contexts: ["economic"]) == "b")
        #expect(mapping.kind(event: "CONSULT", modes: ["visit"], contexts: ["diplomatic"]) == "c")
        #expect(mapping.kind(event: "CONSULT", modes: ["visit"], contexts: ["diplomatic"], excluding: "c") == "b")
        #expect(mapping.kind(event: "AGREE", modes: [], contexts: []) == nil)
        #expect(throws: ValueError.self) { try PloverMapping(rows: [.init(event: "DANCE", kind: "x")]) }
        #expect(throws: ValueError.self) { try PloverMapping(rows: [.init(event: "AGREE", kind: "x"), .init(event: "agree", kind: "y")]) }
        #expect(PloverMapping.eventType("demand") == "REQUEST" && PloverMapping.eventType("FIGHT") == "ASSAULT")
        #expect(PloverMapping.eventType("Disapprove") == "ACCUSE" && PloverMapping.eventType("DOCUMENT") == nil)
        #expect(PloverMapping.standard.kind(event: "CONSULT", modes: ["third-party"], contexts: ["diplomatic"]) == "mediation")
        #expect(PloverMapping.standard.kind(event: "CONSULT", modes: ["third-party"], contexts: ["diplomatic"], excluding: "mediation") == "summit")
        #expect(PloverMapping.standard.kind(event: "REQUEST", modes: [], contexts: []) == nil)
    }

    @Test func joinedValuesAndRecordsFromJSON() {
        #expect(PloverRecord.values("diplomatic, military;  None ;") == ["diplomatic", "military"])
        let record = JSONRecordValue.object([("id", .number("7")), ("date", .string("2020-02-29")), ("event", .string("agree")),
                                             ("source", .array([.object([("code", .string("USA"))]), .object([("actorText", .string("no code"))])])),
                                             ("target", .string(""))])
        guard case .record(let read) = PloverRecord.read(json: record, line: 3) else { Issue.record("not read"); return }
        #expect(read.id == "7" && read.events == ["AGREE"] && read.sources == [.init(code: "USA")] && read.targets.isEmpty && read.line == 3)
        #expect(PloverRecord.read(json: .object([("event", .string("AGREE"))]), line: 1) == .bad("record without a date"))
        #expect(PloverRecord.read(json: .object([("event", .string("Document"))]), line: 1) == .documentation)
        #expect(PloverRecord.read(json: .object([("event", .string("AGREE")), ("date", .string("2020-01-01")), ("target", .object([]))]), line: 1)
                == .bad("'target' must be a list of actors, found an object"))
    }
}
