import ArbiterCore

extension ProjectResult {
    /// Looks up a cited source so reports can show its title and link.
    func source(_ id: String) -> Source? { sources.first { $0.id == id } }
}

extension PackResult {
    /// Findings worth reporting (not passed): fired first, then waived, then unknown;
    /// within each, most severe and heaviest first; ties keep pack order so output is stable.
    var reportedFindings: [Finding] {
        func rank(_ status: FindingStatus) -> Int {
            switch status {
            case .fired: 0
            case .waived: 1
            default: 2
            }
        }
        return findings.enumerated()
            .filter { $0.element.outcome != .passed }
            .sorted { lhs, rhs in
                if rank(lhs.element.status) != rank(rhs.element.status) { return rank(lhs.element.status) < rank(rhs.element.status) }
                if lhs.element.severity != rhs.element.severity { return lhs.element.severity > rhs.element.severity }
                if lhs.element.maxContribution != rhs.element.maxContribution { return lhs.element.maxContribution > rhs.element.maxContribution }
                return lhs.offset < rhs.offset
            }
            .map(\.element)
    }

    var firedFindings: [Finding] { reportedFindings.filter { $0.outcome == .fired } }
}

extension Finding {
    /// The evidence that best locates the finding: the first fact it read.
    var primaryEvidence: Evidence? { evidence.first }
}

extension Double {
    /// One-decimal text for scores: 62.5, 40.0.
    var scoreText: String {
        let rounded = Scoring.oneDecimal(self)
        let text = Value.format(rounded)
        return text.contains(".") ? text : text + ".0"
    }
}
