/// Runs every compiled rule against a dossier. Pure: the evaluation date is an
/// argument, and the same inputs always give the same result.
public struct Evaluator: Sendable {
    public let ruleSet: RuleSet
    public let asOf: CivilDate

    public init(ruleSet: RuleSet, asOf: CivilDate) {
        self.ruleSet = ruleSet
        self.asOf = asOf
    }

    public func evaluate(_ dossier: Dossier) -> ProjectResult {
        let packs = ruleSet.packs.map { pack in
            Scoring.result(pack: pack, findings: pack.rules.map { evaluate($0, on: dossier) })
        }
        var project = ProjectResult(file: dossier.file, id: dossier.id, name: dossier.name, country: dossier.country,
                                    packs: packs, sources: dossier.sources)
        project.idRange = dossier.idRange
        return project
    }

    public func evaluate(_ rule: CompiledRule, on dossier: Dossier) -> Finding {
        let context = EvaluationContext(facts: dossier.facts, today: asOf.dayNumber, budget: ruleSet.limits.stepBudget)
        let value = rule.condition.run(context)
        var outcome: FindingStatus
        var missingSlots: [Int] = []
        var fault = context.fault
        switch value {
        case .bool(true) where fault == nil: outcome = .fired
        case .bool(false) where fault == nil: outcome = .passed
        case .unknown(let slots):
            outcome = .unknown
            missingSlots = rule.reads.filter(slots.contains)
        default:
            outcome = .unknown
            fault = fault ?? "the condition did not produce true or false"
        }

        var coefficient = 1.0
        var scaleKnown = true
        if let scale = rule.scale, outcome != .passed {
            if let number = dossier.facts[scale.slot]?.value.numeric {
                coefficient = scale.coefficient(number)
            } else {
                scaleKnown = false
                if !missingSlots.contains(scale.slot) { missingSlots.append(scale.slot) }
            }
        }
        let contribution: Double
        let maxContribution: Double
        switch outcome {
        case .fired:
            contribution = scaleKnown ? rule.weight * coefficient : 0
            maxContribution = scaleKnown ? contribution : rule.weight
        case .unknown:
            contribution = 0
            maxContribution = rule.weight * (scaleKnown ? coefficient : 1)
        default:
            contribution = 0
            maxContribution = 0
        }

        let evidence = rule.reads.compactMap { slot -> Evidence? in
            guard let fact = dossier.facts[slot] else { return nil }
            return Evidence(path: ruleSet.schema.declarations[slot].path, value: fact.value, range: fact.range,
                            sources: dossier.citedSources[slot])
        }
        context.resetSteps()
        let message = rule.message.render(context)
        return Finding(rule: rule.id, title: rule.title, category: rule.category, severity: rule.severity, outcome: outcome,
                       weight: rule.weight, contribution: contribution, maxContribution: maxContribution, message: message,
                       evidence: evidence, missing: missingSlots.map { ruleSet.schema.declarations[$0].path }, fault: fault,
                       advisory: rule.enforceFrom.map { asOf < $0 } ?? false, references: rule.references,
                       mitigations: rule.mitigations, waiver: nil)
    }
}
