import DiploGraph
import DiploGraphText

/// An attribute value of a DOT graph, as Graphviz holds it after parsing, with the way DOT
/// text writes it: a bare identifier, a quoted string or an HTML-like label.
///
/// The text is the value Graphviz stores (what `agget` returns): a quoted string's `\"`
/// already stands for `"`, while Graphviz's own escapes (`\n`, `\\`, `\N` in labels and
/// tooltips) stay in it, to be interpreted by Graphviz per attribute as when parsing DOT.
public struct DOTValue: Sendable, Equatable {
    /// How DOT text writes a value.
    public enum Form: Sendable, Equatable {
        /// Bare: a name (`box`) or a numeral (`8.00`).
        case identifier
        /// In double quotes, `"` written as `\"`.
        case string
        /// An HTML-like label, in angle brackets.
        case html
    }

    /// The value as Graphviz holds it.
    public let text: String
    /// How DOT text writes it.
    public let form: Form

    /// A value written bare.
    ///
    /// - Parameter identifier: an ASCII name (letters, digits, `_`, not starting with a digit,
    ///   and not one of DOT's keywords) or a numeral (`-1.5`, `.5`, `8.00`).
    /// - Throws: ``/DiploGraph/ValueError`` when `identifier` is neither.
    /// - Complexity: O(*n*) in the length of `identifier`.
    public init(identifier: String) throws(ValueError) {
        guard DOTValue.isIdentifier(identifier) else {
            throw ValueError("\(Escape.terminal(identifier)) is not a DOT identifier (a name of ASCII letters, digits and _, or a numeral)")
        }
        self.init(unchecked: identifier, form: .identifier)
    }

    /// A value written as a quoted string.
    ///
    /// - Parameter string: the value as Graphviz holds it; Graphviz's escapes (`\n`, `\\`)
    ///   stay in it and are interpreted per attribute.
    /// - Throws: ``/DiploGraph/ValueError`` when `string` contains a NUL character, or an odd run of
    ///   backslashes before a `"`, a line break or its end (DOT cannot write such a string:
    ///   the backslash would escape the quote or join the lines).
    /// - Complexity: O(*n*) in the length of `string`.
    public init(string: String) throws(ValueError) {
        guard DOTValue.isQuotable(string) else {
            throw ValueError("\(Escape.terminal(string)) cannot be a DOT string: it holds a NUL character or a lone backslash before a quote, a line break or its end")
        }
        self.init(unchecked: string, form: .string)
    }

    /// A value written as an HTML-like label (`<…>`), such as `<b>2018</b>`.
    ///
    /// - Parameter html: the label's content, without the outer angle brackets.
    /// - Throws: ``/DiploGraph/ValueError`` when `html` contains a NUL character or its angle brackets do
    ///   not pair (a `>` without an open `<`, or a `<` left open).
    /// - Complexity: O(*n*) in the length of `html`.
    public init(html: String) throws(ValueError) {
        guard DOTValue.isBalancedHTML(html) else {
            throw ValueError("\(Escape.terminal(html)) cannot be an HTML-like label: it holds a NUL character or unpaired angle brackets")
        }
        self.init(unchecked: html, form: .html)
    }

    /// A value the writer made valid by construction (escaped data, generated names).
    init(unchecked text: String, form: Form) {
        self.text = text
        self.form = form
    }

    /// Whether DOT reads `text` bare as one identifier.
    static func isIdentifier(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return false }
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F }
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        if isLetter(first) {
            let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]
            return bytes.allSatisfy { isLetter($0) || isDigit($0) } && !keywords.contains(text.lowercased())
        }
        // A numeral: -?(.[0-9]+ | [0-9]+(.[0-9]*)?)
        var digits = bytes[(first == 0x2D ? 1 : 0)...]
        guard !digits.isEmpty else { return false }
        var seenDot = false, seenDigit = false
        while let byte = digits.first {
            digits = digits.dropFirst()
            if isDigit(byte) { seenDigit = true } else if byte == 0x2E && !seenDot { seenDot = true } else { return false }
        }
        return seenDigit
    }

    /// Whether `text` can be written in double quotes and read back unchanged.
    static func isQuotable(_ text: String) -> Bool {
        var run = 0
        for byte in text.utf8 {
            if byte == 0 { return false }
            if byte == 0x5C { run += 1; continue }
            if run % 2 == 1 && (byte == 0x22 || byte == 0x0A || byte == 0x0D) { return false }
            run = 0
        }
        return run % 2 == 0
    }

    /// Whether `text` has no NUL and pairs its angle brackets as Graphviz's lexer counts them.
    static func isBalancedHTML(_ text: String) -> Bool {
        var depth = 0
        for byte in text.utf8 {
            switch byte {
            case 0: return false
            case 0x3C: depth += 1
            case 0x3E:
                depth -= 1
                if depth < 0 { return false }
            default: break
            }
        }
        return depth == 0
    }
}

