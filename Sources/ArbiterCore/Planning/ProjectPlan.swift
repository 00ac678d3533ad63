/// `arbiter plan` for one dossier: per pack, the facts worth collecting first and the
/// mitigations that would bring it to the target band.
package struct ProjectPlan: Sendable, Hashable {
    package struct Pack: Sendable, Hashable {
        package var id: String
        package var version: String
        package var title: String
        package var start: MitigationPlan.Verdict
        /// Facts to collect, ranked; nil when not asked for.
        package var facts: [FactToCollect]?
        /// The mitigation plan; nil when no target was asked for.
        package var plan: MitigationPlan?
    }

    package var file: String
    package var id: String
    package var name: String
    package var asOf: CivilDate
    /// Facts overridden before planning (`--set`, `--unset`).
    package var overrides: [FactOverride]
    package var packs: [Pack]

    /// Plans every pack of `ruleSet` (or those in `only`) for `dossier`, with the given
    /// overrides applied first.
    package static func make(_ dossier: Dossier, ruleSet: RuleSet, asOf: CivilDate, overrides: [FactOverride] = [],
                            collect: Bool, target: Band?, unknown: GatePolicy.UnknownTreatment, only: [String] = []) -> ProjectPlan {
        let planner = Planner(ruleSet: ruleSet, asOf: asOf)
        let subject = dossier.applying(overrides)
        let results = planner.evaluator.evaluate(subject)
        var packs: [Pack] = []
        for result in results.packs where only.isEmpty || only.contains(result.pack) {
            packs.append(Pack(id: result.pack, version: result.version, title: result.title,
                              start: .init(score: result.score, worst: result.worst, band: result.band, worstBand: result.worstBand),
                              facts: collect ? planner.factsToCollect(subject, pack: result.pack) : nil,
                              plan: target.flatMap { planner.plan(subject, pack: result.pack, target: $0, unknown: unknown) }))
        }
        return ProjectPlan(file: dossier.file, id: dossier.id, name: dossier.name, asOf: asOf, overrides: overrides, packs: packs)
    }
}
