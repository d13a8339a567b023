import CGraphviz
import Foundation
import Synchronization
import DiploGraphDiagram

/// The one owner of every call into libgvc and libcgraph in the process.
///
/// Graphviz is not thread-safe, not even with one context per thread, so every call goes
/// through one lock, and the process keeps one long-lived context (a context per render
/// leaks). Graphviz's error and warning messages are captured per job through `agseterrf`
/// instead of reaching stderr; a job whose run reports an error fails with that message,
/// even where libgvc's return code says success.
public final class Graphviz: Sendable {
    /// The process's Graphviz.
    public static let shared = Graphviz()

    private struct State: ~Copyable {
        /// The `GVC_t *`, created once; `nil` until first use.
        var context: OpaquePointer?
        var checked: Result<Void, GraphvizError>?
    }

    private let state = Mutex(State())
    private let capturing = Atomic<Bool>(false)

    /// Whether each job redirects the process's stderr (file descriptor 2) while it runs, so
    /// that what Graphviz and cairo print there directly (path planning, "cairo: out of
    /// memory") joins the job's messages. The redirection is process-wide: turn it on in
    /// programs that do not write to stderr from other threads during a render (the
    /// `diplograph` executable turns it on). Off by default.
    public var capturesStandardError: Bool {
        get { capturing.load(ordering: .acquiring) }
        set { capturing.store(newValue, ordering: .releasing) }
    }

    private init() {}

    // MARK: - Public operations

    /// Lays out `dot` and renders it.
    ///
    /// - Parameters:
    ///   - dot: DOT text of exactly one graph.
    ///   - engine: the layout engine.
    ///   - format: the output format.
    /// - Returns: the rendered bytes and the warnings Graphviz printed.
    /// - Throws: ``GraphvizError`` with Graphviz's message.
    /// - Complexity: O(*b*) for parsing *b* bytes of DOT, then the layout's and the renderer's
    ///   work (for `dot`, roughly quadratic in the nodes and edges with spline routing).
    public func render(dot: String, engine: LayoutEngine = .dot, format: OutputFormat = .svg) throws(GraphvizError) -> Rendering {
        try render(dot: dot, engine: engine, format: format, capturingStandardError: capturesStandardError)
    }

    /// Lays out `graph` and renders it, building Graphviz's graph through cgraph's API instead
    /// of writing and parsing DOT text.
    ///
    /// The drawing is the one ``render(dot:engine:format:)`` makes of `graph.dot`: Graphviz
    /// gets the same attributes, with the same values, on nodes and edges created in the same
    /// order (so node and edge ids in the SVG are the same too).
    ///
    /// - Parameters:
    ///   - graph: the graph.
    ///   - engine: the layout engine.
    ///   - format: the output format.
    /// - Returns: the rendered bytes and the warnings Graphviz printed.
    /// - Throws: ``GraphvizError`` with Graphviz's message.
    /// - Complexity: O(*a*) for building a graph of *a* attributes in all, then the layout's
    ///   and the renderer's work.
    public func render(graph: DOTGraph, engine: LayoutEngine = .dot, format: OutputFormat = .svg) throws(GraphvizError) -> Rendering {
        try render(.model(graph), engine: engine, format: format, capturingStandardError: capturesStandardError)
    }

    /// ``render(dot:engine:format:)`` with stderr captured or not for this job.
    func render(dot: String, engine: LayoutEngine, format: OutputFormat, capturingStandardError: Bool) throws(GraphvizError) -> Rendering {
        try render(.text(dot), engine: engine, format: format, capturingStandardError: capturingStandardError)
    }

    /// What a job's graph is made from.
    private enum Source {
        /// DOT text, parsed by cgraph.
        case text(String)
        /// Statements, built through cgraph's API.
        case model(DOTGraph)
    }

    private func render(_ source: Source, engine: LayoutEngine, format: OutputFormat, capturingStandardError: Bool) throws(GraphvizError) -> Rendering {
        try withGraph(source, capturingStandardError: capturingStandardError) { (context, graph) throws(GraphvizError) -> Rendering in
            try layout(context, graph, engine)
            defer { gvFreeLayout(context, graph) }
            var buffer: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let status = gvRenderData(context, graph, format.rawValue, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            if status != 0 || agerrors() >= diplograph_agerr().rawValue {
                throw .render(Self.takeMessages(orElse: "gvRenderData failed for format \(format.rawValue)"))
            }
            let bytes = buffer.map { Array(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: Int(length))) } ?? []
            // cairo can fail half-way and still return success ("cairo: out of memory" on stderr,
            // a PDF without its pages): such output is broken, not a warning.
            Self.endCapture()
            if Self.messages.contains("cairo: ") {
                throw .render(Self.takeMessages(orElse: "cairo failed"))
            }
            if format == .pdf && !Self.endsWithTrailer(bytes) {
                throw .render(Self.takeMessages(orElse: "the PDF is incomplete (no %%EOF trailer)"))
            }
            return Rendering(bytes: bytes, warnings: Self.takeWarnings())
        }
    }

