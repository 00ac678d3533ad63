/// A pack whose rules are compiled; what the evaluator runs.
public struct CompiledPack: Sendable {
    public var id: String
    public var version: String
    public var title: String
    public var description: String
    public var file: String
    public var bands: BandThresholds
    /// The most points each category can add, by position in `categories`; nil when unbounded.
    public var caps: [Double?] = []
    /// The caps as declared, by category name.
    public var declaredCaps: [String: Double] = [:]
    public var floors: [BandFloor] = []
    public var minimumCompleteness: Double?
    package var inputs: [InputDeclaration]
    public var rules: [CompiledRule]
    /// Categories in order of first appearance; rules point into it by index.
    public var categories: [String] = []

    public var totalWeight: Double { rules.reduce(0) { $0 + $1.weight } }
}
