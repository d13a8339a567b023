import DiploGraphText
/// What the report's templates read (``ReportTemplate``), one type per template section.
///
/// swift-mustache looks a template's `{{key}}` up as the stored property of that name
/// (through `Mirror`), in the innermost section's view first and then outwards; a property
/// that is `nil` counts as absent, so `{{#focus}}` renders nothing without a headline. Every
/// property is named as its template key: renaming one changes what the report shows.
enum ReportView {
    /// The whole page: what both templates show at the top, then the sections.
    ///
    /// `report.html` and `report.md` differ in their slices, roles and comparison sections,
    /// hence the type parameters (``HTMLPage``, ``MarkdownPage``).
    struct Page<Slice: Sendable, Roles: Sendable, Compared: Sendable>: Sendable {
        /// The title, the events file as the user named it, `10 events`, `3 slices`, and
        /// `directed` or `undirected` (``Header``).
        let title, file, eventCount, sliceCount, direction: String
        /// The events file as a Markdown code span, for report.md (``/DiploGraphText/Escape/markdownCodeSpan(_:)``).
        let fileCode: String
        /// The columns of every slice's table.
        let measures: [MeasureName]
        let focus: Focus?, roles: Roles?, compared: Compared?
        /// The grid of every slice, inline SVG.
        let grid: String?
        /// Whether each optional section is there (report.html tests these before entering it).
        let hasFocus, hasRoles, hasCompared, hasGrid: Bool
        let slices: [Slice]
        /// The findings block, slice by slice (first on the page).
        let findings: [Finding]
        let hasFindings: Bool
        /// "How firm are these findings?", with evidence.
        let firmness: Firmness?
        let hasFirmness: Bool
        /// The glossary at the end.
        let glossary: [GlossaryEntry]

        /// - Complexity: O(1).
        init(header: Header, focus: Focus?, roles: Roles?, compared: Compared?, grid: String?, slices: [Slice],
             findings: [Finding] = [], firmness: Firmness? = nil, glossary: [GlossaryEntry] = []) {
            self.findings = findings
            hasFindings = !findings.isEmpty
            self.firmness = firmness
            hasFirmness = firmness != nil
            self.glossary = glossary
            title = header.title
            file = header.file
            fileCode = Escape.markdownCodeSpan(header.file)
            eventCount = header.eventCount
            sliceCount = header.sliceCount
            direction = header.direction
            measures = header.measures
            self.focus = focus
            hasFocus = focus != nil
            self.roles = roles
            hasRoles = roles != nil
            self.compared = compared
            hasCompared = compared != nil
            self.grid = grid
            hasGrid = grid != nil
            self.slices = slices
        }
    }

    /// report.html's page.
    typealias HTMLPage = Page<SliceCard, RolesTable, ComparedRoles>
    /// report.md's page.
    typealias MarkdownPage = Page<MarkdownSlice, MarkdownRoles, MarkdownComparedRoles>

    /// What both pages show at the top.
    struct Header: Sendable {
        let title, file, eventCount, sliceCount, direction: String
        let measures: [MeasureName]
    }

    /// A column heading of the slices' tables.
    struct MeasureName: Sendable {
        /// The measure's name (`in_degree`).
        let name: String
    }

    /// The headline: the focal actor's (or group's) brokerage per slice, chart and table.
    struct Focus: Sendable {
        /// The focus's label and group, and `actors` or `groups`.
        let label, group, level: String
        /// The chart, inline SVG (report.html; report.md links brokerage.svg).
        let chart: String
        /// What each series measures and why they differ.
        let explanation: String
        let rows: [FocusRow]
        /// Who the focus could reach in time order, by year of first arrival.
        let reach: [ReachRow]
        /// Whether ``reach`` has rows (a stored flag: templates read stored properties).
        let hasReach: Bool
        /// Whether the cells carry ranges and marks (the report has evidence).
        var hasEvidence = false
    }

    /// One year of the focus's "who could reach whom" table: the entities first reached that
    /// year along time-respecting paths, possibly and certainly (labels, or `–`).
    struct ReachRow: Sendable {
        let year, possible, certain: String
    }

