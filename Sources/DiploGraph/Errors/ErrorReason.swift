/// What kind of failure a ``DiploGraphError`` is: the part of an error a program reacts to
/// and a front end renders, apart from its words.
///
/// Every error the library throws conforms to ``DiploGraphError`` and names one reason. A
/// command line, for example, adds its own advice for an ``outputConflict(_:)`` (the flag that
/// overrides it) and shows everything else as the error's lines.
public enum ErrorReason: Sendable, Hashable {
    /// A value a function refused: a weight that is not positive, a colour that is not
    /// `#rrggbb`, a span such as `2x`, a measure's name that is no measure.
    case invalidValue
    /// An id that names nothing of what was searched (an actor, a group or a kind).
    case unknownID(UnknownIDError.Subject)
    /// Input that is not what its format says: a problem at `line` of `file` (`nil` when the
    /// reader does not know it: a line of a stream, a problem of the whole file).
    case malformedInput(file: String?, line: Int?)
    /// A file that cannot be read at all (no such file, a folder, permission denied).
    case unreadable
    /// Work or output estimated over a limit or a budget: too many diagrams, nodes or
    /// seconds.
    case budgetExceeded
    /// Output that would replace or sit beside files DiploGraph did not write.
    case outputConflict(OutputConflict)
    /// Output that could not be written for any other cause: a forbidden or wrong path, the
    /// file system refusing.
    case outputFailure
    /// Graphviz could not parse, lay out or render a diagram, or lacks its plugins.
    case graphviz
    /// Something the library does not do: a layout engine that cannot share a layout, a SQL
    /// dialect that cannot read the input.
    case unsupported
    /// A mistake in what a front end was asked to do (its arguments), with what to do
    /// instead. The library itself never throws this; front ends conform their own errors.
    case invalidRequest

    /// Which files an output would clash with.
    public enum OutputConflict: Sendable, Hashable {
        /// The output folder holds files DiploGraph did not write.
        case foreignFiles
        /// The output file exists and DiploGraph did not write it (or it was edited).
        case foreignFile
    }
}
