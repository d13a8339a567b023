// Moon Jae-in's brokerage per year, and the 2018 slice drawn to SVG, with DiploGraph's
// public API. Usage: korean-brokerage GRAPHS-FOLDER OUTPUT-FOLDER
import DiploGraph
import DiploGraphIO
import DiploGraphviz
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: korean-brokerage GRAPHS-FOLDER OUTPUT-FOLDER")
    exit(2)
}
let data = arguments[1] + "/korean-peninsula"

do {
    // 1. Read the coded events with their actors and kinds.
    let log = try DatasetReader.readDataset(events: "\(data).events.csv", actors: "\(data).actors.csv",
                                            kinds: "\(data).kinds.csv")
    // 2. One graph per calendar year.
    let network = try Slicer.slice(log, options: SliceOptions(slicing: .calendar(.year)))
    let moon = try network.entityIndex(of: "moon-jae-in")

    // 3. Moon's values in every year, by id: Gould–Fernandez brokerage, betweenness, and the
    //    relationships he mediated (acts coded with an `about` pair).
    print("year  brokerage  betweenness  mediated")
    for slice in network.slices {
        let values = try network.measures([.brokerage, .betweenness, .mediation], in: slice)
        func cell(_ measure: Measure) -> String {
            (try? values[measure, actor: "moon-jae-in"]).flatMap { $0 }.map { String(format: "%.3g", $0) } ?? "-"
        }
        print(slice.label.padding(toLength: 6, withPad: " ", startingAt: 0)
              + cell(.brokerage).padding(toLength: 11, withPad: " ", startingAt: 0)
              + cell(.betweenness).padding(toLength: 13, withPad: " ", startingAt: 0)
              + cell(.mediation))
    }
    let series = try network.series(of: .brokerage, for: moon)
    let years = series.filter { ($0.value ?? 0) > 0 }.map(\.slice.label)
    print("years in which Moon brokered: \(years.isEmpty ? "none" : years.joined(separator: ", "))")

    // 4. The 2018 slice on the layout all years share, sized by brokerage, as an SVG string.
    guard let slice2018 = network.slice(labelled: "2018") else { throw ValueError("no 2018 slice") }
    let renderer = try DiagramRenderer(network: network, options: try DiagramOptions(sizeBy: .brokerage))
    let drawing = try renderer.draw(slice2018)
    for warning in drawing.warnings { print("warning: \(warning)") }
    guard let svg = drawing.svg else { throw ValueError("the drawing is not SVG") }

    // 5. Written through a staged folder: created or replaced whole, never over files of yours.
    let output = try StagedDirectory(path: arguments[2])
    try output.write("2018.svg", text: svg)
    try output.commit()
    print("wrote \(arguments[2])/2018.svg (\(svg.utf8.count) bytes)")
} catch {
    print("error: \(error)")
    exit(1)
}
