import DiploGraph
import DiploGraphIO
import DiploGraphviz

let data = "graphs/korean-peninsula"
let log = try DatasetReader.readDataset(events: "\(data).events.csv", actors: "\(data).actors.csv",
                                        kinds: "\(data).kinds.csv")
let network = try Slicer.slice(log, options: SliceOptions(slicing: .calendar(.year)))

for slice in network.slices {
    let values = try network.measures([.brokerage, .mediation], in: slice)
    let brokerage = try values[.brokerage, actor: "moon-jae-in"]    // nil: absent that year
    let mediated = try values[.mediation, actor: "moon-jae-in"]
    print(slice.label, brokerage.map { "\($0)" } ?? "-", mediated.map { "\($0)" } ?? "-")
}

let renderer = try DiagramRenderer(network: network, options: try DiagramOptions(sizeBy: .brokerage))
if let slice = network.slice(labelled: "2018"), let svg = try renderer.draw(slice).svg {
    let output = try StagedDirectory(path: "figures")
    try output.write("2018.svg", text: svg)
    try output.commit()
}