/// A `name=value` attribute of a graph, node or edge.
public struct DOTAttribute: Sendable, Equatable {
    /// The attribute's name (`label`, `pos`).
    public let name: String
    /// Its value.
    public let value: DOTValue

    /// An attribute.
    ///
    /// - Parameters:
    ///   - name: the attribute's name: a DOT identifier (``DOTValue/init(identifier:)``).
    ///   - value: its value.
    /// - Throws: ``/DiploGraph/ValueError`` when `name` is not a DOT identifier.
    /// - Complexity: O(*n*) in the length of `name`.
    public init(_ name: String, _ value: DOTValue) throws(ValueError) {
        guard DOTValue.isIdentifier(name), let first = name.utf8.first, first > 0x39 else {
            throw ValueError("\(Escape.terminal(name)) is not a DOT attribute name")
        }
        self.init(unchecked: name, value)
    }

    init(unchecked name: String, _ value: DOTValue) {
        self.name = name
        self.value = value
    }

    /// `name=identifier`, for the writer's own names and numbers.
    static func identifier(_ name: String, _ text: String) -> DOTAttribute { DOTAttribute(unchecked: name, DOTValue(unchecked: text, form: .identifier)) }
    /// `name="string"`, with `text` already escaped for Graphviz (no lone backslashes).
    static func string(_ name: String, _ text: String) -> DOTAttribute { DOTAttribute(unchecked: name, DOTValue(unchecked: text, form: .string)) }
    /// `name=<html>`, with `text` already escaped as HTML-like label content.
    static func html(_ name: String, _ text: String) -> DOTAttribute { DOTAttribute(unchecked: name, DOTValue(unchecked: text, form: .html)) }
}

/// A node statement: `name [attributes];`.
public struct DOTNode: Sendable, Equatable {
    /// The node's id: a DOT identifier.
    public let name: String
    /// Its attributes, in order (a repeated name: the last one counts, as in DOT).
    public var attributes: [DOTAttribute]

    /// A node.
    ///
    /// - Parameters:
    ///   - name: the node's id: a DOT identifier (``DOTValue/init(identifier:)``).
    ///   - attributes: its attributes.
    /// - Throws: ``/DiploGraph/ValueError`` when `name` is not a DOT identifier.
    /// - Complexity: O(*n*) in the length of `name`.
    public init(name: String, attributes: [DOTAttribute] = []) throws(ValueError) {
        guard DOTValue.isIdentifier(name) else { throw ValueError("\(Escape.terminal(name)) is not a DOT node id") }
        self.init(unchecked: name, attributes: attributes)
    }

    init(unchecked name: String, attributes: [DOTAttribute]) {
        self.name = name
        self.attributes = attributes
    }
}

/// An edge statement: `tail -> head [attributes];` (`--` in undirected graphs).
public struct DOTEdge: Sendable, Equatable {
    /// The id of the node the edge leaves.
    public let tail: String
    /// The id of the node the edge enters.
    public let head: String
    /// Its attributes, in order.
    public var attributes: [DOTAttribute]

    /// An edge; nodes not stated before it are created, as in DOT.
    ///
    /// - Parameters:
    ///   - tail: the id of the node it leaves: a DOT identifier.
    ///   - head: the id of the node it enters: a DOT identifier.
    ///   - attributes: its attributes.
    /// - Throws: ``/DiploGraph/ValueError`` when `tail` or `head` is not a DOT identifier.
    /// - Complexity: O(*n*) in the length of the ids.
    public init(tail: String, head: String, attributes: [DOTAttribute] = []) throws(ValueError) {
        for name in [tail, head] where !DOTValue.isIdentifier(name) { throw ValueError("\(Escape.terminal(name)) is not a DOT node id") }
        self.init(unchecked: tail, head: head, attributes: attributes)
    }