    /// Puts a laid-out graph's positions and sizes into its attributes (`pos`, `width`,
    /// `height`): Graphviz writes them there only when it renders the graph as DOT.
    private static func writeLayoutAttributes(_ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>) throws(GraphvizError) {
        var buffer: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(context, graph, "dot", &buffer, &length)
        if let buffer { gvFreeRenderData(buffer) }
        if status != 0 || agerrors() >= diplograph_agerr().rawValue {
            throw .layout(takeMessages(orElse: "could not read the layout's positions"))
        }
    }

    /// Lays out `dot` and reads back the positions of the nodes named `nodes`, in points.
    ///
    /// - Parameters:
    ///   - dot: DOT text of exactly one graph.
    ///   - engine: the layout engine.
    ///   - nodes: the node names to look up (e.g. ``/DiploGraphDiagram/DiagramWriter/nodeName(of:)``).
    /// - Returns: each named node's position, in the order of `nodes`; `nil` for a name the
    ///   graph has no node of.
    /// - Throws: ``GraphvizError`` with Graphviz's message.
    /// - Complexity: the layout's, plus O(*k* log *n*) lookups for *k* names.
    public func positions(dot: String, engine: LayoutEngine, nodes: [String]) throws(GraphvizError) -> [Point?] {
        try boxes(dot: dot, engine: engine, nodes: nodes).map { $0?.center }
    }

