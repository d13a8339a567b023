import ArgumentParser
import DiploGraph
import DiploGraphviz
import Foundation
import DiploGraphText
import DiploGraphOutput

/// A mistake in what the user asked for, with what to do instead.
struct UserError: DiploGraphError {
    let description: String
    init(_ description: String) { self.description = description }

    /// A mistake in the arguments: ``/DiploGraph/ErrorReason/invalidRequest``.
    var errorReason: ErrorReason { .invalidRequest }
}
