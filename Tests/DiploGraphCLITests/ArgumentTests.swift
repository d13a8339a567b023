import Foundation
import Testing

/// Options parsed into typed values: `--measures` as a comma list or repeated, `--window` and
/// `--step` as spans, each refused in DiploGraph's words naming the option.
@Suite struct ArgumentTests {
    @Test func measuresRepeatedOrCommaSeparatedAreTheSame() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", CommandLineTests.small)
        let listed = try Tool.run(["centrality", events, "--measures", "degree,betweenness", "--format", "csv"])
        let repeated = try Tool.run(["centrality", events, "--measures", "degree", "--measures", "betweenness,degree", "--format", "csv"])
        #expect(listed.status == 0 && repeated.status == 0, "\(repeated.stderr)")
        #expect(repeated.stdout == listed.stdout)
        #expect(listed.stdout.hasPrefix("slice,actor,degree,betweenness\n"))
        let unknown = try Tool.run(["centrality", events, "--measures", "degree", "--measures", "fame"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("--measures: unknown measure 'fame'; known measures: degree, in_degree,"))
    }

    @Test func spansAreRefusedNamingTheirOption() throws {
        let scratch = try Scratch()
        let events = try scratch.file("s.events.csv", CommandLineTests.small)
        let cases: [([String], String)] = [
            (["--window", "2x"], "--window '2x': expected a positive count and a unit, such as 2y, 3q or 6m\n"),
            (["--window", "39997q"], "--window '39997q': longer than 9,999 years (at most 39996q)\n"),
            (["--window", "2y", "--step", "0y"], "--step '0y': expected a positive count and a unit, such as 2y, 3q or 6m\n"),
            (["--window", "2y", "--step", "3m"], "--window and --step must use the same unit (2y, 3m)\n"),
        ]
        for (arguments, message) in cases {
            let result = try Tool.run(["centrality", events] + arguments)
            #expect(result.status == 1)
            #expect(result.stderr == message)
        }
        let windows = try Tool.run(["centrality", events, "--window", "2y", "--step", "1y", "--measures", "degree", "--format", "csv"])
        #expect(windows.status == 0, "\(windows.stderr)")
        #expect(windows.stdout.hasPrefix("slice,actor,degree\n2018..2019,a,3\n"), "\(windows.stdout)")
    }
}
