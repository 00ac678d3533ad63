import ArbiterCore

/// What a JSON report (`--format json`) said, read back: the packs it ran with, and per
/// project each pack's verdict and listed findings. The input of `gate --baseline` and
/// `arbiter diff`.
public struct ReportSnapshot: Sendable {
    public struct PackHeader: Sendable {
        public var id: String
        public var version: String
        /// Absent in reports written before the header listed them.
        public var bands: BandThresholds?
        /// Rule id → (severity, weight); empty in reports that did not list rules.
        public var rules: [String: RuleWeight]
    }

    public struct RuleWeight: Sendable, Equatable {
        public var severity: String
        public var weight: Double
    }

    public struct Finding: Sendable {
        public var rule: String
        public var title: String
        public var severity: String
        public var status: FindingStatus
        public var contribution: Double
        public var maxContribution: Double
    }

    public struct PackVerdict: Sendable {
        public var id: String
        public var version: String
        public var score: Double
        public var range: ClosedRange<Double>
        public var band: Band
        public var worstBand: Band
        /// The band, or `insufficient-data`.
        public var verdict: String
        /// The band the gate judged, when the report came from `gate`.
        public var gateBand: Band?
        /// Fired, unknown and waived findings in report order; passed rules are not listed.
        public var findings: [Finding]
    }

    public struct Project: Sendable {
        public var id: String
        public var name: String
        public var packs: [PackVerdict]
    }

    /// The report format's version: scores are shares of 100 in 1, risk points from 2.
    public var schema: Int = JSONReporter.schemaVersion
    public var asOf: String
    public var packs: [PackHeader]
    public var projects: [Project]
    /// Files the run could not score, by path.
    public var errorFiles: [String]
}
