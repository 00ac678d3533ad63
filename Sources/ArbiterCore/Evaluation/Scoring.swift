/// DESIGN §5 in one place: score, range, completeness, bands and category subscores
/// from a pack's findings.
public enum Scoring {
    /// Rounds half away from zero to one decimal, so 12.25 prints as 12.3 everywhere.
    public static func oneDecimal(_ value: Double) -> Double {
        (value * 10).rounded(.toNearestOrAwayFromZero) / 10
    }

    public static func percentage(_ part: Double, of whole: Double) -> Double {
        whole > 0 ? oneDecimal(100 * part / whole) : 0
    }

    public static func result(pack: CompiledPack, findings: FindingList) -> PackResult {
        var contributed = 0.0, possible = 0.0, decided = 0.0, total = 0.0
        var sums = Array(repeating: (score: 0.0, worst: 0.0, weight: 0.0), count: pack.categories.count)
        findings.rules.withUnsafeBufferPointer { rules in
            for index in rules.indices {
                let weight = rules[index].weight
                let category = rules[index].categoryIndex
                total += weight
                contributed += findings.contribution(at: index)
                possible += findings.maxContribution(at: index)
                if findings.isDecided(at: index) { decided += weight }
                sums[category].score += findings.contribution(at: index)
                sums[category].worst += findings.maxContribution(at: index)
                sums[category].weight += weight
            }
        }
        let score = percentage(contributed, of: total)
        let worst = percentage(possible, of: total)
        let categories = pack.categories.enumerated().map { index, name in
            CategoryScore(category: name, score: percentage(sums[index].score, of: sums[index].weight),
                          worst: percentage(sums[index].worst, of: sums[index].weight), weight: sums[index].weight)
        }
        let scoreBand = pack.bands.band(of: score), worstScoreBand = pack.bands.band(of: worst)
        let floor = AppliedFloor.highest(pack.floors, above: scoreBand, in: findings) { findings.outcome(at: $0) == .fired }
        let worstFloor = AppliedFloor.highest(pack.floors, above: worstScoreBand, in: findings) { findings.outcome(at: $0) != .passed }
        return PackResult(pack: pack.id, version: pack.version, title: pack.title, score: score, worst: worst,
                          band: floor?.band ?? scoreBand, worstBand: max(worstFloor?.band ?? worstScoreBand, floor?.band ?? scoreBand),
                          floor: floor, worstFloor: worstFloor, minimumCompleteness: pack.minimumCompleteness,
                          completeness: total > 0 ? (decided / total * 100).rounded() / 100 : 1,
                          categories: categories, findings: findings, bands: pack.bands, floors: pack.floors, totalWeight: total)
    }
}
