/// Runs every compiled rule against a dossier. Pure: the evaluation date is an
/// argument, and the same inputs always give the same result.
public struct Evaluator: Sendable {
    public let ruleSet: RuleSet
    public let asOf: CivilDate
    /// Fact paths by slot, taken out of the schema once rather than per dossier.
    private let paths: [String]

    public init(ruleSet: RuleSet, asOf: CivilDate) {
        self.ruleSet = ruleSet
        self.asOf = asOf
        self.paths = ruleSet.schema.allPaths
    }

    public func evaluate(_ dossier: Dossier) -> ProjectResult {
        // One context and one fact sheet per dossier: nothing allocated per rule that
        // the rule's finding does not keep.
        let context = EvaluationContext(facts: dossier.facts, today: asOf.dayNumber, budget: ruleSet.limits.stepBudget)
        let sheet = FactSheet(facts: dossier.facts, citedSources: dossier.citedSources, paths: paths, today: asOf,
                              stepBudget: ruleSet.limits.stepBudget)
        let packs = ruleSet.packs.map { pack in
            Scoring.result(pack: pack, findings: pack.rules.map { evaluate($0, sheet: sheet, context: context) })
        }
        var project = ProjectResult(file: dossier.file, id: dossier.id, name: dossier.name, country: dossier.country,
                                    packs: packs, sources: dossier.sources)
        project.idRange = dossier.idRange
        return project
    }

    public func evaluate(_ rule: CompiledRule, on dossier: Dossier) -> Finding {
        let context = EvaluationContext(facts: dossier.facts, today: asOf.dayNumber, budget: ruleSet.limits.stepBudget)
        let sheet = FactSheet(facts: dossier.facts, citedSources: dossier.citedSources, paths: paths, today: asOf,
                              stepBudget: ruleSet.limits.stepBudget)
        return evaluate(rule, sheet: sheet, context: context)
    }

    private func evaluate(_ rule: CompiledRule, sheet: FactSheet, context: EvaluationContext) -> Finding {
        context.reset()
        let value = rule.condition.run(context)
        var outcome: FindingStatus
        var missing = MissingFacts()
        var fault = context.fault
        switch value {
        case .bool(true) where fault == nil: outcome = .fired
        case .bool(false) where fault == nil: outcome = .passed
        case .unknown(let mask):
            outcome = .unknown
            for position in rule.reads.indices where mask & rule.conditionBits[position] != 0 && sheet.facts[rule.reads[position]] == nil {
                missing.insert(position: position)
            }
        default:
            outcome = .unknown
            fault = fault ?? "the condition did not produce true or false"
        }
        let advisory = rule.enforceFrom.map { asOf < $0 } ?? false
        if outcome == .passed {
            return Finding(definition: rule, outcome: .passed, contribution: 0, maxContribution: 0, sheet: nil,
                           missingFacts: MissingFacts(), fault: nil, advisory: advisory)
        }

        var coefficient = 1.0
        var scaleKnown = true
        if let scale = rule.scale {
            if let number = sheet.facts[scale.slot]?.value.numeric {
                coefficient = scale.coefficient(number)
            } else {
                scaleKnown = false
                let position = rule.reads.firstIndex(of: scale.slot)
                if position.map({ !missing.contains(position: $0) }) ?? true { missing.scaleSlot = scale.slot }
            }
        }
        let contribution = outcome == .fired && scaleKnown ? rule.weight * coefficient : 0
        let maxContribution = scaleKnown ? rule.weight * coefficient : rule.weight

        return Finding(definition: rule, outcome: outcome, contribution: contribution, maxContribution: maxContribution,
                       sheet: sheet, missingFacts: missing, fault: fault, advisory: advisory)
    }
}
