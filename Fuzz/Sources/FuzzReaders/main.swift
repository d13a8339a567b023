import DiploGraph
import DiploGraphIO
import Foundation

/// Every table in every format, the exports and the DOT: none may trap, and none may hold a
/// non-finite number or malformed JSON.
func checkOutputs(_ network: SlicedNetwork) {
    let table = CentralityTable(network: network, measures: Measure.allCases, pathLength: .inverseWeight)
    for row in table.rows {
        for value in row.values { precondition(value.map { $0.isFinite } ?? true, "non-finite value in \(row)") }
    }
    for format in CentralityTable.Format.allCases {
        do {
            let text = try table.formatted(as: format)
            if format == .json {
                precondition((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "malformed JSON")
            }
        } catch {
            preconditionFailure("formatting failed: \(error)")
        }
    }
    for format in GraphExport.Format.allCases {
        do {
            let text = try GraphExport.render(network, as: format)
            if format == .gexf || format == .graphml {
                precondition(text.unicodeScalars.allSatisfy(Escape.isXMLCharacter), "characters XML 1.0 forbids in \(format)")
            }
        } catch {
            preconditionFailure("export failed: \(error)")
        }
    }
    // Text tables show controls escaped, line feeds and tabs in cells included: one line a row.
    let text = table.text()
    precondition(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) },
                 "a control character in a text table")
    precondition(text.split(separator: "\n", omittingEmptySubsequences: false).count == table.rows.count + 3, "a text table row on more than one line")
    if network.entities.count >= 2, let roles = try? ThirdPartyRoles(network: network, dyad: (EntityIndex(0), EntityIndex(1))) {
        _ = roles.csv()
        _ = roles.text()
        _ = roles.markdown(dyadLabels: ("a", "b"))
        do { _ = try roles.json() } catch { preconditionFailure("roles JSON failed: \(error)") }
    }
    let writer = DiagramWriter(network: network)
    for slice in network.slices.prefix(3) {
        do { _ = try writer.dot(for: slice, options: (try! DiagramOptions(showsGhosts: true, sizeBy: .pagerank))) } catch { preconditionFailure("a slice of the network was refused: \(error)") }
    }
}

/// The paths that take text or numbers from outside besides the readers: the terminal
/// escaper, command-line lists with CSV quoting, the binary sniffing, field positions out of
/// range, period labels, window spans and the brokerage chart: they refuse, never trap.
func checkTextPaths(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let escaped = Escape.terminal(text)
    precondition(!escaped.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) },
                 "a control character left by the terminal escaper")
    if let fields = try? CSVReader.fields(ofRecord: text) {
        precondition(!fields.isEmpty, "a record without fields")
    }
    _ = CSVReader.notUTF8Text(Array(bytes.prefix(64)))
    var reader = CSVReader(bytes: bytes)
    if (try? reader.nextRecord()) != nil {
        for index in [-1, reader.fieldCount, Int.max, Int.min] {
            precondition(reader.field(index) == nil && reader.isFieldEmpty(index) && !reader.hasField(index), "a field outside the record")
            precondition(reader.withFieldBytes(index) { $0.count } == 0, "bytes of a field outside the record")
        }
    }
    // Eight bytes as numbers: a period, a window's width and step, a chart value.
    var number: Int64 = 0
    for byte in bytes.prefix(8) { number = number << 8 | Int64(byte) }
    let value = Int(number)
    for unit in SliceUnit.allCases {
        if let label = try? unit.label(ofPeriod: value) { precondition(!label.contains("Q0") && !label.hasPrefix("-"), "label \(label)") }
        if let slicing = try? Slicing.window(unit: unit, width: value, step: max(1, value / 2)),
           case .window(let width, let step) = slicing.mode {
            precondition(width <= Slicing.maximumPeriods(of: unit) && step <= Slicing.maximumPeriods(of: unit), "a window over 9,999 years")
        }
    }
    let double = Double(bitPattern: UInt64(bitPattern: number))
    let points = [BrokerageChart.Point(slice: "s", brokerage: double, betweenness: 1, mediation: -double, mediationLayerBrokerage: nil)]
    if let svg = try? BrokerageChart.svg(series: points, actorLabel: text, group: "g", level: "actors") {
        precondition(double.isFinite && svg.hasSuffix("</svg>"), "a chart of a value it cannot show")
    }
}

