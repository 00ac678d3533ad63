/// Runs every compiled rule against a dossier. Pure: the evaluation date is an
/// argument, and the same inputs always give the same result.
package struct Evaluator: Sendable {
    package let ruleSet: RuleSet
    package let asOf: CivilDate
    /// Fact paths by slot, taken out of the schema once rather than per dossier.
    private let paths: [String]

    package init(ruleSet: RuleSet, asOf: CivilDate) {
        self.ruleSet = ruleSet
        self.asOf = asOf
        self.paths = ruleSet.schema.allPaths
    }

    package func evaluate(_ dossier: Dossier) -> ProjectResult {
        let (context, sheet) = scratch(for: dossier)
        var packs: [PackResult] = []
        packs.reserveCapacity(ruleSet.packs.count)
        for index in ruleSet.packs.indices {
            let findings = findings(of: ruleSet.packs[index].rules, sheet: sheet, context: context)
            packs.append(Scoring.result(pack: ruleSet.packs[index], findings: findings))
        }
        var project = ProjectResult(file: dossier.file, id: dossier.id, name: dossier.name, country: dossier.country,
                                    packs: packs, sources: dossier.sources)
        project.idRange = dossier.idRange
        project.description = dossier.description
        for search in dossier.searches {
            if search.isFresh(asOf: asOf) { project.searches.append(search) } else { project.staleSearches.append(search) }
        }
        return project
    }

    /// One pack's result alone, for analyses that evaluate many variants of a dossier
    /// and read one pack of each.
    package func evaluate(_ dossier: Dossier, pack: CompiledPack) -> PackResult {
        let (context, sheet) = scratch(for: dossier)
        return Scoring.result(pack: pack, findings: findings(of: pack.rules, sheet: sheet, context: context))
    }

    package func evaluate(_ rule: CompiledRule, on dossier: Dossier) -> Finding {
        let (context, sheet) = scratch(for: dossier)
        return findings(of: [rule], sheet: sheet, context: context)[0]
    }

    /// One context and one fact sheet per dossier, shared by every rule evaluated on it:
    /// nothing is allocated per rule.
    ///
    /// A fresh search that found nothing stands for `false`, cited to the sources
    /// searched; a stale one leaves its fact unknown.
    private func scratch(for dossier: Dossier) -> (EvaluationContext, FactSheet) {
        var facts = dossier.facts, cited = dossier.citedSources
        var searches: [Int: Search] = [:]
        for search in dossier.searches where search.isFresh(asOf: asOf) {
            facts.set(Fact(value: .bool(false), range: search.range), at: search.slot)
            cited.set(search.sources, at: search.slot)
            searches[search.slot] = search
        }
        return (EvaluationContext(facts: facts, today: asOf.dayNumber, budget: ruleSet.limits.stepBudget),
                FactSheet(facts: facts, citedSources: cited, paths: paths, today: asOf, stepBudget: ruleSet.limits.stepBudget,
                          searches: searches))
    }

    private func findings(of rules: [CompiledRule], sheet: FactSheet, context: EvaluationContext) -> FindingList {
        var records: [FindingList.Record] = []
        records.reserveCapacity(rules.count)
        var faults: [String] = []
        var laterMissing: [[Int]] = []
        for rule in rules {
            records.append(record(for: rule, sheet: sheet, context: context, faults: &faults, laterMissing: &laterMissing))
        }
        return FindingList(rules: rules, sheet: sheet, records: records, faults: faults, laterMissing: laterMissing)
    }

    // Not inlined: as a parameter the rule is borrowed for the whole call, so its
    // condition's closure is called without retaining it.
    @inline(never)
    private func record(for rule: CompiledRule, sheet: FactSheet, context: EvaluationContext,
                        faults: inout [String], laterMissing: inout [[Int]]) -> FindingList.Record {
        let advisory = rule.enforceFrom.map { asOf < $0 } ?? false
        // Read in place rather than copied into a variable: a copy of a program retains its closure.
        var guardHolds = false
        if let applicability = rule.applicability {
            context.reset()
            let applies = applicability.run(context)
            if context.fault == nil, case .bool(let known) = applies {
                if !known {
                    return FindingList.record(outcome: .notApplicable, advisory: advisory, fault: nil, missing: MissingFacts(),
                                              contribution: 0, maxContribution: 0, faults: &faults, laterMissing: &laterMissing)
                }
                guardHolds = rule.conditionAlone != nil
            }
        }
        context.reset()
        let value = guardHolds ? rule.conditionAlone!.run(context) : rule.condition.run(context)
        var outcome: FindingStatus
        var missing = MissingFacts()
        var fault = context.fault
        switch value {
        case .bool(true) where fault == nil: outcome = .fired
        case .bool(false) where fault == nil: outcome = .passed
        case .unknown(let mask):
            outcome = .unknown
            for position in rule.reads.indices where mask & rule.conditionBits[position] != 0 && !sheet.facts.isSet(rule.reads[position]) {
                missing.insert(position: position)
            }
        default:
            outcome = .unknown
            fault = fault ?? "the condition did not produce true or false"
        }
        if outcome == .passed {
            return FindingList.record(outcome: .passed, advisory: advisory, fault: nil, missing: MissingFacts(),
                                      contribution: 0, maxContribution: 0, faults: &faults, laterMissing: &laterMissing)
        }

        var coefficient = 1.0
        var scaleKnown = true
        if let scale = rule.scale {
            context.reset()
            let value = scale.program.run(context)
            if let number = value.numeric, context.fault == nil {
                coefficient = scale.coefficient(number)
            } else {
                scaleKnown = false
                if let scaleFault = context.fault { fault = fault ?? "the scale: \(scaleFault)" }
                for slot in scale.reads where !sheet.facts.isSet(slot) {
                    if let position = rule.reads.firstIndex(of: slot), !missing.contains(position: position) {
                        missing.insert(position: position)
                    }
                }
            }
        }
        let contribution = outcome == .fired && scaleKnown ? rule.weight * coefficient : 0
        let maxContribution = scaleKnown ? rule.weight * coefficient : rule.weight
        return FindingList.record(outcome: outcome, advisory: advisory, fault: fault, missing: missing,
                                  contribution: contribution, maxContribution: maxContribution,
                                  faults: &faults, laterMissing: &laterMissing)
    }
}
