import ArbiterCore

/// One project as a line of a batch table: a few numbers and texts, kept for every
/// project of a run instead of its whole result, so a table sorted by risk costs little
/// memory however large the batch.
public struct ProjectLine: Sendable {
    public struct PackCell: Sendable {
        public var pack: String
        public var verdict: String
        public var band: Band
        public var worstBand: Band
        public var score: Double
        public var worst: Double
        public var completeness: Double
        public var fired: Int
    }

    public var id: String
    public var name: String
    public var file: String
    public var band: Band
    public var worstBand: Band
    public var score: Double
    public var worst: Double
    public var packs: [PackCell]
    public var fired: Int
    /// The most severe fired finding the listing filter lets through: rule and title.
    public var top: (rule: String, title: String)?
    public var gate: GateDecision?
    /// The `--set`/`--unset` options applied before evaluation, when any were.
    public var whatIf: String?

    public init(_ project: ProjectResult, listing: FindingFilter = .all) {
        id = project.id
        name = project.name
        file = project.file
        band = project.band
        worstBand = project.worstBand
        score = project.score
        worst = project.worst
        packs = project.packs.map { pack in
            PackCell(pack: pack.pack, verdict: pack.verdict, band: pack.band, worstBand: pack.worstBand, score: pack.score,
                     worst: pack.worst, completeness: pack.completeness, fired: pack.findings.statusCounts().fired)
        }
        fired = packs.reduce(0) { $0 + $1.fired }
        top = project.topFired(listing, count: 1).first.map { ($0.rule, $0.title) }
        gate = project.gate
        whatIf = project.whatIf?.options
    }

    /// Projects riskiest first, for reports that hold every result.
    public static func riskSorted(_ projects: [ProjectResult]) -> [ProjectResult] {
        projects.map { ($0, ProjectLine($0)) }.sorted { riskOrder($0.1, $1.1) }.map(\.0)
    }

    /// Riskiest first: band, then worst band, score and worst case; then id, for a stable order.
    public static func riskOrder(_ lhs: ProjectLine, _ rhs: ProjectLine) -> Bool {
        if lhs.band != rhs.band { return lhs.band > rhs.band }
        if lhs.worstBand != rhs.worstBand { return lhs.worstBand > rhs.worstBand }
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        if lhs.worst != rhs.worst { return lhs.worst > rhs.worst }
        return lhs.id < rhs.id
    }

    /// The lowest completeness of its packs: how much is still unknown where it matters most.
    public var completeness: Double { packs.map(\.completeness).min() ?? 1 }
}
