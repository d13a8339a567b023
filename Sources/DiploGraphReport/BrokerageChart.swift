import Foundation
import Mustache
import DiploGraph
import DiploGraphText
import DiploGraphOutput
import DiploGraphExport
import DiploGraphDiagram

/// A small inline SVG line chart of one actor's brokerage over slices.
public enum BrokerageChart {
    /// The focus in one slice; `nil` values where it is absent from the slice.
    public struct Point: Sendable {
        /// The slice's label.
        public let slice: String
        /// Gould–Fernandez total on the full slice graph.
        public let brokerage: Double?
        /// Betweenness on the full slice graph.
        public let betweenness: Double?
        /// Relationships mediated (the `mediation` measure).
        public var mediation: Double? = nil
        /// Gould–Fernandez total of the focus's group on the mediation layer by group.
        public var mediationLayerBrokerage: Double? = nil
        /// The least and greatest ``mediation`` when any single event of the slice is removed
        /// (``/DiploGraph/MeasureInfluence``), drawn as a whisker; `nil` for none.
        public var mediationRange: ClosedRange<Double>? = nil
        /// The least and greatest ``brokerage`` when any single event is removed, drawn as a whisker.
        public var brokerageRange: ClosedRange<Double>? = nil

        /// The focus's values in one slice (``BrokerageChart/svg(series:actorLabel:group:level:axis:width:)``
        /// checks them).
        /// - Parameters:
        ///   - slice: the slice's label.
        ///   - brokerage: Gould–Fernandez total on the full slice graph; `nil` where absent.
        ///   - betweenness: betweenness on the full slice graph; `nil` where absent.
        ///   - mediation: relationships mediated; `nil` where absent.
        ///   - mediationLayerBrokerage: the group's total on the mediation layer; `nil` where absent.
        /// - Complexity: O(1).
        public init(slice: String, brokerage: Double?, betweenness: Double?, mediation: Double? = nil, mediationLayerBrokerage: Double? = nil) {
            self.slice = slice
            self.brokerage = brokerage
            self.betweenness = betweenness
            self.mediation = mediation
            self.mediationLayerBrokerage = mediationLayerBrokerage
        }
    }

    /// The largest value a chart shows (in magnitude): its axis counts in whole numbers, and
    /// brokerage and betweenness of any network that can be drawn stay far below it.
    public static let largestValue = 1e15

    /// One line of a panel.
    struct Series {
        let name: String
        let values: [Double?]
        let color: String
        let dash: String?
        /// Per slice, the value's range without any one event (a whisker), or `nil`.
        var ranges: [ClosedRange<Double>?] = []

        /// The whisker drawn at slice `i`: its range when the slice has a value and the range
        /// is more than one value.
        func whisker(at i: Int) -> ClosedRange<Double>? {
            guard values[i] != nil, i < ranges.count, let range = ranges[i], range.lowerBound != range.upperBound else { return nil }
            return range
        }
    }

    /// The axis title for slices made by `slicing`: `Year`, `Quarter`, `Month`, or the window's kind.
    /// - Parameter slicing: how the network was sliced.
    /// - Returns: the x axis's title.
    /// - Complexity: O(1).
    public static func axisTitle(for slicing: Slicing) -> String {
        let unit = slicing.unit == .all ? "Slice" : slicing.unit.rawValue.prefix(1).uppercased() + slicing.unit.rawValue.dropFirst()
        switch slicing.mode {
        case .calendar: return unit
        case .window: return "Window (starting \(unit.lowercased()))"
        case .cumulative: return "Cumulative, up to \(unit.lowercased())"
        }
    }

