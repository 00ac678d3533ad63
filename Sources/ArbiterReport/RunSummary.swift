import ArbiterCore

/// What a reporter learns at the end of a run: failures, waiver outcomes, totals and,
/// for reporters that need the whole picture at once, the projects themselves.
public struct RunSummary: Sendable {
    public var projectCount: Int
    public var bandCounts: [Band: Int]
    public var gateFailures: Int
    public var errors: [Diagnostic]
    public var waivers: [WaiverOutcome]
    /// Filled only for reporters whose `needsAllProjects` is true.
    public var projects: [ProjectResult]
    /// One line per project, in input order; filled only for reporters whose
    /// `needsProjectLines` is true.
    public var lines: [ProjectLine] = []

    public init(projectCount: Int = 0, bandCounts: [Band: Int] = [:], gateFailures: Int = 0,
                errors: [Diagnostic] = [], waivers: [WaiverOutcome] = [], projects: [ProjectResult] = []) {
        self.projectCount = projectCount
        self.bandCounts = bandCounts
        self.gateFailures = gateFailures
        self.errors = errors
        self.waivers = waivers
        self.projects = projects
    }

    /// "0 critical, 7 high, 5 moderate, 4 low": the band counts, worst first.
    public var bandCountsText: String {
        Band.allCases.reversed().map { "\(bandCounts[$0, default: 0]) \($0.rawValue)" }.joined(separator: ", ")
    }

    /// Counts one project; the batch runner calls this in input order.
    public mutating func count(_ project: ProjectResult) {
        count(band: project.band, gateFailed: project.gate?.passed == false)
    }

    /// Counts a project by its band and gate outcome alone.
    public mutating func count(band: Band, gateFailed: Bool) {
        projectCount += 1
        bandCounts[band, default: 0] += 1
        if gateFailed { gateFailures += 1 }
    }
}
