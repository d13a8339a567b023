import ArgumentParser
import DiploGraph
import DiploGraphviz
import Foundation
import DiploGraphText
import DiploGraphOutput

/// A mistake in what the user asked for, with what to do instead.
struct UserError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
