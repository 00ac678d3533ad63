import ArbiterCore

/// `GET /v1/rules`: every loaded rule, in pack order.
struct RuleList: Encodable {
    var rules: [RuleSummary]
}

/// A rule as `/v1/rules` lists it.
struct RuleSummary: Encodable {
    var id: String
    var pack: String
    var title: String
    var category: String
    var severity: String
    var weight: Double

    init(_ rule: CompiledRule) {
        id = rule.id
        pack = rule.pack
        title = rule.title
        category = rule.category
        severity = rule.severity.rawValue
        weight = rule.weight
    }
}
