import Testing

/// Runs `diplograph sql` for the SQL suites (ICEWS and GDELT in SQLTests, PLOVER and POLECAT
/// in PloverSQLTests).
enum SQLRunner {
    /// Expects `sql ARGUMENTS` to succeed with a query holding `part`, for each case.
    /// - Parameters:
    ///   - cases: the arguments after `sql`, and text the query must hold.
    ///   - sourceLocation: where a failure is reported.
    static func expectQueries(_ cases: [([String], String)], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (arguments, part) in cases {
            let result = try Tool.run(["sql"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
            #expect(result.stdout.contains(part), "\(arguments): \(part)", sourceLocation: sourceLocation)
        }
    }

    /// Expects `sql ARGUMENTS` to be refused with status 1 and no query, its message holding
    /// `message` when one is given.
    /// - Parameters:
    ///   - arguments: the arguments after `sql`.
    ///   - message: text the error must hold, or `nil`.
    ///   - sourceLocation: where a failure is reported.
    /// - Returns: the error output, for further checks.
    @discardableResult
    static func expectRefusal(_ arguments: [String], saying message: String? = nil,
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try Tool.run(["sql"] + arguments)
        #expect(result.status == 1, "\(arguments)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(arguments)", sourceLocation: sourceLocation)
        if let message { #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation) }
        return result.stderr
    }
}
