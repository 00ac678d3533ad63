import ArbiterCore

/// How the verdicts of two JSON reports differ: what changed in the packs themselves
/// (versions, thresholds, rules and weights) and, per project and pack, band, score,
/// range and findings. Pure: reporters and the `diff` command render it.
public struct VerdictDiff: Sendable {
    /// A change to one rule between the two packs' headers.
    public struct RuleChange: Sendable, Equatable {
        public enum Kind: String, Sendable { case added, removed, reweighted = "weight", severity }
        public var rule: String
        public var kind: Kind
        public var old: ReportSnapshot.RuleWeight?
        public var new: ReportSnapshot.RuleWeight?
    }

    /// One pack as both reports ran it.
    public struct PackDefinitionChange: Sendable {
        public var id: String
        public var oldVersion: String?
        public var newVersion: String?
        public var oldBands: BandThresholds?
        public var newBands: BandThresholds?
        public var rules: [RuleChange]

        public var thresholdsChanged: Bool {
            guard let oldBands, let newBands else { return false }
            return oldBands.moderate != newBands.moderate || oldBands.high != newBands.high || oldBands.critical != newBands.critical
        }

        public var isChange: Bool { oldVersion != newVersion || thresholdsChanged || !rules.isEmpty }
    }

    public struct FindingChange: Sendable {
        public enum Kind: String, Sendable {
            /// Listed only in the new report: newly fired, unknown or waived.
            case appeared
            /// Listed only in the old report: now passing, or its rule was removed.
            case disappeared
            case status
            case contribution
        }

        public var rule: String
        public var title: String
        public var kind: Kind
        public var old: ReportSnapshot.Finding?
        public var new: ReportSnapshot.Finding?
        /// The rule itself is new in, or gone from, the new pack.
        public var ruleAdded = false
        public var ruleRemoved = false
    }

    public struct PackChange: Sendable {
        public var id: String
        public var old: ReportSnapshot.PackVerdict?
        public var new: ReportSnapshot.PackVerdict?
        public var findings: [FindingChange]

        /// The band or the verdict moved, or the pack ran in only one report.
        public var verdictChanged: Bool {
            guard let old, let new else { return true }
            return old.band != new.band || old.verdict != new.verdict
        }

        public var scoreDelta: Double { (new?.score ?? 0) - (old?.score ?? 0) }

        public var rangeChanged: Bool { old?.range != new?.range }

        /// The verdict, score or range moved: what a reader must see first.
        public var movesVerdict: Bool { verdictChanged || scoreDelta != 0 || rangeChanged }

        public var isChange: Bool { movesVerdict || !findings.isEmpty }
    }

    public struct ProjectChange: Sendable {
        public enum Presence: String, Sendable { case both, onlyOld = "removed", onlyNew = "added" }
        public var id: String
        public var name: String
        public var presence: Presence
        /// Only the packs that changed.
        public var packs: [PackChange]

        /// Some pack's verdict, score or range moved, or the project is in one report only;
        /// otherwise only findings changed (an unknown rule's weight, say).
        public var movesVerdict: Bool { presence != .both || packs.contains(where: \.movesVerdict) }
    }

    public var packs: [PackDefinitionChange]
    /// Only the projects that changed, in the new report's order, then those it lacks.
    public var projects: [ProjectChange]
    /// Projects in both reports.
    public var compared: Int
    /// Files that failed in one report and not the other, by path.
    public var newErrors: [String]
    public var fixedErrors: [String]
    /// The old report's format version when its scores mean something else (shares of
    /// 100 before schema 2, risk points since): bands and verdicts still compare, scores
    /// do not, and no score change is counted.
    public var incomparableSchema: (old: Int, new: Int)?

    public var bandChanges: Int {
        projects.reduce(0) { $0 + ($1.presence == .both ? $1.packs.filter(\.verdictChanged).count : 1) }
    }

    /// The largest score move of any pack of a project in both reports.
    public var largestScoreChange: Double {
        guard incomparableSchema == nil else { return 0 }
        return projects.filter { $0.presence == .both }.flatMap(\.packs).map { abs($0.scoreDelta) }.max() ?? 0
    }

    public var isEmpty: Bool { projects.isEmpty && !packs.contains(where: \.isChange) && newErrors.isEmpty && fixedErrors.isEmpty }

