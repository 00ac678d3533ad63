import ArbiterCore

/// What every reporter knows before the first project: the tool version, the
/// evaluation date, the loaded packs and rules, and presentation choices.
public struct ReportContext: Sendable {
    public var toolVersion: String
    public var asOf: CivilDate
    public let packs: [CompiledPack]
    /// True when a gate decided each project, so reports show pass/fail.
    public var gated: Bool
    public var colored: Bool
    /// Which findings reports list; scores, bands and the gate always use them all.
    public var listing: FindingFilter = .all
    /// Text: every unknown finding and every fact to collect, and in a batch each
    /// project in full before the table.
    public var verbose = false
    /// Text: the column to wrap at (the terminal's width, or 80).
    public var width = 80
    /// The closing summary alone, no project (`--quiet`).
    public var quiet = false
    /// Gate runs: report only the projects that failed (`--only-failing`).
    public var onlyFailing = false
    /// Markdown: the size the report must stay under, details cut first (`--max-bytes`).
    public var maxBytes = 60_000
    /// Where a complete report of the run is written, for a cut report to point at.
    public var fullReport: String?
    /// The `.arbiter.yaml` the run obeyed (its thresholds, waivers, which files count),
    /// as shown to the user; nil when none was found. Reports name it, so a verdict can
    /// be traced to the configuration that shaped it.
    public var configuration: String?

    /// Every loaded rule in pack order.
    public let rules: [CompiledRule]

    public init(toolVersion: String, asOf: CivilDate, packs: [CompiledPack], gated: Bool = false, colored: Bool = false) {
        self.toolVersion = toolVersion
        self.asOf = asOf
        self.packs = packs
        self.gated = gated
        self.colored = colored
        self.rules = packs.flatMap(\.rules)
    }

    /// Whether a project's part of the report is written at all.
    public func lists(_ project: ProjectResult) -> Bool {
        !quiet && !(onlyFailing && project.gate?.passed != false)
    }
}
