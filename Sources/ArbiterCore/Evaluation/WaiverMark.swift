/// The waiver that matched a finding and what became of it.
public struct WaiverMark: Hashable, Sendable {
    public enum State: String, Hashable, Sendable {
        case applied, expired
    }

    public var state: State
    public var reason: String
    public var approvedBy: String
    public var expires: CivilDate

    public init(state: State, reason: String, approvedBy: String, expires: CivilDate) {
        self.state = state
        self.reason = reason
        self.approvedBy = approvedBy
        self.expires = expires
    }
}
