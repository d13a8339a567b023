import DiploGraph
import DiploGraphText

/// A writer of XML 1.0 documents, element by element, into text that always parses.
///
/// The writer escapes every attribute value and every piece of text it is given, drops the
/// characters XML 1.0 cannot carry (see ``/DiploGraphText/Escape/isXMLCharacter(_:)``), checks element and
/// attribute names against XML's `Name` production, refuses an attribute given twice, and
/// keeps elements balanced, so that a document it returns is well-formed whatever the data.
///
/// Whitespace is the caller's choice, per element: a ``Layout/block`` element puts each child
/// on its own line, indented two spaces deeper than itself; an ``Layout/inline`` element keeps
/// its children and text on its own line. The document's top-level items (the XML
/// declaration, comments, the root element) each end with a line break.
///
/// ```swift
/// var writer = XMLWriter()
/// try writer.startElement("graphml", attributes: [("xmlns", "http://graphml.graphdrawing.org/xmlns")], layout: .block)
/// try writer.element("node", attributes: [("id", "a & b")])
/// try writer.endElement()
/// let text = try writer.document()
/// // <?xml version="1.0" encoding="UTF-8"?>
/// // <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
/// //   <node id="a &amp; b"/>
/// // </graphml>
/// ```
public struct XMLWriter: Sendable {
    /// How an element lays out what it holds.
    public enum Layout: Sendable, Equatable {
        /// Each child on a line of its own, indented one step deeper; the end tag on its own line.
        case block
        /// Children and text directly after the start tag, on the same line; an inline element
        /// with nothing in it is written as an empty-element tag (`<spell start="2018"/>`).
        case inline
    }

    private struct Open: Sendable {
        let name: String
        let layout: Layout
    }

    private var output = ""
    private var open: [Open] = []
    /// Whether the innermost (inline) element's start tag still lacks its closing `>`.
    private var startTagIsPending = false
    private var hasRoot = false

