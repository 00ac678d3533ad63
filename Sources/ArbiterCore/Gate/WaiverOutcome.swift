/// What became of one waiver over a whole run.
public struct WaiverOutcome: Hashable, Sendable {
    public enum State: String, Hashable, Sendable {
        /// Covered at least one finding and is in force.
        case applied
        /// Past its expiry date: reported, not applied.
        case expired
        /// Matches no fired or unknown finding: the reason for it has gone.
        case stale
    }

    public var waiver: Waiver
    public var state: State
    public var matched: Int

    public init(waiver: Waiver, state: State, matched: Int) {
        self.waiver = waiver
        self.state = state
        self.matched = matched
    }
}