    init(unchecked tail: String, head: String, attributes: [DOTAttribute]) {
        self.tail = tail
        self.head = head
        self.attributes = attributes
    }
}

/// One graph as DOT statements: what ``DiagramWriter`` writes, as data.
///
/// ``dot`` encodes it as DOT text (the `.dot` files, and the `dot` command's output); DiploGraphviz's
/// `Graphviz.render(graph:engine:format:)` builds Graphviz's graph from it directly, through
/// cgraph's API, without writing and parsing the text. Both give Graphviz the same graph:
/// the same attributes with the same values, nodes and edges created in the same order.
public struct DOTGraph: Sendable, Equatable {
    /// A statement of the graph's body, in order.
    public enum Statement: Sendable, Equatable {
        /// A node statement: `n0 [label="..."]`.
        case node(DOTNode)
        /// An edge statement: `n0 -> n1 [...]` (`--` in an undirected graph).
        case edge(DOTEdge)
        /// A `//` comment, one per line of its text (not part of the graph).
        case comment(String)
    }

    /// The graph's name (written quoted).
    public let name: String
    /// A `digraph` (`->` edges) rather than a `graph` (`--`).
    public let isDirected: Bool
    /// The graph's attributes (`graph [...]`).
    public var attributes: [DOTAttribute] = []
    /// The nodes' default attributes (`node [...]`).
    public var nodeDefaults: [DOTAttribute] = []
    /// The edges' default attributes (`edge [...]`).
    public var edgeDefaults: [DOTAttribute] = []
    /// Nodes, edges and comments, in order.
    public var statements: [Statement] = []

    /// An empty graph.
    ///
    /// - Parameters:
    ///   - name: the graph's name, any text DOT can quote (``DOTValue/init(string:)``).
    ///   - isDirected: whether it is a `digraph`.
    /// - Throws: ``/DiploGraph/ValueError`` when `name` cannot be written as a DOT string.
    /// - Complexity: O(*n*) in the length of `name`.
    public init(name: String, isDirected: Bool) throws(ValueError) {
        _ = try DOTValue(string: name)
        self.init(unchecked: name, isDirected: isDirected)
    }

    init(unchecked name: String, isDirected: Bool) {
        self.name = name
        self.isDirected = isDirected
    }

    /// The graph as DOT text: a header line, the attribute lines that are not empty, one line
    /// per statement, two-space indented.
    ///
    /// - Complexity: O(*n*) in the size of the text.
    public var dot: String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        out += (isDirected ? "digraph \"" : "graph \"").utf8
        Self.appendQuoted(name, to: &out)
        out += "\" {\n".utf8
        for (keyword, list) in [("graph", attributes), ("node", nodeDefaults), ("edge", edgeDefaults)] where !list.isEmpty {
            out += "  \(keyword)".utf8
            Self.append(list, to: &out)
            out += ";\n".utf8
        }
        for statement in statements {
            switch statement {
            case .node(let node):
                out += "  ".utf8
                out += node.name.utf8
                Self.append(node.attributes, to: &out)
            case .edge(let edge):
                out += "  ".utf8
                out += edge.tail.utf8
                out += (isDirected ? " -> " : " -- ").utf8
                out += edge.head.utf8
                Self.append(edge.attributes, to: &out)
            case .comment(let text):
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    out += "  // ".utf8
                    out += line.utf8
                    out.append(0x0A)
                }
                continue
            }
            out += ";\n".utf8
        }
        out += "}\n".utf8
        return String(decoding: out, as: UTF8.self)
    }

    /// ` [a=b, c="d"]`, or nothing for no attributes.
    private static func append(_ attributes: [DOTAttribute], to out: inout [UInt8]) {
        guard !attributes.isEmpty else { return }
        out += " [".utf8
        for (index, attribute) in attributes.enumerated() {
            if index > 0 { out += ", ".utf8 }
            out += attribute.name.utf8
            out.append(0x3D)
            switch attribute.value.form {
            case .identifier: out += attribute.value.text.utf8
            case .string:
                out.append(0x22)
                appendQuoted(attribute.value.text, to: &out)
                out.append(0x22)
            case .html:
                out.append(0x3C)
                out += attribute.value.text.utf8
                out.append(0x3E)
            }
        }
        out.append(0x5D)
    }

    /// A string's content with `"` as `\"`.
    private static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            if byte == 0x22 { out.append(0x5C) }
            out.append(byte)
        }
    }
}
