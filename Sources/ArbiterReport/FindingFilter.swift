import ArbiterCore

/// Which findings a report lists (`--min-severity`, `--status`). It never changes a
/// score, a band or the gate: those are always judged on every finding.
public struct FindingFilter: Sendable, Equatable {
    public var minimumSeverity: Severity?
    /// Listed statuses among fired, unknown and waived; nil lists all three.
    public var statuses: Set<FindingStatus>?

    public init(minimumSeverity: Severity? = nil, statuses: Set<FindingStatus>? = nil) {
        self.minimumSeverity = minimumSeverity
        self.statuses = statuses
    }

    public static let all = FindingFilter()

    public var isEmpty: Bool { minimumSeverity == nil && statuses == nil }

    public func includes(status: FindingStatus, severity: Severity) -> Bool {
        guard !status.isClear else { return false }
        if let minimumSeverity, severity < minimumSeverity { return false }
        if let statuses, !statuses.contains(status) { return false }
        return true
    }

    /// For formats that list every rule (JUnit): a passed rule is listed unless statuses
    /// are chosen, and only at or above the minimum severity.
    public func lists(_ finding: Finding) -> Bool {
        if isEmpty { return true }
        if finding.status.isClear { return statuses == nil && minimumSeverity.map { finding.severity >= $0 } ?? true }
        return includes(status: finding.status, severity: finding.severity)
    }

    /// "high or worse, fired and unknown": the filter in words, for report headers.
    public var summary: String? {
        guard !isEmpty else { return nil }
        var parts: [String] = []
        if let minimumSeverity { parts.append("\(minimumSeverity.rawValue) or worse") }
        if let statuses { parts.append(FindingStatus.allCases.filter(statuses.contains).map(\.rawValue).joined(separator: " and ")) }
        return parts.joined(separator: ", ")
    }
}
