import DiploGraph
import DiploGraphDiagram

/// A figure drawn by Graphviz: its bytes in the renderer's format and the warnings given.
public struct Drawing: Sendable {
    /// Which figure this is.
    public let figure: DiagramFigure
    /// The format of ``bytes``.
    public let format: OutputFormat
    /// The file's bytes: SVG (UTF-8), PNG (with its resolution set) or PDF.
    public let bytes: [UInt8]
    /// What Graphviz warned about while drawing (Graphviz warnings are defects to report).
    public let warnings: [DiagramWarning]

    /// The SVG text, for SVG drawings; `nil` for PNG and PDF.
    /// - Complexity: O(*n*) in the size of the drawing.
    public var svg: String? { format == .svg ? String(decoding: bytes, as: UTF8.self) : nil }
}
