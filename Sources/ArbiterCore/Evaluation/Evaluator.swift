/// Runs every compiled rule against a dossier. Pure: the evaluation date is an
/// argument, and the same inputs always give the same result.
public struct Evaluator: Sendable {
    public let ruleSet: RuleSet
    public let asOf: CivilDate
    /// Fact paths by slot, taken out of the schema once rather than per finding.
    private let paths: [String]

    public init(ruleSet: RuleSet, asOf: CivilDate) {
        self.ruleSet = ruleSet
        self.asOf = asOf
        self.paths = ruleSet.schema.allPaths
    }

    public func evaluate(_ dossier: Dossier) -> ProjectResult {
        // One context per dossier, reset between rules: no allocation per rule.
        let context = EvaluationContext(facts: dossier.facts, today: asOf.dayNumber, budget: ruleSet.limits.stepBudget)
        let packs = ruleSet.packs.map { pack in
            Scoring.result(pack: pack, findings: pack.rules.map { evaluate($0, on: dossier, context: context) })
        }
        var project = ProjectResult(file: dossier.file, id: dossier.id, name: dossier.name, country: dossier.country,
                                    packs: packs, sources: dossier.sources)
        project.idRange = dossier.idRange
        return project
    }

    public func evaluate(_ rule: CompiledRule, on dossier: Dossier) -> Finding {
        let context = EvaluationContext(facts: dossier.facts, today: asOf.dayNumber, budget: ruleSet.limits.stepBudget)
        return evaluate(rule, on: dossier, context: context)
    }

    private func evaluate(_ rule: CompiledRule, on dossier: Dossier, context: EvaluationContext) -> Finding {
        context.reset()
        let value = rule.condition.run(context)
        var outcome: FindingStatus
        var missingSlots: [Int] = []
        var fault = context.fault
        switch value {
        case .bool(true) where fault == nil: outcome = .fired
        case .bool(false) where fault == nil: outcome = .passed
        case .unknown(let mask):
            outcome = .unknown
            let slots = rule.condition.missingSlots(mask, facts: dossier.facts)
            missingSlots = rule.reads.filter(slots.contains)
        default:
            outcome = .unknown
            fault = fault ?? "the condition did not produce true or false"
        }
        let advisory = rule.enforceFrom.map { asOf < $0 } ?? false
        if outcome == .passed {
            return Finding(definition: rule, outcome: .passed, contribution: 0, maxContribution: 0, message: "", evidence: [],
                           missing: [], fault: nil, advisory: advisory, waiver: nil)
        }

        var coefficient = 1.0
        var scaleKnown = true
        if let scale = rule.scale {
            if let number = dossier.facts[scale.slot]?.value.numeric {
                coefficient = scale.coefficient(number)
            } else {
                scaleKnown = false
                if !missingSlots.contains(scale.slot) { missingSlots.append(scale.slot) }
            }
        }
        let contribution = outcome == .fired && scaleKnown ? rule.weight * coefficient : 0
        let maxContribution = scaleKnown ? rule.weight * coefficient : rule.weight

        let evidence = rule.reads.compactMap { slot -> Evidence? in
            guard let fact = dossier.facts[slot] else { return nil }
            return Evidence(path: paths[slot], value: fact.value, range: fact.range,
                            sources: dossier.citedSources[slot])
        }
        // An unknown finding's message would be mostly "unknown"; its title says more.
        let message: String
        if outcome == .fired {
            context.reset()
            message = rule.message.render(context)
        } else {
            message = rule.title
        }
        return Finding(definition: rule, outcome: outcome, contribution: contribution, maxContribution: maxContribution,
                       message: message, evidence: evidence, missing: missingSlots.map { paths[$0] },
                       fault: fault, advisory: advisory, waiver: nil)
    }
}
