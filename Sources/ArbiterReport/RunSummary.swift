import ArbiterCore

/// What a reporter learns at the end of a run: failures, waiver outcomes, totals and,
/// for reporters that need the whole picture at once, the projects themselves.
public struct RunSummary: Sendable {
    public var projectCount: Int
    /// Projects by verdict: a band, insufficient data or not applicable.
    public var verdictCounts: [Verdict: Int]
    public var gateFailures: Int
    public var errors: [Diagnostic]
    public var waivers: [WaiverOutcome]
    /// Filled only for reporters whose `needsAllProjects` is true.
    public var projects: [ProjectResult]
    /// One line per project, in input order; filled only for reporters whose
    /// `needsProjectLines` is true.
    public var lines: [ProjectLine] = []

    public init(projectCount: Int = 0, verdictCounts: [Verdict: Int] = [:], gateFailures: Int = 0,
                errors: [Diagnostic] = [], waivers: [WaiverOutcome] = [], projects: [ProjectResult] = []) {
        self.projectCount = projectCount
        self.verdictCounts = verdictCounts
        self.gateFailures = gateFailures
        self.errors = errors
        self.waivers = waivers
        self.projects = projects
    }

    /// "0 critical, 7 high, 5 moderate, 4 low, 2 insufficient data": the verdict counts,
    /// worst first; insufficient data and not applicable only when some project has them.
    public var bandCountsText: String {
        Verdict.allCases.compactMap { verdict in
            let count = verdictCounts[verdict, default: 0]
            if verdict.band == nil && count == 0 { return nil }
            return "\(count) \(verdict.label)"
        }.joined(separator: ", ")
    }

    /// Counts one project; the batch runner calls this in input order.
    public mutating func count(_ project: ProjectResult) {
        count(verdict: project.verdict, gateFailed: project.gate?.passed == false)
    }

    /// Counts a project by its verdict and gate outcome alone.
    public mutating func count(verdict: Verdict, gateFailed: Bool) {
        projectCount += 1
        verdictCounts[verdict, default: 0] += 1
        if gateFailed { gateFailures += 1 }
    }
}