    /// One slice of the headline table; `absent` where the focus is not in the slice.
    ///
    /// Per slice: relationships mediated, Gould–Fernandez brokerage on the mediation layer by
    /// group (`layer`) and on the full graph, betweenness.
    struct FocusRow: Sendable {
        let slice, mediation, layer, brokerage, betweenness: String
    }

    /// A slice in report.html: its diagram and its centrality table.
    struct SliceCard: Sendable {
        let label: String
        /// The card's id (`slice-2018`), which the slice buttons show.
        let anchor: String
        /// The diagram's file name without `.svg`, for the link to the full-size figure.
        let file: String
        /// The diagram, inline SVG.
        let svg: String
        /// `5 events · 4 actors · 6 ties`.
        let counts: String
        let rows: [ActorRow]
    }

    /// A slice in report.md: its diagram's file and its centrality table.
    struct MarkdownSlice: Sendable {
        let label: String
        /// The diagram's file name without `.svg`.
        let file: String
        /// `5 events, 4 actors, 6 ties`.
        let counts: String
        let rows: [ActorRow]
    }

    /// An actor's (or group's) row of a slice's centrality table.
    struct ActorRow: Sendable {
        /// The label and the group (report.html's table has the column).
        let actor, group: String
        /// One per measure, in the page's `measures` order.
        let values: [Value]

        /// A cell of a centrality table.
        struct Value: Sendable {
            /// The number as the report prints it, or the template's mark for a missing value.
            let value: String
            /// Whether its q-value under the null model is below 0.05.
            var marked = false
        }
    }

    /// The roles of third parties towards a dyad under one rule (report.html).
    struct RolesTable: Sendable {
        let a, b, rule: String
        let rows: [RoleRow]
    }

    /// A third party's role in a slice.
    struct RoleRow: Sendable {
        let slice, third, role, score: String
        /// σ(T, A) and σ(T, B), or `–`.
        let sigmaA, sigmaB: String
        /// T's events with A and with B.
        let events: Int
    }

    /// The roles of third parties towards a dyad under one rule (report.md: the table as
    /// ``/DiploGraph/ThirdPartyRoles/markdown(dyadLabels:)`` writes it).
    struct MarkdownRoles: Sendable {
        let a, b, rule, table: String
    }

    /// The tone rule beside the stance rule, slice by slice (report.html).
    struct ComparedRoles: Sendable {
        let a, b, toneRule: String
        /// The slices with at least one third party.
        let slices: [ComparedSlice]
        let hasSlices: Bool
    }

    /// The tone rule beside the stance rule, one row per slice and third party (report.md).
    struct MarkdownComparedRoles: Sendable {
        let a, b, toneRule: String
        let rows: [MarkdownComparedRow]
    }

    /// A third party's tone and stance in a slice; `–` and empty cells where it has no row
    /// under a rule.
    struct MarkdownComparedRow: Sendable {
        let slice, third, toneRole, toneScore, toneEvents, stanceRole, stanceScore, stanceActs: String
    }

    /// One slice's table of tone beside stance.
    struct ComparedSlice: Sendable {
        let slice: String
        let rows: [ComparedRow]
    }

    /// A third party's tone and stance in a slice.
    struct ComparedRow: Sendable {
        let third: String
        /// The third party's role under the tone rule and under the stance rule.
        let tone, stance: RoleCell
    }

    /// A cell of the tone/stance table: the role and score, expanding to the events behind
    /// it; `–` when the third party has no row under that rule (``absent``).
    struct RoleCell: Sendable {
        let present: Bool
        /// The role; `score 0.5; σ(T, A) 1, σ(T, B) 0.5; 3 events`; the events one a line
        /// (the summary's tooltip).
        let role, detail, title: String
        let notes: [Note]

        /// No row under this rule.
        static let absent = RoleCell(present: false, role: "", detail: "", title: "", notes: [])

        /// An event behind a role: date, source → target, kind, about and note.
        struct Note: Sendable {
            let text: String
        }
    }
}