    /// Lays out `dot` and reads back the boxes of the nodes named `nodes`: centre and size, in points.
    ///
    /// The size is the one Graphviz computed from the node's label and font (or its fixed
    /// size), so that a caller can keep boxes apart that Graphviz itself will draw.
    /// - Parameters:
    ///   - dot: DOT text of exactly one graph.
    ///   - engine: the layout engine.
    ///   - nodes: the node names to look up (e.g. ``/DiploGraphDiagram/DiagramWriter/nodeName(of:)``).
    /// - Returns: each named node's box, in the order of `nodes`; `nil` for a name the graph
    ///   has no node of.
    /// - Throws: ``GraphvizError`` with Graphviz's message.
    /// - Complexity: the layout's, plus O(*k* log *n*) lookups for *k* names.
    public func boxes(dot: String, engine: LayoutEngine, nodes: [String]) throws(GraphvizError) -> [Box?] {
        try withGraph(.text(dot)) { (context, graph) throws(GraphvizError) -> [Box?] in
            try layout(context, graph, engine)
            defer { gvFreeLayout(context, graph) }
            try Self.writeLayoutAttributes(context, graph)
            func number(_ object: UnsafeMutableRawPointer, _ name: StaticString) -> Double? {
                agget(object, Self.cString(name)).flatMap { Double(String(cString: $0)) }
            }
            let result = nodes.map { name -> Box? in
                guard let node = name.withCString({ agnode(graph, UnsafeMutablePointer(mutating: $0), 0) }) else { return nil }
                let object = UnsafeMutableRawPointer(node)
                guard let pos = agget(object, Self.cString("pos")) else { return nil }
                let parts = String(cString: pos).split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .init(charactersIn: "!"))) }
                guard parts.count >= 2 else { return nil }
                guard let center = try? Point(x: parts[0], y: parts[1]),
                      let size = try? Size(width: 72 * (number(object, "width") ?? 0), height: 72 * (number(object, "height") ?? 0))
                else { return nil }
                return Box(center: center, size: size)
            }
            _ = Self.takeWarnings()
            return result
        }
    }

    /// Parses `dot` and reads back each node's attributes, keyed by node name (for checks).
    /// - Parameters:
    ///   - dot: DOT text of exactly one graph; it is parsed, not laid out.
    ///   - names: the attributes to read back, such as `label` and `fontsize`.
    /// - Returns: for each node name, the values Graphviz holds for `names` after parsing
    ///   (defaults included; an attribute never declared is absent).
    /// - Throws: ``GraphvizError/syntax(_:)`` with Graphviz's message when `dot` does not
    ///   parse; ``GraphvizError/missingPlugins(_:)`` when Graphviz cannot be set up.
    /// - Complexity: O(*b* + *v* *a*) for *b* bytes of DOT, *v* nodes and *a* names.
    public func nodeAttributes(dot: String, names: [String]) throws(GraphvizError) -> [String: [String: String]] {
        try withGraph(.text(dot)) { (_, graph) throws(GraphvizError) -> [String: [String: String]] in
            var result: [String: [String: String]] = [:]
            var node = agfstnode(graph)
            while let current = node {
                let name = String(cString: agnameof(UnsafeMutableRawPointer(current)))
                var attributes: [String: String] = [:]
                for attribute in names {
                    if let value = attribute.withCString({ agget(UnsafeMutableRawPointer(current), UnsafeMutablePointer(mutating: $0)) }) {
                        attributes[attribute] = String(cString: value)
                    }
                }
                result[name] = attributes
                node = agnxtnode(graph, current)
            }
            _ = Self.takeWarnings()
            return result
        }
    }

    /// Checks that the engines and renderers DiploGraph uses are installed.
    ///
    /// - Throws: ``GraphvizError/missingPlugins(_:)`` saying what is missing and how to fix it.
    /// - Complexity: O(1) after the first call, which loads Graphviz's plugins.
    public func checkPlugins() throws(GraphvizError) {
        let outcome = state.withLock { (state: inout State) -> Result<Void, GraphvizError> in
            Result { () throws(GraphvizError) in _ = try Self.context(&state) }
        }
        try outcome.get()
    }

    // MARK: - Internals (all under the lock)

    /// Rendered bytes with the warnings Graphviz gave while making them.
    public struct Rendering: Sendable {
        /// The rendered file's bytes.
        public let bytes: [UInt8]
        /// Graphviz's warnings, each once, without its `Warning: ` prefix.
        public let warnings: [String]
    }

    private func withGraph<R>(_ source: Source, capturingStandardError: Bool? = nil, _ body: (OpaquePointer, UnsafeMutablePointer<Agraph_t>) throws(GraphvizError) -> R) throws(GraphvizError) -> R {
        // The result is handed out through a local rather than returned from `withLock`,
        // which would ask for a `sending` value; it never leaves this thread.
        var outcome: Result<R, GraphvizError> = .failure(.syntax("not run"))
        state.withLock { (state: inout State) in
            outcome = Result { () throws(GraphvizError) -> R in
                let context = try Self.context(&state)
                Self.startJob(capturingStandardError: capturingStandardError ?? capturesStandardError)
                defer { Self.endCapture() }
                guard case .text(let dot) = source else {
                    guard case .model(let model) = source, let graph = Self.build(model) else {
                        throw .syntax(Self.takeMessages(orElse: "cgraph could not create the graph"))
                    }
                    defer { agclose(graph) }
                    if agerrors() >= diplograph_agerr().rawValue {
                        throw .syntax(Self.takeMessages(orElse: "cgraph reported an error while building the graph"))
                    }
                    return try body(context, graph)
                }
                guard !dot.utf8.contains(0) else { throw .syntax("the DOT text contains a NUL byte") }
                guard let graph = dot.withCString({ agmemread($0) }) else {
                    Self.drainLexer()
                    throw .syntax(Self.takeMessages(orElse: "no graph in the input"))
                }
                defer { agclose(graph) }
                // agmemread parses one graph and keeps the rest in its buffer: drain it.
                if Self.drainLexer() {
                    throw .syntax("more than one graph in the input")
                }
                if agerrors() >= diplograph_agerr().rawValue {
                    throw .syntax(Self.takeMessages(orElse: "syntax error"))
                }
                return try body(context, graph)
            }
        }
        return try outcome.get()
    }

    private func layout(_ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, _ engine: LayoutEngine) throws(GraphvizError) {
        let status = gvLayout(context, graph, engine.rawValue)
        if status != 0 || agerrors() >= diplograph_agerr().rawValue {
            if status == 0 { gvFreeLayout(context, graph) }
            throw .layout(Self.takeMessages(orElse: "gvLayout failed with engine \(engine.rawValue)"))
        }
    }

    /// Builds `model` as cgraph's parser builds its DOT text: the graph, its attributes and
    /// the node and edge defaults (`agattr`), then every statement in order: nodes and edges
    /// created (`agnode`, `agedge`), attributes not declared yet declared with an empty default,
    /// then set (`agxset`); HTML-like values made with `agstrdup_html`. Attribute symbols are
    /// looked up once per graph.
    private static func build(_ model: DOTGraph) -> UnsafeMutablePointer<Agraph_t>? {
        let kind = model.isDirected ? diplograph_directed() : diplograph_undirected()
        guard let graph = model.name.withCString({ agopen(UnsafeMutablePointer(mutating: $0), kind, nil) }) else { return nil }
        /// Calls `body` with `value` as cgraph takes it: an HTML string held for the call.
        func withValue<R>(_ value: DOTValue, _ body: (UnsafeMutablePointer<CChar>) -> R) -> R {
            value.text.withCString { text in
                guard value.form == .html, let html = agstrdup_html(graph, UnsafeMutablePointer(mutating: text)) else { return body(UnsafeMutablePointer(mutating: text)) }
                defer { agstrfree(graph, html) }
                return body(html)
            }
        }
        for (kind, list) in [(Int32(AGRAPH), model.attributes), (Int32(AGNODE), model.nodeDefaults), (Int32(AGEDGE), model.edgeDefaults)] {
            for attribute in list {
                _ = attribute.name.withCString { name in withValue(attribute.value) { agattr(graph, kind, UnsafeMutablePointer(mutating: name), $0) } }
            }
        }
        var nodeSymbols: [(String, UnsafeMutablePointer<Agsym_t>)] = []
        var edgeSymbols: [(String, UnsafeMutablePointer<Agsym_t>)] = []
        func symbol(_ name: String, kind: Int32, in cache: inout [(String, UnsafeMutablePointer<Agsym_t>)]) -> UnsafeMutablePointer<Agsym_t>? {
            if let found = cache.first(where: { $0.0 == name }) { return found.1 }
            let made = name.withCString { text -> UnsafeMutablePointer<Agsym_t>? in
                let name = UnsafeMutablePointer(mutating: text)
                return agattr(graph, kind, name, nil) ?? agattr(graph, kind, name, cString(""))
            }
            if let made { cache.append((name, made)) }
            return made
        }
        func set(_ attributes: [DOTAttribute], on object: UnsafeMutableRawPointer, kind: Int32,
                 _ cache: inout [(String, UnsafeMutablePointer<Agsym_t>)]) {
            for attribute in attributes {
                guard let symbol = symbol(attribute.name, kind: kind, in: &cache) else { continue }
                _ = withValue(attribute.value) { agxset(object, symbol, $0) }
            }
        }
        func node(_ name: String) -> UnsafeMutablePointer<Agnode_t>? {
            name.withCString { agnode(graph, UnsafeMutablePointer(mutating: $0), 1) }
        }
        for statement in model.statements {
            switch statement {
            case .node(let statement):
                guard let made = node(statement.name) else { continue }
                set(statement.attributes, on: UnsafeMutableRawPointer(made), kind: Int32(AGNODE), &nodeSymbols)
            case .edge(let statement):
                guard let tail = node(statement.tail), let head = node(statement.head), let made = agedge(graph, tail, head, nil, 1) else { continue }
                set(statement.attributes, on: UnsafeMutableRawPointer(made), kind: Int32(AGEDGE), &edgeSymbols)
            case .comment:
                continue
            }
        }
        return graph
    }

    /// Reads and discards whatever agmemread left in the lexer's buffer.
    /// - Returns: whether anything was left.
    @discardableResult
    private static func drainLexer() -> Bool {
        var leftover = false
        while let extra = agmemread("") {
            leftover = true
            agclose(extra)
        }
        return leftover
    }

    private static func context(_ state: inout State) throws(GraphvizError) -> OpaquePointer {
        if let checked = state.checked {
            try checked.get()
            return state.context!
        }
        _ = agseterrf(captureMessage)
        _ = agseterr(diplograph_agwarn())
        guard let context = gvContext() else {
            state.checked = .failure(.missingPlugins("gvContext() failed"))
            throw .missingPlugins("gvContext() failed")
        }
        state.context = context
        let layouts = pluginNames(context, kind: "layout")
        let renderers = pluginNames(context, kind: "render").union(pluginNames(context, kind: "device"))
        let missing = (["dot", "neato", "nop2"].filter { !layouts.contains($0) }) + (["svg"].filter { !renderers.contains($0) })
        if !missing.isEmpty {
            let error = GraphvizError.missingPlugins(
                "the Graphviz plugins \(missing.joined(separator: ", ")) are not available (found layouts: "
                + "\(layouts.sorted().joined(separator: " ")); renderers: \(renderers.sorted().joined(separator: " "))). "
                + "Install them with `apt-get install -y libgraphviz-dev` (they come with libgvc6); if they are installed, "
                + "register them with `libgvc6-config-update -c` as root, and check that GVBINDIR, if set, names their folder.")
            state.checked = .failure(error)
            throw error
        }
        state.checked = .success(())
        return context
    }

    private static func pluginNames(_ context: OpaquePointer, kind: String) -> Set<String> {
        var count: Int32 = 0
        guard let list = diplograph_plugin_list(context, kind, &count) else { return [] }
        var names: Set<String> = []
        for i in 0..<Int(count) {
            if let entry = list[i] {
                names.insert(String(String(cString: entry).split(separator: ":").first ?? ""))
                free(entry)
            }
        }
        free(list)
        return names
    }

    // MARK: - Message capture

    /// Whether `bytes` end with a PDF trailer, `%%EOF`, possibly followed by a line end.
    static func endsWithTrailer(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20 { end -= 1 }
        return end >= 5 && Array(bytes[(end - 5)..<end]) == Array("%%EOF".utf8)
    }

    /// Messages of the current job. Touched only by the thread holding `state`'s lock: the
    /// callback runs synchronously inside the Graphviz call that the lock guards.
    nonisolated(unsafe) private static var messages = ""

    /// Stderr redirected for the current job, if any.
    nonisolated(unsafe) private static var capture: StandardErrorCapture?

    private static func startJob(capturingStandardError: Bool) {
        messages = ""
        _ = agreseterrors()
        // Some faults bypass agerr (path planning, cairo's "out of memory"): what Graphviz and
        // its plugins write to stderr during the job joins the job's messages.
        capture = capturingStandardError ? StandardErrorCapture() : nil
    }

    /// Restores stderr and adds what was written to it to the job's messages.
    private static func endCapture() {
        guard let current = capture else { return }
        capture = nil
        let text = current.finish()
        if !text.isEmpty { messages += (messages.isEmpty || messages.hasSuffix("\n") ? "" : "\n") + text }
    }

    /// The job's messages as one line, or `fallback` when Graphviz said nothing.
    private static func takeMessages(orElse fallback: String) -> String {
        endCapture()
        let text = messages.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        messages = ""
        return text.isEmpty ? fallback : text
    }

    /// The job's warnings, each once, without Graphviz's own `Warning: ` prefix (callers add theirs).
    private static func takeWarnings() -> [String] {
        endCapture()
        var seen = Set<String>()
        var lines: [String] = []
        for line in messages.split(whereSeparator: \.isNewline) {
            var text = line.trimmingCharacters(in: .whitespaces)
            for prefix in ["Warning: ", "Warning:", "warning: "] where text.hasPrefix(prefix) {
                text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                break
            }
            if !text.isEmpty && seen.insert(text).inserted { lines.append(text) }
        }
        messages = ""
        return lines
    }

    private static let captureMessage: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
        if let text { Graphviz.messages += String(cString: text) }
        return 0
    }

    private static func cString(_ text: StaticString) -> UnsafeMutablePointer<CChar> {
        UnsafeMutablePointer(mutating: UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self))
    }
}

