import DiploGraph

/// The events, actors and kinds readers on arbitrary bytes: they may reject the input, with
/// problems naming lines inside it, but never crash. Accepted events must be well formed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
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
            for unit in SliceUnit.allCases {
                if let network = try? Slicer.slice(log, options: SliceOptions(slicing: .calendar(unit))) {
                    _ = CentralityTable(network: network, measures: [.degree, .betweenness, .brokerage], pathLength: .hops)
                }
            }
        } catch {
            checkProblems(error)
        }
    }
    return 0
}
