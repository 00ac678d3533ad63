/// One dossier scored by every loaded pack.
public struct ProjectResult: Hashable, Sendable {
    public var file: String
    public var id: String
    public var name: String
    public var country: String?
    /// The dossier's `description` (trimmed by the decoder), for reports that introduce the project.
    public var description: String?
    public var packs: [PackResult]
    public var sources: [Source]
    public var gate: GateDecision?
    /// Set when facts were overridden before evaluation (`--set`, `--unset`).
    package var whatIf: WhatIf?
    public var idRange: SourceRange = .fileStart
    /// Searches that found nothing and stand for `false` as of the evaluation date.
    public var searches: [Search] = []
    /// Searches older than their fact's validity: the fact is unknown again.
    public var staleSearches: [Search] = []

    public init(file: String, id: String, name: String, country: String?, packs: [PackResult], sources: [Source]) {
        self.file = file
        self.id = id
        self.name = name
        self.country = country
        self.packs = packs
        self.sources = sources
    }

    /// The highest pack score: a project is as risky as its riskiest dimension.
    public var score: Double { packs.map(\.score).max() ?? 0 }
    public var worst: Double { packs.map(\.worst).max() ?? 0 }
    public var band: Band { packs.map(\.band).max() ?? .low }
    /// The highest band a pack decides, or insufficient data, or not applicable.
    public var verdict: Verdict { Verdict(self) }
    public var worstBand: Band { packs.map(\.worstBand).max() ?? .low }

    public var allFindings: [Finding] { packs.flatMap(\.findings) }
}