/// Redirects the process's stderr (file descriptor 2) into a temporary file from `init` to
/// ``finish()``, for messages C libraries print directly. Used under `Graphviz`'s lock: while a
/// job runs, anything else the process writes to stderr is captured with it.
private struct StandardErrorCapture {
    private let file: UnsafeMutablePointer<FILE>?
    private let saved: Int32

    /// The most bytes of captured text kept (the rest is dropped).
    static let limit = 64 * 1024

    init() {
        fflush(nil)  // every output stream, stderr among them
        guard let file = tmpfile() else {
            self.file = nil
            saved = -1
            return
        }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(fileno(file), STDERR_FILENO) >= 0 else {
            if saved >= 0 { close(saved) }
            fclose(file)
            self.file = nil
            self.saved = -1
            return
        }
        self.file = file
        self.saved = saved
    }

    /// Restores stderr and returns what was written to it meanwhile.
    func finish() -> String {
        guard let file else { return "" }
        fflush(nil)  // every output stream, stderr among them
        dup2(saved, STDERR_FILENO)
        close(saved)
        let descriptor = fileno(file)
        lseek(descriptor, 0, SEEK_SET)
        var bytes = [UInt8](repeating: 0, count: Self.limit)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got <= 0 { break }
            count += got
        }
        fclose(file)
        return String(decoding: bytes[0..<count], as: UTF8.self)
    }
}
