/// An approved, time-limited exception for one rule on one project (or every project).
public struct Waiver: Hashable, Sendable {
    public var project: String
    public var rule: String
    public var reason: String
    public var approvedBy: String
    public var expires: CivilDate
    public var file: String
    public var range: SourceRange

    public init(project: String, rule: String, reason: String, approvedBy: String, expires: CivilDate,
                file: String, range: SourceRange) {
        self.project = project
        self.rule = rule
        self.reason = reason
        self.approvedBy = approvedBy
        self.expires = expires
        self.file = file
        self.range = range
    }

    func covers(project id: String, rule ruleId: String) -> Bool {
        (project == "*" || project == id) && rule == ruleId
    }

    /// A waiver is valid through its expiry date and lapses the day after.
    public func isExpired(asOf: CivilDate) -> Bool { asOf > expires }
}
