/// What would change a pack's verdict: which unknown facts matter most (value of
/// information), and which mitigations would bring the pack down to a target band.
/// Pure: it evaluates variants of one dossier with the pack's own rules, nothing else.
///
/// Both answers are exact where the three-valued core allows: a rule's outcome can only
/// change where one of its conditions does, so trying every value of a boolean or an
/// enumeration, and the thresholds the rules compare a number, date or text with, covers
/// every outcome a fact can produce. Mitigation sets are searched smallest first.
package struct Planner: Sendable {
    package let ruleSet: RuleSet
    package let evaluator: Evaluator
    /// Evaluations one plan may spend trying every combination of levers before it
    /// adds them one at a time instead.
    package var maximumEvaluations = 20_000

    package init(ruleSet: RuleSet, asOf: CivilDate) {
        self.ruleSet = ruleSet
        self.evaluator = Evaluator(ruleSet: ruleSet, asOf: asOf)
    }

    private func packResult(_ dossier: Dossier, _ pack: String) -> PackResult? {
        ruleSet.packs.first { $0.id == pack }.map { evaluator.evaluate(dossier, pack: $0) }
    }

    private static func verdict(_ result: PackResult) -> MitigationPlan.Verdict {
        .init(score: result.score, worst: result.worst, band: result.band, worstBand: result.worstBand)
    }

    // MARK: facts to collect

    /// The pack's unknown facts, ranked by how far knowing each could move the pack.
    package func factsToCollect(_ dossier: Dossier, pack id: String) -> [FactToCollect] {
        guard let pack = ruleSet.packs.first(where: { $0.id == id }), let base = packResult(dossier, id) else { return [] }
        let thresholds = FactThresholds(rules: pack.rules)
        var unknownFacts: [Int] = []
        for position in base.findings.indices where base.findings.outcome(at: position) == .unknown {
            for path in base.findings[position].missing {
                if let slot = ruleSet.schema.slot(of: path), !unknownFacts.contains(slot) { unknownFacts.append(slot) }
            }
        }
        let undecided = Set(base.findings.indices.filter { base.findings.outcome(at: $0) == .unknown }.map { base.findings.rules[$0].id })
        var facts: [FactToCollect] = []
        for slot in unknownFacts {
            let candidates = self.candidates(for: slot, thresholds: thresholds)
            var fact = FactToCollect(path: ruleSet.schema.declarations[slot].path, slot: slot, candidates: candidates,
                                     exact: thresholds.isExact(slot), lowestScore: .infinity, highestScore: -.infinity,
                                     lowestWorst: .infinity, highestWorst: -.infinity, bands: [], worstBands: [], decides: [])
            var decided: Set<String> = []
            for value in candidates {
                let variant = dossier.applying([FactOverride(path: fact.path, slot: slot, value: value)])
                guard let result = packResult(variant, id) else { continue }
                fact.lowestScore = min(fact.lowestScore, result.score)
                fact.highestScore = max(fact.highestScore, result.score)
                fact.lowestWorst = min(fact.lowestWorst, result.worst)
                fact.highestWorst = max(fact.highestWorst, result.worst)
                if !fact.bands.contains(result.band) { fact.bands.append(result.band) }
                if !fact.worstBands.contains(result.worstBand) { fact.worstBands.append(result.worstBand) }
                for position in result.findings.indices where result.findings.outcome(at: position) != .unknown {
                    let rule = result.findings.rules[position].id
                    if undecided.contains(rule) { decided.insert(rule) }
                }
            }
            guard !fact.bands.isEmpty else { continue }
            fact.bands.sort()
            fact.worstBands.sort()
            fact.decides = decided.sorted()
            facts.append(fact)
        }
        return facts.sorted {
            let (a, b) = ($0.swing(score: base.score, worst: base.worst), $1.swing(score: base.score, worst: base.worst))
            return a != b ? a > b : $0.path < $1.path
        }
    }

    /// The values of the fact at `slot` that can matter to the rules.
    func candidates(for slot: Int, thresholds: FactThresholds) -> [Value] {
        let declaration = ruleSet.schema.declarations[slot]
        return values(of: declaration.type, slot: slot, declaration: declaration, thresholds: thresholds)
    }

    private func values(of type: InputType, slot: Int, declaration: InputDeclaration, thresholds: FactThresholds) -> [Value] {
        let texts = (thresholds.texts[slot] ?? []).sorted()
        switch type {
        case .bool:
            return [.bool(true), .bool(false)]
        case .enumeration(let values):
            return values.map(Value.string)
        case .country:
            // The codes the rules name, and one they do not.
            let other = ["AQ", "BV", "HM", "GS", "UM"].first { !texts.contains($0) && CountryCode.isValid($0) }
            return (texts.filter(CountryCode.isValid) + (other.map { [$0] } ?? [])).map(Value.string)
        case .string:
            let other = (0...texts.count).map { "other-\($0)" }.first { !texts.contains($0) }!
            return (texts + [other]).map(Value.string)
        case .date:
            let today = evaluator.asOf.dayNumber
            var days = Set<Int>()
            for count in thresholds.days[slot] ?? [] { days.formUnion([today - count - 1, today - count, today - count + 1]) }
            for text in texts { if let date = CivilDate(text) { days.formUnion([date.dayNumber - 1, date.dayNumber, date.dayNumber + 1]) } }
            if days.isEmpty { days = [today] }
            return days.sorted().compactMap { CivilDate(dayNumber: $0) }.map { .string($0.description) }
        case .int:
            var numbers = Set<Int>()
            for threshold in thresholds.numbers[slot] ?? [] where threshold.isFinite && abs(threshold) < 1e15 {
                let low = Int(threshold.rounded(.down)), high = Int(threshold.rounded(.up))
                numbers.formUnion([low - 1, low, high, high + 1])
            }
            if let minimum = declaration.minimum { numbers.insert(Int(minimum.rounded(.up))) }
            if numbers.isEmpty { numbers.insert(0) }
            return numbers.filter { inBounds(Double($0), declaration) }.sorted().map(Value.int)
        case .number:
            var numbers = Set<Double>()
            for threshold in thresholds.numbers[slot] ?? [] where threshold.isFinite {
                let step = max(abs(threshold), 1) * 1e-6
                numbers.formUnion([threshold - step, threshold, threshold + step])
            }
            if let minimum = declaration.minimum { numbers.insert(minimum) }
            if numbers.isEmpty { numbers.insert(0) }
            return numbers.filter { inBounds($0, declaration) }.sorted().map(Value.number)
        case .list(let item):
            // No items, each value that matters alone, and all of them together.
            let items = values(of: item, slot: slot, declaration: declaration, thresholds: thresholds)
            return [.list([])] + items.map { .list([$0]) } + (items.count > 1 ? [.list(items)] : [])
        }
    }

    private func inBounds(_ number: Double, _ declaration: InputDeclaration) -> Bool {
        (declaration.minimum.map { number >= $0 } ?? true) && (declaration.maximum.map { number <= $0 } ?? true)
    }

    // MARK: mitigation plans

    /// The smallest set of the pack's levers (mitigations with `set:`, of rules that fire
    /// or are unknown) that brings its band, or its worst band when unknown facts count
    /// at their worst, to `target` or below. Ties go to the set that lowers the score
    /// most, then to rule ids in order, so the same dossier always gets the same plan.
    package func plan(_ dossier: Dossier, pack id: String, target: Band, unknown: GatePolicy.UnknownTreatment) -> MitigationPlan? {
        guard let base = packResult(dossier, id) else { return nil }
        let atWorst = unknown == .worst
        let measure = { (result: PackResult) in atWorst ? result.worst : result.score }
        let reached = { (result: PackResult) in (atWorst ? result.worstBand : result.band) <= target }
        let levers = self.levers(in: base)
        var plan = MitigationPlan(pack: id, target: target, countsUnknownAtWorst: atWorst, start: Self.verdict(base), steps: [],
                                  reached: reached(base), method: .exact, levers: levers.count, evaluated: 0, obstacles: [])
        if plan.reached { return plan }

        var evaluated = 0
        var chosen: [Lever]?
        // When every lever together falls short, no smaller set will do better: the
        // search goes straight to the best it can show, one lever at a time.
        var union: [Lever] = []
        for lever in levers where !Self.conflicts(union + [lever]) { union.append(lever) }
        evaluated += 1
        let reachable = packResult(dossier.applying(union.flatMap(\.changes)), id).map(reached) ?? false
        // Smallest sets first: the first size with a solution holds the answer.
        var size = reachable ? 1 : levers.count + 1
        search: while size <= levers.count {
            let combinations = Self.binomial(levers.count, size)
            if evaluated + combinations > maximumEvaluations { break search }
            var best: (combination: [Int], measure: Double)?
            var combination = Array(0..<size)
            while true {
                let set = combination.map { levers[$0] }
                if !Self.conflicts(set) {
                    evaluated += 1
                    if let result = packResult(dossier.applying(set.flatMap(\.changes)), id), reached(result),
                       best == nil || measure(result) < best!.measure {
                        best = (combination, measure(result))
                    }
                }
                guard Self.advance(&combination, limit: levers.count) else { break }
            }
            if let best {
                chosen = best.combination.map { levers[$0] }
                break search
            }
            size += 1
        }
        if chosen == nil && (size <= levers.count || !reachable) && !levers.isEmpty {
            // Too many levers to try every combination: add the one that lowers the
            // measure most, one at a time.
            plan.method = .greedy
            var current: [Lever] = []
            var currentMeasure = measure(base)
            while true {
                var bestNext: (lever: Lever, result: PackResult)?
                for lever in levers where !current.contains(lever) && !Self.conflicts(current + [lever]) {
                    evaluated += 1
                    guard let result = packResult(dossier.applying((current + [lever]).flatMap(\.changes)), id) else { continue }
                    if measure(result) < (bestNext.map { measure($0.result) } ?? currentMeasure) { bestNext = (lever, result) }
                }
                guard let next = bestNext else { break }
                current.append(next.lever)
                currentMeasure = measure(next.result)
                if reached(next.result) {
                    chosen = current
                    break
                }
            }
            if chosen == nil { chosen = current }
        }
        plan.evaluated = evaluated
        guard let chosen else {
            plan.obstacles = obstacles(after: levers, dossier: dossier, pack: id, atWorst: atWorst)
            return plan
        }
        plan.steps = steps(ordering: chosen, dossier: dossier, pack: id, base: base, measure: measure)
        plan.reached = plan.steps.last.map { (atWorst ? $0.after.worstBand : $0.after.band) <= target } ?? false
        if !plan.reached {
            plan.obstacles = obstacles(after: chosen, dossier: dossier, pack: id, atWorst: atWorst)
        }
        return plan
    }

    /// A mitigation that changes facts, of a rule that fires or is unknown.
    struct Lever: Hashable {
        var rule: String
        var index: Int
        var text: String
        var changes: [FactOverride]
    }

    private func levers(in result: PackResult) -> [Lever] {
        var levers: [Lever] = []
        var seen: Set<[FactOverride]> = []
        for position in result.findings.indices where !result.findings.outcome(at: position).isClear {
            let rule = result.findings.rules[position]
            for (index, mitigation) in rule.levers.enumerated() where mitigation.isLever && seen.insert(mitigation.changes).inserted {
                levers.append(Lever(rule: rule.id, index: index, text: mitigation.text, changes: mitigation.changes))
            }
        }
        return levers.sorted { ($0.rule, $0.index) < ($1.rule, $1.index) }
    }

    /// Two levers that set one fact to different values cannot both be pulled.
    private static func conflicts(_ levers: [Lever]) -> Bool {
        var values: [Int: Value] = [:]
        for change in levers.flatMap(\.changes) {
            if let earlier = values[change.slot], earlier != change.value { return true }
            values[change.slot] = change.value
        }
        return false
    }

    /// The chosen levers as steps, the one that lowers the measure most first (ties by
    /// rule id), each with the verdict after it and the rules it makes pass.
    private func steps(ordering chosen: [Lever], dossier: Dossier, pack id: String, base: PackResult,
                       measure: (PackResult) -> Double) -> [MitigationPlan.Step] {
        var remaining = chosen
        var applied: [Lever] = []
        var previous = base
        var steps: [MitigationPlan.Step] = []
        while !remaining.isEmpty {
            var best: (index: Int, result: PackResult)?
            for (index, lever) in remaining.enumerated() {
                guard let result = packResult(dossier.applying((applied + [lever]).flatMap(\.changes)), id) else { continue }
                if best == nil || measure(result) < measure(best!.result) { best = (index, result) }
            }
            guard let (index, result) = best else { break }
            let lever = remaining.remove(at: index)
            applied.append(lever)
            let passes = previous.findings.indices.filter {
                !previous.findings.outcome(at: $0).isClear && result.findings.outcome(at: $0).isClear
            }.map { previous.findings.rules[$0].id }
            steps.append(.init(rule: lever.rule, mitigation: lever.text, changes: lever.changes, after: Self.verdict(result), passes: passes))
            previous = result
        }
        return steps
    }

    /// The rules that still count with every given lever pulled.
    private func obstacles(after levers: [Lever], dossier: Dossier, pack id: String, atWorst: Bool) -> [MitigationPlan.Obstacle] {
        var usable: [Lever] = []
        for lever in levers where !Self.conflicts(usable + [lever]) { usable.append(lever) }
        guard let result = packResult(dossier.applying(usable.flatMap(\.changes)), id) else { return [] }
        var obstacles: [MitigationPlan.Obstacle] = []
        for position in result.findings.indices where !result.findings.outcome(at: position).isClear {
            let contribution = atWorst ? result.findings.maxContribution(at: position) : result.findings.contribution(at: position)
            guard contribution > 0 else { continue }
            let rule = result.findings.rules[position]
            obstacles.append(.init(rule: rule.id, title: rule.title, status: result.findings.outcome(at: position),
                                   contribution: contribution, hasLever: rule.levers.contains(where: \.isLever)))
        }
        return obstacles.sorted { $0.contribution != $1.contribution ? $0.contribution > $1.contribution : $0.rule < $1.rule }
    }

    private static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var result = 1
        for step in 0..<min(k, n - k) {
            result = result * (n - step) / (step + 1)
            if result > 1 << 40 { return result }
        }
        return result
    }

    /// The next combination in lexicographic order; false after the last.
    private static func advance(_ combination: inout [Int], limit: Int) -> Bool {
        var position = combination.count - 1
        while position >= 0 && combination[position] == limit - combination.count + position { position -= 1 }
        guard position >= 0 else { return false }
        combination[position] += 1
        for next in (position + 1)..<combination.count { combination[next] = combination[next - 1] + 1 }
        return true
    }
}
