import ArbiterCore

/// Rules as `/v1/rules` lists them, in pack order.
enum RuleSummary {
    static func list(_ rules: [CompiledRule]) -> JSONDocument {
        .object([("rules", .array(rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("pack", .string(rule.pack)),
                ("title", .string(rule.title)),
                ("category", .string(rule.category)),
                ("severity", .string(rule.severity.rawValue)),
                ("weight", .number(rule.weight)),
            ])
        }))])
    }
}
