import Foundation
import DiploGraph

/// A failure to write output, naming the path.
public struct OutputError: DiploGraphError {
    /// Why the output was not written.
    public enum Kind: Sendable, Equatable {
        /// The folder holds files DiploGraph did not write (their names, sorted).
        case foreignFiles([String])
        /// The path may never hold output (`/`, the home folder, a folder holding the current one).
        case forbiddenFolder
        /// The path is a file where a folder is needed, or a folder where a file is needed.
        case wrongType
        /// An existing file that DiploGraph did not write would be replaced.
        case foreignFile
        /// The file system refused (permissions, space, ...).
        case system
    }

    /// The file or folder that could not be written, as the caller named it (or as resolved).
    public let path: String
    /// Why, in words (`permission denied`, `it is a folder`, ...).
    public let reason: String
    /// Which rule or failure refused the output, for callers that react to it.
    public let kind: Kind

    /// An error naming `path`.
    /// - Parameters:
    ///   - path: the file or folder that could not be written.
    ///   - reason: why, in words.
    ///   - kind: which rule or failure refused it (default: ``Kind-swift.enum/system``).
    /// - Complexity: O(1).
    public init(path: String, reason: String, kind: Kind = .system) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }

    /// ``/DiploGraph/ErrorReason/outputConflict(_:)`` for ``Kind-swift.enum/foreignFiles(_:)``
    /// and ``Kind-swift.enum/foreignFile``, ``/DiploGraph/ErrorReason/outputFailure`` for the rest.
    public var errorReason: ErrorReason {
        switch kind {
        case .foreignFiles: .outputConflict(.foreignFiles)
        case .foreignFile: .outputConflict(.foreignFile)
        case .forbiddenFolder, .wrongType, .system: .outputFailure
        }
    }

    /// `PATH: cannot write output: REASON`.
    public var description: String { "\(path): cannot write output: \(reason)" }
}