/// The check that decides whether an existing file is DiploGraph's own (and may be replaced), on
/// arbitrary first kilobytes: it never crashes, and it claims a file exactly when the signature's
/// text is where the signature says (checked against a plain search). Signatures made from the
/// input itself are refused or accepted by their length alone.
func checkSignatures(_ bytes: [UInt8]) {
    let head = Array(bytes.prefix(1024))
    func naive(_ signature: FileSignature) -> Bool {
        let text = Array(signature.text.utf8)
        switch signature.position {
        case .start: return head.count >= text.count && Array(head[0..<text.count]) == text
        case .firstKilobyte:
            guard head.count >= text.count else { return false }
            for offset in 0...(head.count - text.count) where Array(head[offset..<(offset + text.count)]) == text { return true }
            return false
        }
    }
    for signature in GraphExport.signatures {
        precondition(signature.matches(head) == naive(signature), "signature \(signature.text) misjudged")
    }
    let text = String(decoding: bytes.prefix(1100), as: UTF8.self)
    for position in [FileSignature.Position.start, .firstKilobyte] {
        do {
            let own = try FileSignature(text, at: position)
            precondition(!text.isEmpty && text.utf8.count <= 1024, "a signature of \(text.utf8.count) bytes was accepted")
            precondition(own.matches(head) == naive(own), "an input's own signature misjudged")
        } catch {
            precondition(text.isEmpty || text.utf8.count > 1024, "a signature of \(text.utf8.count) bytes was refused")
        }
    }
}

/// The events, actors and kinds readers on arbitrary bytes: they may reject the input, with
/// problems naming lines inside it, but never crash. Accepted events must be well formed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    checkTextPaths(bytes)
    checkSignatures(bytes)
    // Lines end at LF, CRLF or a lone CR, as the reader counts them.
    var lineCount = 1
    for (i, byte) in bytes.enumerated() where byte == 0x0A || (byte == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
        lineCount += 1
    }
    func checkProblems(_ problems: InputProblems) {
        precondition(!problems.problems.isEmpty, "a thrown InputProblems must hold a problem")
        for problem in problems.problems {
            if let line = problem.line { precondition(line >= 1 && line <= lineCount + 1, "problem line \(line) outside the input") }
        }
    }
    var kinds = KindTable()
    do { kinds = try DatasetReader.readKinds(bytes: bytes, name: "k.csv") } catch { checkProblems(error) }
    var actors: ActorTable?
    do { actors = try DatasetReader.readActors(bytes: bytes, name: "a.csv") } catch { checkProblems(error) }
    for table in [nil, actors] {
        do {
            let log = try DatasetReader.readEvents(bytes: bytes, name: "e.csv", actors: table, kinds: kinds)
            for event in log.events {
                precondition(event.source != event.target && event.weight > 0 && event.weight.isFinite)
                precondition(Int(event.source) < log.actors.count && Int(event.target) < log.actors.count)
            }
            let slicings: [Slicing] = SliceUnit.allCases.map { Slicing.calendar($0) }
                + [try? Slicing.window(unit: .year, width: 2, step: 1), try? Slicing.cumulative(.month)].compactMap { $0 }
            for slicing in slicings {
                for options in [SliceOptions(slicing: slicing), SliceOptions(slicing: slicing, isDirected: false, mergesGroups: true)] {
                    let network: SlicedNetwork
                    do { network = try Slicer.slice(log, options: options) } catch { checkProblems(error); continue }
                    // Far-apart dates make thousands of slices: the outputs of each are checked on
                    // small inputs below; the slice budget itself is the slicer's (issue 15).
                    if network.slices.count <= 64 { checkOutputs(network) }
                }
            }
        } catch {
            checkProblems(error)
        }
    }
    return 0
}
