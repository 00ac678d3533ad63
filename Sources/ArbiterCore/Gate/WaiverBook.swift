/// Applies waivers to results, one project at a time so a batch can stream, and
/// accounts for every waiver at the end of the run.
package struct WaiverBook: Sendable {
    package let waivers: [Waiver]
    package let asOf: CivilDate

    package init(waivers: [Waiver], asOf: CivilDate) {
        self.waivers = waivers
        self.asOf = asOf
    }

    /// Marks the project's fired and unknown findings that a waiver covers, and returns
    /// the indices of the waivers that matched something.
    package func apply(to project: inout ProjectResult) -> Set<Int> {
        var matched: Set<Int> = []
        if waivers.isEmpty { return matched }
        for packIndex in project.packs.indices {
            for findingIndex in project.packs[packIndex].findings.indices {
                guard project.packs[packIndex].findings.outcome(at: findingIndex) != .passed else { continue }
                let rule = project.packs[packIndex].findings.rules[findingIndex].id
                // The first waiver in force wins; an expired one is noted only if none is.
                var chosen: (Int, Waiver)?
                for (index, waiver) in waivers.enumerated() where waiver.covers(project: project.id, rule: rule) {
                    matched.insert(index)
                    if chosen == nil || (chosen!.1.isExpired(asOf: asOf) && !waiver.isExpired(asOf: asOf)) {
                        chosen = (index, waiver)
                    }
                }
                guard let (_, waiver) = chosen else { continue }
                project.packs[packIndex].findings[findingIndex].waiver = WaiverMark(
                    state: waiver.isExpired(asOf: asOf) ? .expired : .applied,
                    reason: waiver.reason, approvedBy: waiver.approvedBy, expires: waiver.expires)
            }
        }
        return matched
    }

    /// The fate of every waiver, given how many findings each matched in the run.
    package func outcomes(matchCounts: [Int: Int]) -> [WaiverOutcome] {
        waivers.enumerated().map { index, waiver in
            let count = matchCounts[index, default: 0]
            let state: WaiverOutcome.State = waiver.isExpired(asOf: asOf) ? .expired : (count == 0 ? .stale : .applied)
            return WaiverOutcome(waiver: waiver, state: state, matched: count)
        }
    }
}
