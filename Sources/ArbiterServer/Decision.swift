import ArbiterCore

/// What the metrics and the decision log keep of one scored dossier: a few fields, so an
/// audit can drop each project's full result as soon as its report chunk is rendered,
/// and record the decisions only once the answer is known to go out.
struct Decision: Sendable {
    var id: String
    var dossierSHA256: String
    var score: Double
    var worst: Double
    var band: Band
    var worstBand: Band
    /// The project's verdict: a band, insufficient-data or not-applicable.
    var verdict: String
    var gate: GateDecision?
    /// Each pack's id and verdict, for the verdict counter.
    var packVerdicts: [(pack: String, verdict: String)]

    init(_ project: ProjectResult, bytes: [UInt8]) {
        id = project.id
        dossierSHA256 = SHA256.hex(bytes)
        score = project.score
        worst = project.worst
        band = project.band
        worstBand = project.worstBand
        verdict = project.verdict.rawValue
        gate = project.gate
        packVerdicts = project.packs.map { ($0.pack, $0.verdict) }
    }
}
