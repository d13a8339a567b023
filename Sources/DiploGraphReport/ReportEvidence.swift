import Foundation
import DiploGraph
import DiploGraphText
import DiploGraphExport
import DiploGraphOutput

/// How firm a report's findings are: which events each role verdict rests on
/// (``/DiploGraph/RoleFragility``), the range of the focus's measures when any one event is
/// removed (``/DiploGraph/MeasureInfluence``), which values beat chance under a null model
/// (``/DiploGraph/PermutationTest`` with Benjamini–Hochberg q-values) and, with a second
/// coding of the same source, how far the two codings agree (``/DiploGraph/CodingAgreement``).
public struct ReportEvidence: Sendable {
    /// A second coding of the events' source and its agreement with the report's events.
    public struct SecondCoding: Sendable {
        /// The second coding's events file, as the user named it.
        public let file: String
        /// The rows matched and Krippendorff's alpha per field.
        public let agreement: CodingAgreement
        /// Whether rows were matched by their quotes' overlap in the source text (`false`:
        /// on date, source, target and kind, whose alpha is then 1 by construction).
        public let matchedByQuotes: Bool

        /// A second coding for the report.
        /// - Parameters:
        ///   - file: the second coding's events file.
        ///   - agreement: its agreement with the report's events.
        ///   - matchedByQuotes: whether rows were matched by quote overlap.
        /// - Complexity: O(1).
        public init(file: String, agreement: CodingAgreement, matchedByQuotes: Bool) {
            self.file = file
            self.agreement = agreement
            self.matchedByQuotes = matchedByQuotes
        }
    }

    /// The null model of the permutation test.
    public let null: NullModel
    /// The draws per slice.
    public let permutations: Int
    /// The seed of the draws.
    public let seed: UInt64
    /// The largest set of events removed together when measuring a verdict's fragility.
    public let fragilityDepth: Int
    /// The second coding, or `nil`.
    public var secondCoding: SecondCoding?

    /// The q-value below which a value is marked.
    public static let significance = 0.05

    /// The evidence a report shows (the `report` command's defaults: `edges`, 1,000 draws, seed 1, depth 3).
    /// - Parameters:
    ///   - null: the null model.
    ///   - permutations: the draws per slice, at least 1.
    ///   - seed: the seed.
    ///   - fragilityDepth: the largest set of events removed together, at least 1.
    ///   - secondCoding: a second coding of the same source, or `nil`.
    /// - Throws: ``/DiploGraph/ValueError`` for fewer than 1 permutation or a depth below 1.
    /// - Complexity: O(1).
    public init(null: NullModel = .edges, permutations: Int = 1000, seed: UInt64 = 1, fragilityDepth: Int = 3,
                secondCoding: SecondCoding? = nil) throws(ValueError) {
        guard permutations >= 1 else { throw ValueError("permutations \(permutations): must be at least 1") }
        guard fragilityDepth >= 1 else { throw ValueError("fragility depth \(fragilityDepth): must be at least 1") }
        self.null = null
        self.permutations = permutations
        self.seed = seed
        self.fragilityDepth = fragilityDepth
        self.secondCoding = secondCoding
    }

    /// What removing events does to a verdict, in words: `rests on 1 event (line 53); removing
    /// it leaves no verdict`.
    /// - Parameters:
    ///   - verdict: the verdict's fragility.
    ///   - depth: the largest set size searched.
    /// - Returns: the sentence, without a final full stop.
    /// - Complexity: O(*p*) for *p* pivotal events.
    static func restsOn(_ verdict: RoleFragility.Verdict, depth: Int) -> String {
        let support = Report.counted(verdict.support, "event")
        guard let fragility = verdict.fragility else {
            return "rests on \(support); no set of up to \(depth) events changes it"
        }
        if fragility > 1 {
            return "rests on \(support); survives the removal of any one event (\(fragility) removed together change it)"
        }
        let lines = verdict.pivots.map(\.line)
        let where_ = verdict.support == 1 && lines.count == 1 ? "rests on 1 event (line \(lines[0]))" : "rests on \(support)"
        // The pivots grouped by what their removal leaves.
        var outcomes: [(after: String, lines: [Int])] = []
        for pivot in verdict.pivots {
            let after = pivot.roleAfter.map { "makes it \($0.rawValue)" } ?? "leaves no verdict"
            if let i = outcomes.firstIndex(where: { $0.after == after }) { outcomes[i].lines.append(pivot.line) } else { outcomes.append((after, [pivot.line])) }
        }
        let clauses = outcomes.map { outcome -> String in
            if verdict.support == 1 && lines.count == 1 { return "removing it \(outcome.after)" }
            let list = outcome.lines.map(String.init).joined(separator: ", ")
            return outcome.lines.count == 1 ? "removing line \(list) \(outcome.after)" : "removing any one of lines \(list) \(outcome.after)"
        }
        if clauses.isEmpty { return "\(where_); removing one event (the slice's first or last) changes it" }
        return "\(where_); " + clauses.joined(separator: "; ")
    }

    /// A measure's value with its range over the removals of one event and its mark:
    /// `2 (1–3)`, `2 (1–3) *` when its q-value is below ``significance``.
    static func valueWithRange(_ value: Double?, range: (Double?, Double?)?, q: Double?) -> String {
        guard let value else { return "absent" }
        var text = NumberFormat.measure(value)
        if let range, let low = range.0, let high = range.1 {
            text += low == high ? " (\(NumberFormat.measure(low)) always)" : " (\(NumberFormat.measure(low))–\(NumberFormat.measure(high)))"
        }
        if let q, q < significance { text += " *" }
        return text
    }
}

