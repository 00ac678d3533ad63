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

    public static func result(pack: CompiledPack, findings: [Finding]) -> PackResult {
        let total = pack.totalWeight
        let contributed = findings.reduce(0) { $0 + $1.contribution }
        let possible = findings.reduce(0) { $0 + $1.maxContribution }
        let decided = findings.reduce(0) { $0 + ($1.isDecided ? $1.weight : 0) }
        let score = percentage(contributed, of: total)
        let worst = percentage(possible, of: total)

        var order: [String] = []
        var sums: [String: (score: Double, worst: Double, weight: Double)] = [:]
        for finding in findings {
            if sums[finding.category] == nil { order.append(finding.category) }
            let sum = sums[finding.category, default: (0, 0, 0)]
            sums[finding.category] = (sum.score + finding.contribution, sum.worst + finding.maxContribution, sum.weight + finding.weight)
        }
        let categories = order.map { name in
            let sum = sums[name]!
            return CategoryScore(category: name, score: percentage(sum.score, of: sum.weight),
                                 worst: percentage(sum.worst, of: sum.weight), weight: sum.weight)
        }
        return PackResult(pack: pack.id, version: pack.version, title: pack.title, score: score, worst: worst,
                          band: pack.bands.band(of: score), worstBand: pack.bands.band(of: worst),
                          completeness: total > 0 ? (decided / total * 100).rounded() / 100 : 1,
                          categories: categories, findings: findings, bands: pack.bands, totalWeight: total)
    }
}
