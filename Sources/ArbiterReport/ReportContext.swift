import ArbiterCore

/// What every reporter knows before the first project: the tool version, the
/// evaluation date, the loaded packs and rules, and presentation choices.
public struct ReportContext: Sendable {
    public var toolVersion: String
    public var asOf: CivilDate
    public let packs: [CompiledPack]
    /// True when a gate decided each project, so reports show pass/fail.
    public var gated: Bool
    public var colored: Bool

    /// Every loaded rule in pack order.
    public let rules: [CompiledRule]

    public init(toolVersion: String, asOf: CivilDate, packs: [CompiledPack], gated: Bool = false, colored: Bool = false) {
        self.toolVersion = toolVersion
        self.asOf = asOf
        self.packs = packs
        self.gated = gated
        self.colored = colored
        self.rules = packs.flatMap(\.rules)
    }
}
