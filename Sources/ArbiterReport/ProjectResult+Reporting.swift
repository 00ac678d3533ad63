import ArbiterCore

extension ProjectResult {
    /// Looks up a cited source so reports can show its title and link.
    func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    /// Every pack's findings the listing lets through, as one list for reports that mix
    /// packs: fired, then waived, then unknown; within each, most severe, then the largest
    /// contribution; ties keep pack and report order.
    func listedFindings(_ listing: FindingFilter) -> [(pack: String, finding: Finding)] {
        let rank = { (status: FindingStatus) in status == .fired ? 0 : status == .waived ? 1 : 2 }
        return packs.flatMap { pack in pack.reportedFindings(listing).map { (pack: pack.pack, finding: $0) } }
            .enumerated().sorted { lhs, rhs in
                let (a, b) = (lhs.element.finding, rhs.element.finding)
                if rank(a.status) != rank(b.status) { return rank(a.status) < rank(b.status) }
                if a.severity != b.severity { return a.severity > b.severity }
                if a.contribution != b.contribution { return a.contribution > b.contribution }
                return lhs.offset < rhs.offset
            }.map(\.element)
    }

    /// The `count` most severe fired findings across packs, in `listedFindings`' order, for
    /// summary tables. Ranked by position, so only the findings returned are built: a batch's
    /// text table asks this of every project.
    func topFired(_ listing: FindingFilter, count: Int) -> [Finding] {
        var candidates: [(pack: Int, position: Int)] = []
        for (index, pack) in packs.enumerated() {
            candidates += pack.reportedOrder(listing).filter { pack.findings.status(at: $0) == .fired }.map { (index, $0) }
        }
        let severity = { (candidate: (pack: Int, position: Int)) in self.packs[candidate.pack].findings.rules[candidate.position].severity }
        let contribution = { (candidate: (pack: Int, position: Int)) in self.packs[candidate.pack].findings.contribution(at: candidate.position) }
        return candidates.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if severity(a) != severity(b) { return severity(a) > severity(b) }
            if contribution(a) != contribution(b) { return contribution(a) > contribution(b) }
            return lhs.offset < rhs.offset
        }.prefix(count).map { packs[$0.element.pack].findings[$0.element.position] }
    }

    /// Each pack before the what-if overrides beside its result after them.
    var whatIfChanges: [(before: WhatIf.Before, after: PackResult)] {
        (whatIf?.before ?? []).compactMap { before in packs.first { $0.pack == before.pack }.map { (before, $0) } }
    }
}

extension PackResult {
    /// The ids of the rules whose relevance guard is false, in pack order.
    var notApplicableRules: [String] {
        findings.indices.filter { findings.outcome(at: $0) == .notApplicable }.map { findings.rules[$0].id }
    }

    /// Rules whose outcome or size is not known (a missing fact, a fault).
    var undecidedCount: Int {
        (0..<findings.count).reduce(0) { $0 + (findings.isDecided(at: $1) ? 0 : 1) }
    }

    /// Sentences that say why the band is not simply the score's band: a floor set it, a
    /// floor could set the worst case, or too little is known for a verdict.
    var verdictNotes: [String] {
        var notes: [String] = []
        if !isApplicable {
            notes.append("not applicable: no rule of this pack applies to the project")
        }
        if isInsufficientData {
            let percent = { (share: Double) in "\(Int((share * 100).rounded()))%" }
            notes.append("insufficient data: completeness \(percent(completeness)) is below the \(percent(minimumCompleteness ?? 0)) "
                         + "this pack needs for a verdict; the band shown is what the known facts give")
        }
        if let floor {
            notes.append("band \(floor.band.rawValue) set by a floor: \(floor.reason) (\(floor.rules.joined(separator: ", "))); "
                         + "the score alone gives \(bands.band(of: score).rawValue)")
        }
        if let worstFloor, worstFloor.band == worstBand, worstFloor.band > band {
            notes.append("worst case \(worstFloor.band.rawValue) by a floor if the unknowns fire: \(worstFloor.reason) "
                         + "(\(worstFloor.rules.joined(separator: ", ")))")
        }
        return notes
    }

    /// Findings worth reporting (not passed): fired first, then waived, then unknown;
    /// within each, most severe and heaviest first; ties keep pack order so output is stable.
    var reportedFindings: [Finding] { reportedOrder.map { findings[$0] } }

    /// The reported findings a report's listing filter lets through.
    func reportedFindings(_ filter: FindingFilter) -> [Finding] { reportedOrder(filter).map { findings[$0] } }

    /// The positions in `findings` of `reportedFindings`, in that order. Sorting plain
    /// keys rather than findings: moving findings through filter, sort and map retained
    /// every field of each one several times, for every project of a batch.
    var reportedOrder: [Int] { reportedOrder(.all) }

    func reportedOrder(_ filter: FindingFilter) -> [Int] {
        struct Key {
            var rank: Int
            var severity: Severity
            var weight: Double
            var position: Int
        }
        var keys: [Key] = []
        keys.reserveCapacity(findings.count)
        for position in findings.indices where !findings.outcome(at: position).isClear
            && (filter.isEmpty || filter.includes(status: findings.status(at: position), severity: findings.rules[position].severity)) {
            let rank = switch findings.status(at: position) {
            case .fired: 0
            case .waived: 1
            default: 2
            }
            keys.append(Key(rank: rank, severity: findings.rules[position].severity,
                            weight: findings.maxContribution(at: position), position: position))
        }
        keys.sort { lhs, rhs in
            if lhs.rank != rhs.rank { return lhs.rank < rhs.rank }
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            if lhs.weight != rhs.weight { return lhs.weight > rhs.weight }
            return lhs.position < rhs.position
        }
        return keys.map(\.position)
    }

    var firedFindings: [Finding] { reportedFindings.filter { $0.outcome == .fired } }
}

extension Double {
    /// One-decimal text for scores: 62.5, 40.0.
    var scoreText: String {
        let rounded = Scoring.oneDecimal(self)
        let text = Value.format(rounded)
        // On bytes: with Foundation in the module, `contains(".")` went through NSString.
        return text.utf8.contains(UInt8(ascii: ".")) ? text : text + ".0"
    }
}
