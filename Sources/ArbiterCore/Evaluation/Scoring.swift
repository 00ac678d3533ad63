/// DESIGN §5 in one place (scoring model 3): points, range, completeness, bands and
/// category subscores from a pack's findings.
///
/// A fired rule adds `weight × c` points; a pack's score is the sum over its categories
/// of `min(cap, points of the category)`, with no denominator, so a rule that does not
/// fire adds nothing and adding rules never lowers a score. The worst case counts every
/// relevant unknown at its largest contribution, capped the same way.
package enum Scoring {
    /// Rounds half away from zero to one decimal, so 12.25 prints as 12.3 everywhere.
    package static func oneDecimal(_ value: Double) -> Double {
        (value * 10).rounded(.toNearestOrAwayFromZero) / 10
    }

    /// The pack's points when `counted(position)` gives what each finding adds: summed
    /// by category, each category held to its cap. The gate counts with it too, leaving
    /// out waived and advisory findings.
    package static func points(_ findings: FindingList, caps: [Double?], counted: (Int) -> Double) -> Double {
        var sums = Array(repeating: 0.0, count: caps.count)
        for position in findings.indices {
            let category = findings.rules[position].categoryIndex
            if category < sums.count { sums[category] += counted(position) }
        }
        var total = 0.0
        for index in sums.indices { total += caps[index].map { min($0, sums[index]) } ?? sums[index] }
        return total
    }

    package static func result(pack: CompiledPack, findings: FindingList) -> PackResult {
        var applicable = 0.0, decided = 0.0, applicableRules = 0
        var sums = Array(repeating: (score: 0.0, worst: 0.0, weight: 0.0), count: pack.categories.count)
        findings.rules.withUnsafeBufferPointer { rules in
            for index in rules.indices where findings.outcome(at: index) != .notApplicable {
                let weight = rules[index].weight
                let category = rules[index].categoryIndex
                applicable += weight
                applicableRules += 1
                if findings.isDecided(at: index) { decided += weight }
                sums[category].score += findings.contribution(at: index)
                sums[category].worst += findings.maxContribution(at: index)
                sums[category].weight += weight
            }
        }
        var contributed = 0.0, possible = 0.0
        let categories = pack.categories.enumerated().map { index, name in
            let cap = index < pack.caps.count ? pack.caps[index] : nil
            let score = cap.map { min($0, sums[index].score) } ?? sums[index].score
            let worst = cap.map { min($0, sums[index].worst) } ?? sums[index].worst
            contributed += score
            possible += worst
            return CategoryScore(category: name, score: oneDecimal(score), worst: oneDecimal(worst), weight: sums[index].weight,
                                 cap: cap, uncapped: sums[index].score)
        }
        let score = oneDecimal(contributed)
        let worst = oneDecimal(possible)
        let scoreBand = pack.bands.band(of: score), worstScoreBand = pack.bands.band(of: worst)
        let floor = AppliedFloor.highest(pack.floors, above: scoreBand, in: findings) { findings.outcome(at: $0) == .fired }
        let worstFloor = AppliedFloor.highest(pack.floors, above: worstScoreBand, in: findings) {
            findings.outcome(at: $0) == .fired || findings.outcome(at: $0) == .unknown
        }
        return PackResult(pack: pack.id, version: pack.version, title: pack.title, score: score, worst: worst,
                          band: floor?.band ?? scoreBand, worstBand: max(worstFloor?.band ?? worstScoreBand, floor?.band ?? scoreBand),
                          floor: floor, worstFloor: worstFloor, minimumCompleteness: pack.minimumCompleteness,
                          completeness: applicable > 0 ? (decided / applicable * 100).rounded() / 100 : 1,
                          isApplicable: applicableRules > 0,
                          categories: categories, findings: findings, bands: pack.bands, floors: pack.floors,
                          caps: pack.caps)
    }
}