    public static func between(_ old: ReportSnapshot, _ new: ReportSnapshot) -> VerdictDiff {
        let packs = packChanges(old.packs, new.packs)
        let definitions = Dictionary(packs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let oldProjects = Dictionary(old.projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIds = Set(new.projects.map(\.id))
        var projects: [ProjectChange] = []
        var compared = 0
        for project in new.projects {
            guard let before = oldProjects[project.id] else {
                projects.append(ProjectChange(id: project.id, name: project.name, presence: .onlyNew,
                                              packs: project.packs.map { PackChange(id: $0.id, old: nil, new: $0, findings: []) }))
                continue
            }
            compared += 1
            let changed = packVerdictChanges(before.packs, project.packs, definitions: definitions).filter(\.isChange)
            if !changed.isEmpty {
                projects.append(ProjectChange(id: project.id, name: project.name, presence: .both, packs: changed))
            }
        }
        for project in old.projects where !newIds.contains(project.id) {
            projects.append(ProjectChange(id: project.id, name: project.name, presence: .onlyOld,
                                          packs: project.packs.map { PackChange(id: $0.id, old: $0, new: nil, findings: []) }))
        }
        let oldErrors = Set(old.errorFiles), newErrors = Set(new.errorFiles)
        var diff = VerdictDiff(packs: packs, projects: projects, compared: compared,
                               newErrors: newErrors.subtracting(oldErrors).sorted(), fixedErrors: oldErrors.subtracting(newErrors).sorted())
        if (old.schema >= 2) != (new.schema >= 2) { diff.incomparableSchema = (old.schema, new.schema) }
        return diff
    }

    private static func packChanges(_ old: [ReportSnapshot.PackHeader], _ new: [ReportSnapshot.PackHeader]) -> [PackDefinitionChange] {
        var ids = new.map(\.id)
        for pack in old where !ids.contains(pack.id) { ids.append(pack.id) }
        return ids.map { id in
            let before = old.first { $0.id == id }, after = new.first { $0.id == id }
            var rules: [RuleChange] = []
            // Rule lists are compared only when both headers carry them.
            if let before, let after, !before.rules.isEmpty, !after.rules.isEmpty {
                for rule in after.rules.keys.sorted() {
                    let newRule = after.rules[rule]!
                    guard let oldRule = before.rules[rule] else {
                        rules.append(RuleChange(rule: rule, kind: .added, old: nil, new: newRule))
                        continue
                    }
                    if oldRule.weight != newRule.weight { rules.append(RuleChange(rule: rule, kind: .reweighted, old: oldRule, new: newRule)) }
                    if oldRule.severity != newRule.severity { rules.append(RuleChange(rule: rule, kind: .severity, old: oldRule, new: newRule)) }
                }
                for rule in before.rules.keys.sorted() where after.rules[rule] == nil {
                    rules.append(RuleChange(rule: rule, kind: .removed, old: before.rules[rule], new: nil))
                }
            }
            return PackDefinitionChange(id: id, oldVersion: before?.version, newVersion: after?.version,
                                        oldBands: before?.bands, newBands: after?.bands, rules: rules)
        }
    }

    private static func packVerdictChanges(_ old: [ReportSnapshot.PackVerdict], _ new: [ReportSnapshot.PackVerdict],
                                           definitions: [String: PackDefinitionChange]) -> [PackChange] {
        var changes: [PackChange] = new.map { after in
            guard let before = old.first(where: { $0.id == after.id }) else { return PackChange(id: after.id, old: nil, new: after, findings: []) }
            let rules = definitions[after.id]?.rules ?? []
            return PackChange(id: after.id, old: before, new: after, findings: findingChanges(before.findings, after.findings, rules: rules))
        }
        for before in old where !new.contains(where: { $0.id == before.id }) {
            changes.append(PackChange(id: before.id, old: before, new: nil, findings: []))
        }
        return changes
    }

    private static func findingChanges(_ old: [ReportSnapshot.Finding], _ new: [ReportSnapshot.Finding], rules: [RuleChange]) -> [FindingChange] {
        let added = Set(rules.filter { $0.kind == .added }.map(\.rule))
        let removed = Set(rules.filter { $0.kind == .removed }.map(\.rule))
        let before = Dictionary(old.map { ($0.rule, $0) }, uniquingKeysWith: { first, _ in first })
        let afterIds = Set(new.map(\.rule))
        var changes: [FindingChange] = []
        for finding in new {
            guard let previous = before[finding.rule] else {
                changes.append(FindingChange(rule: finding.rule, title: finding.title, kind: .appeared, old: nil, new: finding,
                                             ruleAdded: added.contains(finding.rule)))
                continue
            }
            if previous.status != finding.status {
                changes.append(FindingChange(rule: finding.rule, title: finding.title, kind: .status, old: previous, new: finding))
            } else if previous.contribution != finding.contribution || previous.maxContribution != finding.maxContribution {
                changes.append(FindingChange(rule: finding.rule, title: finding.title, kind: .contribution, old: previous, new: finding))
            }
        }
        for finding in old where !afterIds.contains(finding.rule) {
            changes.append(FindingChange(rule: finding.rule, title: finding.title, kind: .disappeared, old: finding, new: nil,
                                         ruleRemoved: removed.contains(finding.rule)))
        }
        return changes
    }
}
