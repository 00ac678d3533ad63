import ArbiterCore

/// The unknown facts of a project as one ranked list: each fact once, with the rules it
/// decides and how far it could move each pack's score (the largest contributions of the
/// unknown findings that lack it, as points of the pack's 0–100 score, at most the pack's
/// range). A fact that many
/// heavy rules wait on comes first.
public struct FactsToCollect: Sendable {
    public struct Fact: Sendable {
        public var path: String
        public var rules: [String]
        /// Pack id and score points, in pack order.
        public var points: [(pack: String, points: Double)]
        public var total: Double { points.reduce(0) { $0 + $1.points } }
    }

    public var facts: [Fact]

    public init(_ project: ProjectResult, listing: FindingFilter = .all) {
        var byPath: [String: Fact] = [:]
        var order: [String] = []
        for pack in project.packs {
            let findings = pack.findings
            for position in findings.indices where findings.status(at: position) == .unknown {
                let rule = findings.rules[position]
                guard listing.isEmpty || listing.includes(status: .unknown, severity: rule.severity) else { continue }
                let points = findings.maxContribution(at: position)
                findings[position].forEachMissingPath { path in
                    if byPath[path] == nil {
                        byPath[path] = Fact(path: path, rules: [], points: [])
                        order.append(path)
                    }
                    byPath[path]!.rules.append(rule.id)
                    if let index = byPath[path]!.points.firstIndex(where: { $0.pack == pack.pack }) {
                        byPath[path]!.points[index].points += points
                    } else {
                        byPath[path]!.points.append((pack.pack, points))
                    }
                }
            }
        }
        // Together the unknowns of a pack can add no more than its range.
        for path in order {
            for index in byPath[path]!.points.indices {
                let pack = project.packs.first { $0.pack == byPath[path]!.points[index].pack }!
                byPath[path]!.points[index].points = min(byPath[path]!.points[index].points, max(0, pack.worst - pack.score))
            }
        }
        facts = order.map { byPath[$0]! }.sorted { lhs, rhs in
            if lhs.total != rhs.total { return lhs.total > rhs.total }
            if lhs.rules.count != rhs.rules.count { return lhs.rules.count > rhs.rules.count }
            return lhs.path < rhs.path
        }
    }
}