extension ReportView {
    /// One slice of the findings block: the roles and the focus's measures, in plain words.
    struct Finding: Sendable {
        let slice: String
        let items: [FindingItem]
    }

    /// One finding: `US, tone (min)`, `facilitating`, and what it rests on.
    struct FindingItem: Sendable {
        let subject, verdict: String
        /// What the finding rests on, `nil` without evidence (not named `firmness`: a missing
        /// key is looked up in the page, which has one).
        let restsOn: String?
        /// `firm` (survives the removal of any one event) or `fragile`, for the page's style.
        let firmClass: String
    }

    /// The section "How firm are these findings?".
    struct Firmness: Sendable {
        /// The yearly verdicts that survive the removal of any one event, and those that do not.
        let firm, fragile: [Line]
        let hasFirm, hasFragile: Bool
        /// What the permutation test found, one sentence.
        let chance: String
        /// What the influence ranges are, one sentence.
        let influence: String
        /// The coder agreement, or `nil` without a second coding.
        let agreement: Agreement?
        let hasAgreement: Bool

        /// A line of the lists.
        struct Line: Sendable {
            let text: String
        }

        /// The coder agreement.
        struct Agreement: Sendable {
            let file, summary: String
            let fields: [Field]
        }

        /// One field's alpha.
        struct Field: Sendable {
            let name, alpha: String
        }
    }

    /// One entry of the glossary: a term, its definition in one sentence, and its reference.
    struct GlossaryEntry: Sendable {
        let term, definition, reference: String
    }
}

extension Report {
    /// The glossary at the end of the report: each measure and piece of evidence in one
    /// sentence, with its reference.
    static let glossary: [ReportView.GlossaryEntry] = [
        .init(term: "Tone (rule min)", definition: "σ(T,X) is the signed share of cooperative weight in T's events with X (both directions); the score is the smaller of σ(T,A) and σ(T,B), so T facilitates only when it cooperates with both sides.", reference: "Obstfeld 2005, Administrative Science Quarterly 50(1); Heider 1946, Journal of Psychology 21"),
        .init(term: "Stance", definition: "The signed share of cooperative weight in T's acts whose about is the dyad itself, whatever their target: what T does about the relationship.", reference: "Stedman 1997, International Security 22(2)"),
        .init(term: "Facilitating, spoiling, neutral", definition: "A score above +0.1, below −0.1, or in between.", reference: "docs/measures.md"),
        .init(term: "Relationships mediated", definition: "The number of distinct pairs of sides {A, B} whose relationship the actor's mediation acts bore on in the slice.", reference: "docs/measures.md"),
        .init(term: "Gould–Fernandez brokerage", definition: "The number of ordered pairs (i, k) joined through the actor by a two-path i → actor → k with no direct tie i → k, by the groups of i and k.", reference: "Gould & Fernandez 1989, Sociological Methodology 19"),
        .init(term: "Betweenness", definition: "The share of shortest paths between other pairs that pass through the actor, summed over pairs.", reference: "Freeman 1977, Sociometry 40(1); Brandes 2001, Journal of Mathematical Sociology 25(2)"),
        .init(term: "Degree and strength", definition: "The number of ties, and their summed weight, at the actor.", reference: "Freeman 1978, Social Networks 1(3); Barrat et al. 2004, PNAS 101(11)"),
        .init(term: "Harmonic centrality", definition: "The sum of the reciprocals of the actor's distances to the others.", reference: "Marchiori & Latora 2000, Physica A 285"),
        .init(term: "PageRank", definition: "The share of time a random walk along ties, restarting at random, spends at the actor.", reference: "Page, Brin, Motwani & Winograd 1999, Stanford InfoLab 1999-66"),
        .init(term: "Constraint", definition: "How far the actor's ties lead to contacts that are tied to each other (high: few structural holes).", reference: "Burt 1992, Structural Holes"),
        .init(term: "Support and fragility", definition: "Support is the number of events entering a verdict's score; fragility is the fewest events whose removal from the file changes the verdict, found by exact search.", reference: "Walsh et al. 2014, Journal of Clinical Epidemiology 67(6)"),
        .init(term: "Influence range", definition: "The least and greatest value of a measure when any single event of its slice is removed (leave-one-out).", reference: "Quenouille 1949; Tukey 1958, Annals of Mathematical Statistics 29"),
        .init(term: "p and q", definition: "p is the share of graphs drawn from the null model whose value is at least the observed one, (1 + count) / (N + 1); q adjusts p for testing every actor and year at once.", reference: "Davison & Hinkley 1997, Bootstrap Methods; Benjamini & Hochberg 1995, JRSS B 57(1)"),
        .init(term: "Null models", definition: "edges: random graphs with the slice's numbers of actors and ties; degree: every actor's in- and out-degree kept by edge swaps; groups: the groups permuted among the actors.", reference: "Erdős & Rényi 1959; Milo et al. 2003, arXiv:cond-mat/0312028; Butts, R package sna"),
        .init(term: "Krippendorff's alpha", definition: "1 minus the ratio of observed to expected disagreement between two codings of the same units (nominal), 1 for perfect agreement.", reference: "Krippendorff 2004, Content Analysis, 2nd ed."),
    ]
}
