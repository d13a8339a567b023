import Foundation

/// Text by which DiploGraph recognises a file it wrote, so that it replaces that file and no other.
///
/// A signature is either the exact start of the file (a CSV header) or text its first
/// kilobyte holds (a creator element, a comment, a JSON field).
public struct FileSignature: Sendable, Hashable {
    /// Where the text must be.
    public enum Position: Sendable, Hashable {
        /// The file starts with the text.
        case start
        /// The file's first kilobyte holds the text.
        case firstKilobyte
    }

    /// The text.
    public let text: String
    /// Where it must be.
    public let position: Position

    /// A signature of `text` at `position`.
    /// - Parameters:
    ///   - text: the text; not empty, at most 1,024 bytes of UTF-8.
    ///   - position: where it must be (default: ``Position-swift.enum/firstKilobyte``).
    /// - Throws: ``OutputError`` when `text` is empty or longer than a kilobyte (it could never
    ///   tell a file apart, or never be found).
    /// - Complexity: O(1).
    public init(_ text: String, at position: Position = .firstKilobyte) throws(OutputError) {
        guard !text.isEmpty, text.utf8.count <= StagedFile.headLength else {
            throw OutputError(path: "''", reason: "a file signature is between 1 and \(StagedFile.headLength) bytes", kind: .wrongType)
        }
        self.text = text
        self.position = position
    }

    /// A signature from text known to be valid (the formats' own constants).
    package init(known text: String, at position: Position) {
        self.text = text
        self.position = position
    }

    /// Whether `head` (a file's first kilobyte) carries the signature.
    /// - Parameter head: the first bytes of a file.
    /// - Returns: `true` when the text is where it must be.
    /// - Complexity: O(*n*) for *n* bytes of `head`.
    public func matches(_ head: [UInt8]) -> Bool {
        let bytes = Array(text.utf8)
        switch position {
        case .start: return head.starts(with: bytes)
        case .firstKilobyte:
            guard head.count >= bytes.count else { return false }
            return (0...(head.count - bytes.count)).contains { offset in head[offset..<(offset + bytes.count)].elementsEqual(bytes) }
        }
    }
}
