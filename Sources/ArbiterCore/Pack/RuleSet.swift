/// Every loaded pack, compiled against one shared dossier schema. Built once per run
/// and shared, read-only, by every worker.
public struct RuleSet: Sendable {
    public let packs: [CompiledPack]
    package let schema: InputSchema
    public let limits: ExpressionLimits

    init(packs: [CompiledPack], schema: InputSchema, limits: ExpressionLimits) {
        self.packs = packs
        self.schema = schema
        self.limits = limits
    }

    public func rule(_ id: String) -> CompiledRule? {
        for pack in packs {
            if let rule = pack.rules.first(where: { $0.id == id }) { return rule }
        }
        return nil
    }

    public var allRules: [CompiledRule] { packs.flatMap(\.rules) }
}