    /// Two panels side by side on one y scale, one point per slice (the counts of separate
    /// slices are not joined by lines), "absent" where the focus has no events: the
    /// relationships mediated; Gould–Fernandez brokerage on the mediation layer by group and on
    /// the full graph.
    ///
    /// The SVG is `width` wide (its user unit is the point), its text at least 7 pt at that
    /// width; it carries `role="img"`, a `<title>` and a `<desc>`.
    ///
    /// - Parameters:
    ///   - series: one point per slice, in order.
    ///   - actorLabel: the focus's label, for the full-graph line's key and the chart's name.
    ///   - group: the focus's group, for the mediation layer's key.
    ///   - level: `actors` or `groups`, what the full graph's nodes are.
    ///   - axis: the x axis's title (``axisTitle(for:)``), `Year` for yearly slices.
    ///   - width: the chart's physical width.
    /// - Returns: a standalone SVG document (also inlined in report.html).
    /// - Throws: ``/DiploGraph/ValueError`` for a value that is not finite or is larger in
    ///   magnitude than ``largestValue`` (the axis counts in whole numbers).
    /// - Complexity: O(*s*) for *s* points.
    public static func svg(series: [Point], actorLabel: String, group: String, level: String,
                           axis: String = "Slice", width: PrintWidth = .page) throws(ValueError) -> String {
        for point in series {
            for value in [point.mediation, point.mediationLayerBrokerage, point.brokerage, point.betweenness,
                          point.mediationRange?.lowerBound, point.mediationRange?.upperBound,
                          point.brokerageRange?.lowerBound, point.brokerageRange?.upperBound] {
                if let value, !(value.isFinite && abs(value) <= largestValue) {
                    throw ValueError("brokerage chart, slice '\(point.slice)': the value \(value) is not a finite number of at most \(Int(largestValue))")
                }
            }
        }
        let panels: [(title: String, lines: [Series])] = [
            ("Relationships mediated", [Series(name: "relationships mediated by \(actorLabel)", values: series.map(\.mediation), color: "#0072b2", dash: nil,
                                                   ranges: series.map(\.mediationRange))]),
            ("Gould–Fernandez brokerage (total)", [
                Series(name: "mediation layer, \(group) among groups", values: series.map(\.mediationLayerBrokerage), color: "#0072b2", dash: nil),
                Series(name: "full graph, \(actorLabel) among \(level)", values: series.map(\.brokerage), color: "#d55e00", dash: "square",
                       ranges: series.map(\.brokerageRange)),
            ]),
        ]
        // Points (1/72 in) as the user unit: font sizes are print sizes.
        let totalWidth = width.points
        let scale = max(1, totalWidth / 468)
        let tick = 7.5 * scale, label = 8 * scale, heading = 9 * scale
        let gap = 18 * scale, left = 30 * scale, right = 6 * scale, top = 34 * scale, bottom = 58 * scale
        let panelWidth = (totalWidth - gap * Double(panels.count - 1)) / Double(panels.count)
        let plotHeight = min(150 * scale, panelWidth * 0.6)
        // A key for the whiskers under the panels, when at least one is drawn.
        let drawsWhiskers = panels.contains { $0.lines.contains { line in line.values.indices.contains { line.whisker(at: $0) != nil } } }
        let whiskerKey = drawsWhiskers ? label + 8 * scale : 0
        let height = top + plotHeight + bottom + whiskerKey
        // One y scale for both panels: whole-number ticks from 0 to a round maximum, at most five.
        let largest = max(panels.flatMap { $0.lines.flatMap { $0.values.compactMap { $0 } + $0.ranges.compactMap { $0?.upperBound } } }.max() ?? 0, 0)
        let step = max(1, Int((ceil(largest) / 4).rounded(.up)))
        let niceMax = Double(max(step, Int(ceil(largest / Double(step))) * step))
        let title = "\(actorLabel) (\(group)): mediation and brokerage by \(axis.lowercased())"
        let absent = series.filter { $0.mediation == nil && $0.brokerage == nil && $0.mediationLayerBrokerage == nil }.map(\.slice)
        var desc = "Two panels on one vertical scale, one point per \(axis.lowercased()): the number of relationships \(actorLabel) mediated, "
            + "and Gould–Fernandez brokerage of \(group) on the mediation layer and of \(actorLabel) on the full graph."
        if !absent.isEmpty { desc += " \(actorLabel) is absent in " + absent.joined(separator: ", ") + "." }
        if series.contains(where: { $0.mediationRange != nil || $0.brokerageRange != nil }) {
            desc += " Whiskers: the least and greatest value when any single event of the slice is removed."
        }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(f(totalWidth))pt\" height=\"\(f(height))pt\" "
        out += "viewBox=\"0 0 \(f(totalWidth)) \(f(height))\" role=\"img\" aria-labelledby=\"chart-title chart-desc\">\n"
        out += "<title id=\"chart-title\">\(Escape.html(title))</title>\n<desc id=\"chart-desc\">\(Escape.html(desc))</desc>\n"
        let font = "font-family=\"Helvetica, Arial, sans-serif\""
        out += "<text x=\"0\" y=\"\(f(heading * 1.2))\" font-size=\"\(f(heading * 1.1))\" font-weight=\"bold\" \(font)>\(Escape.html(title))</text>\n"
        for (index, panel) in panels.enumerated() {
            let x0 = Double(index) * (panelWidth + gap)
            let plotWidth = panelWidth - left - right
            let bandWidth = plotWidth / Double(max(series.count, 1))
            func x(_ i: Int) -> Double { x0 + left + bandWidth * (Double(i) + 0.5) }
            func y(_ v: Double) -> Double { top + plotHeight * (1 - v / niceMax) }
            out += "<text x=\"\(f(x0 + left))\" y=\"\(f(top - 8 * scale))\" font-size=\"\(f(heading))\" font-weight=\"bold\" \(font)>\(Escape.html(panel.title))</text>\n"
            for tickValue in stride(from: 0, through: Int(niceMax), by: step) {
                let value = Double(tickValue)
                let grid = tickValue == 0 ? "#888888" : "#dddddd"
                out += "<line x1=\"\(f(x0 + left))\" y1=\"\(f(y(value)))\" x2=\"\(f(x0 + left + plotWidth))\" y2=\"\(f(y(value)))\" stroke=\"\(grid)\" stroke-width=\"0.75\"/>\n"
                out += "<text x=\"\(f(x0 + left - 3 * scale))\" y=\"\(f(y(value) + tick * 0.35))\" font-size=\"\(f(tick))\" text-anchor=\"end\" \(font)>\(tickValue)</text>\n"
            }
            out += "<line x1=\"\(f(x0 + left))\" y1=\"\(f(top))\" x2=\"\(f(x0 + left))\" y2=\"\(f(top + plotHeight))\" stroke=\"#888888\" stroke-width=\"0.75\"/>\n"
            out += "<text x=\"\(f(x0 + left + plotWidth / 2))\" y=\"\(f(top + plotHeight + tick + label + 6 * scale))\" font-size=\"\(f(label))\" text-anchor=\"middle\" \(font)>\(Escape.html(axis))</text>\n"
            for (i, point) in series.enumerated() {
                out += "<text x=\"\(f(x(i)))\" y=\"\(f(top + plotHeight + tick + 2 * scale))\" font-size=\"\(f(tick))\" text-anchor=\"middle\" \(font)>\(Escape.html(point.slice))</text>\n"
                if panel.lines.allSatisfy({ $0.values[i] == nil }) {
                    out += "<text x=\"\(f(x(i)))\" y=\"\(f(y(0) - 3 * scale))\" font-size=\"\(f(tick))\" fill=\"#555555\" font-style=\"italic\" text-anchor=\"middle\" \(font)>absent</text>\n"
                }
            }
            let offsets = panel.lines.count > 1 ? [-2.5 * scale, 2.5 * scale] : [0]
            for (lineIndex, line) in panel.lines.enumerated() {
                // The key under the plot: the marker and what it counts.
                let keyY = top + plotHeight + 2 * tick + label + 12 * scale + (label + 3 * scale) * Double(lineIndex)
                out += marker(line, x: x0 + left + 4 * scale, y: keyY - label * 0.35, size: 3 * scale, title: nil)
                out += "<text x=\"\(f(x0 + left + 11 * scale))\" y=\"\(f(keyY))\" font-size=\"\(f(label))\" \(font)>\(Escape.html(line.name))</text>\n"
                // Every present value as a marker, side by side where two series share a slice.
                for (i, value) in line.values.enumerated() {
                    guard let value else { continue }
                    if let range = line.whisker(at: i) {
                        // The whisker: the value's range when any single event is removed.
                        let cx = x(i) + offsets[lineIndex], half = 3 * scale
                        let (high, low) = (f(y(range.upperBound)), f(y(range.lowerBound)))
                        out += "<path d=\"M\(f(cx)),\(high)V\(low)M\(f(cx - half)),\(high)h\(f(2 * half))M\(f(cx - half)),\(low)h\(f(2 * half))\" stroke=\"\(line.color)\" stroke-width=\"0.75\" fill=\"none\"><title>\(Escape.html("\(series[i].slice), \(line.name) without any one event: \(NumberFormat.measure(range.lowerBound))–\(NumberFormat.measure(range.upperBound))"))</title></path>\n"
                    }
                    out += marker(line, x: x(i) + offsets[lineIndex], y: y(value), size: 3 * scale,
                                  title: "\(series[i].slice), \(line.name): \(NumberFormat.measure(value))")
                }
            }
        }
        if drawsWhiskers {
            let keyY = top + plotHeight + bottom + label, cx = left + 4 * scale, half = 3 * scale
            let (high, low) = (f(keyY - label * 0.8), f(keyY + label * 0.1))
            out += "<path d=\"M\(f(cx)),\(high)V\(low)M\(f(cx - half)),\(high)h\(f(2 * half))M\(f(cx - half)),\(low)h\(f(2 * half))\" stroke=\"#555555\" stroke-width=\"0.75\" fill=\"none\"/>\n"
            out += "<text x=\"\(f(left + 11 * scale))\" y=\"\(f(keyY))\" font-size=\"\(f(label))\" \(font)>"
                + "Whiskers: the least and greatest value when any one event of the \(Escape.html(axis.lowercased())) is removed</text>\n"
        }
        return out + "</svg>"
    }

    /// A series' marker: a filled circle, or a hollow square for the second series (apart in greyscale).
    private static func marker(_ line: Series, x: Double, y: Double, size: Double, title: String?) -> String {
        let tooltip = title.map { "<title>\(Escape.html($0))</title>" } ?? ""
        if line.dash == "square" {
            return "<rect x=\"\(f(x - size))\" y=\"\(f(y - size))\" width=\"\(f(2 * size))\" height=\"\(f(2 * size))\" fill=\"white\" stroke=\"\(line.color)\" stroke-width=\"1.2\">\(tooltip)</rect>\n"
        }
        return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(size))\" fill=\"\(line.color)\">\(tooltip)</circle>\n"
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