    /// A writer whose document starts with `<?xml version="1.0" encoding="UTF-8"?>` (or with
    /// nothing when `declaration` is `false`).
    /// - Parameter declaration: whether the document starts with the XML declaration.
    /// - Complexity: O(1).
    public init(declaration: Bool = true) {
        if declaration { output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
    }

    /// Opens an element; what follows goes inside it until the matching ``endElement()``.
    ///
    /// - Parameters:
    ///   - name: the element's name, such as `graph` or `xsi:schemaLocation`'s form `prefix:name`.
    ///   - attributes: names and values, written in this order; values are escaped.
    ///   - layout: how the element lays out its children.
    /// - Throws: ``/DiploGraph/ValueError`` for a name that is not an XML name, an attribute given twice,
    ///   or a second root element.
    /// - Complexity: O(*n*) in the length of the names and values.
    public mutating func startElement(_ name: String, attributes: [(name: String, value: String)] = [],
                                      layout: Layout = .inline) throws(ValueError) {
        try Self.checkName(name, of: "element")
        var seen: Set<String> = []
        for attribute in attributes {
            try Self.checkName(attribute.name, of: "attribute")
            guard seen.insert(attribute.name).inserted else {
                throw ValueError("XML element '\(name)': attribute '\(attribute.name)' is given twice")
            }
        }
        if open.isEmpty {
            guard !hasRoot else { throw ValueError("XML element '\(name)': a document has one root element, and it is closed") }
            hasRoot = true
        }
        beginChild()
        output += "<" + name
        for attribute in attributes {
            output += " " + attribute.name + "=\""
            Self.appendEscaped(attribute.value, to: &output, inAttribute: true)
            output += "\""
        }
        open.append(Open(name: name, layout: layout))
        if layout == .block {
            output += ">\n"
        } else {
            startTagIsPending = true
        }
    }

    /// Closes the innermost open element.
    /// - Throws: ``/DiploGraph/ValueError`` when no element is open.
    /// - Complexity: O(*d*) for an element *d* levels deep (its end tag's indentation).
    public mutating func endElement() throws(ValueError) {
        guard let element = open.popLast() else { throw ValueError("XML: no element is open to close") }
        switch element.layout {
        case .inline:
            output += startTagIsPending ? "/>" : "</" + element.name + ">"
        case .block:
            output += Self.indentation(open.count) + "</" + element.name + ">"
        }
        startTagIsPending = false
        endChild()
    }

    /// Writes `text`, escaped, inside the innermost open element, which must be inline.
    ///
    /// Even empty text makes the element a start and an end tag (`<data key="label"></data>`).
    /// - Throws: ``/DiploGraph/ValueError`` when no element is open, or the open element is a block.
    /// - Complexity: O(*n*) in the length of `text`.
    /// - Parameter text: the text; escaped, characters XML 1.0 cannot carry dropped.
    public mutating func text(_ text: String) throws(ValueError) {
        guard let element = open.last else { throw ValueError("XML: text must be inside an element") }
        guard element.layout == .inline else {
            throw ValueError("XML element '\(element.name)': text goes into inline elements, not blocks")
        }
        closePendingStartTag()
        Self.appendEscaped(text, to: &output, inAttribute: false)
    }

    /// Writes a whole element: `<name attributes/>`, or `<name attributes>text</name>` when
    /// `text` is given.
    /// - Throws: ``/DiploGraph/ValueError`` as ``startElement(_:attributes:layout:)`` does.
    /// - Parameters:
    ///   - name: the element's name.
    ///   - attributes: names and values, written in this order; values are escaped.
    ///   - text: the element's text, or `nil` for an empty-element tag.
    /// - Complexity: O(*n*) in the length of the name, attributes and text.
    public mutating func element(_ name: String, attributes: [(name: String, value: String)] = [],
                                 text: String? = nil) throws(ValueError) {
        try startElement(name, attributes: attributes, layout: .inline)
        if let text { try self.text(text) }
        try endElement()
    }

    /// Writes `<!-- text -->` where the next child would go (at the top level, on a line of its own).
    /// - Throws: ``/DiploGraph/ValueError`` when `text` holds `--`, ends in `-`, or holds a character XML
    ///   1.0 cannot carry: a comment cannot escape anything.
    /// - Parameter text: the comment's text, written as it is.
    /// - Complexity: O(*n*) in the length of `text`.
    public mutating func comment(_ text: String) throws(ValueError) {
        guard !text.contains("--"), !text.hasSuffix("-"), text.unicodeScalars.allSatisfy(Escape.isXMLCharacter) else {
            throw ValueError("XML comment '\(Escape.terminal(text))': a comment cannot hold '--', end in '-' or hold characters XML cannot carry")
        }
        beginChild()
        output += "<!-- " + text + " -->"
        endChild()
    }

    /// The document written so far, once the root element is closed.
    /// - Throws: ``/DiploGraph/ValueError`` when there is no root element or an element is still open.
    /// - Returns: the XML text.
    /// - Complexity: O(1): the text is shared, not copied.
    public func document() throws(ValueError) -> String {
        guard hasRoot else { throw ValueError("XML: the document has no root element") }
        guard open.isEmpty else {
            throw ValueError("XML: element '\(open.last!.name)' is still open")
        }
        return output
    }

    /// `text` escaped for an XML attribute value in double quotes: `&`, `<`, `>`, `"` and `'`
    /// as references, tab, line feed and carriage return as character references (so that a
    /// parser's attribute-value normalisation gives them back), characters XML 1.0 cannot
    /// carry dropped.
    /// - Complexity: O(*n*) in the length of `text`.
    /// - Parameter text: the data.
    /// - Returns: the value to put between `"` and `"`.
    public static func escapedAttribute(_ text: String) -> String {
        var result = ""
        appendEscaped(text, to: &result, inAttribute: true)
        return result
    }

    /// `text` escaped for XML element content: `&`, `<`, `>`, `"` and `'` as references, a
    /// carriage return as `&#13;` (which a parser would otherwise turn into a line feed),
    /// characters XML 1.0 cannot carry dropped.
    /// - Complexity: O(*n*) in the length of `text`.
    /// - Parameter text: the data.
    /// - Returns: the escaped content.
    public static func escapedText(_ text: String) -> String {
        var result = ""
        appendEscaped(text, to: &result, inAttribute: false)
        return result
    }

    // MARK: - Layout

    /// Before a child (element or comment): the parent's start tag finished, and the child's
    /// indentation when the parent is a block (or the child is at the top level).
    private mutating func beginChild() {
        closePendingStartTag()
        if open.last?.layout ?? .block == .block { output += Self.indentation(open.count) }
    }

    /// After a child: a line break when the parent is a block (or the child was at the top level).
    private mutating func endChild() {
        if open.last?.layout ?? .block == .block { output += "\n" }
    }

    private mutating func closePendingStartTag() {
        if startTagIsPending {
            output += ">"
            startTagIsPending = false
        }
    }

    private static func indentation(_ depth: Int) -> String { String(repeating: "  ", count: depth) }

    // MARK: - Escaping and names

    private static func appendEscaped(_ text: String, to output: inout String, inAttribute: Bool) {
        Escape.appendMarkup(text, to: &output, as: inAttribute ? .xmlAttribute : .xmlText)
    }

    /// Checks `name` against XML 1.0's `Name` production.
    private static func checkName(_ name: String, of what: String) throws(ValueError) {
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isNameStart(first) else {
            throw ValueError("XML \(what) name '\(Escape.terminal(name))' is not an XML name (it must start with a letter, '_' or ':')")
        }
        while let scalar = scalars.next() {
            guard isNameStart(scalar) || isNameContinuation(scalar) else {
                throw ValueError("XML \(what) name '\(Escape.terminal(name))' is not an XML name ('\(Escape.terminal(String(scalar)))' cannot be in one)")
            }
        }
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3A, 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            true
        default:
            false
        }
    }

    private static func isNameContinuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: false
        }
    }
}
