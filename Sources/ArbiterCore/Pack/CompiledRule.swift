/// A rule ready to evaluate: its condition, scale and message compiled against the
/// schema of every loaded pack.
public struct CompiledRule: Sendable {
    public struct Scale: Sendable {
        public var slot: Int
        public var path: String
        public var from: Double
        public var to: Double

        /// The share of the weight a value earns: 0 at `from`, 1 at `to`, clamped.
        public func coefficient(_ value: Double) -> Double {
            min(1, max(0, (value - from) / (to - from)))
        }
    }

    public var id: String
    public var pack: String
    public var title: String
    public var category: String
    public var severity: Severity
    public var weight: Double
    public var scale: Scale?
    public var rationale: String
    public var references: [Reference]
    public var mitigations: [String]
    public var enforceFrom: CivilDate?
    public var file: String
    public var range: SourceRange
    /// The `when` text as written, for `arbiter explain`.
    public var conditionText: String
    /// Slots the condition and scale read, in reading order: the rule's evidence.
    public var reads: [Int]
    public var fires: [Dossier]
    public var passes: [Dossier]
    let condition: Program
    let message: MessageTemplate
}
