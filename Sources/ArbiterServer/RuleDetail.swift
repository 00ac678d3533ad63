import ArbiterCore

/// `GET /v1/rules/{id}`: what `arbiter explain` prints, as JSON.
enum RuleDetail {
    static func json(_ rule: CompiledRule, pack: CompiledPack, schema: InputSchema) -> JSONDocument {
        .object([
            ("id", .string(rule.id)),
            ("title", .string(rule.title)),
            ("pack", .string(pack.id)),
            ("pack_version", .string(pack.version)),
            ("category", .string(rule.category)),
            ("severity", .string(rule.severity.rawValue)),
            ("weight", .number(rule.weight)),
            ("pack_weight", .number(pack.totalWeight)),
            ("when", .string(rule.conditionText)),
            ("scale", rule.scale.map { .object([("by", .string($0.text)), ("from", .number($0.from)), ("to", .number($0.to))]) } ?? .null),
            ("reads", .array(rule.reads.map { slot in
                let declaration = schema.declarations[slot]
                return .object([("path", .string(declaration.path)), ("type", .string(declaration.type.description)),
                                ("unit", .optional(declaration.unit)), ("doc", .string(declaration.doc))])
            })),
            ("rationale", .string(rule.rationale)),
            ("mitigations", .strings(rule.mitigations)),
            // What `arbiter explain` adds to each mitigation: the facts it sets (`path=value`).
            ("mitigation_sets", .array(rule.levers.map { .strings($0.changes.map(\.assignment)) })),
            ("references", .array(rule.references.map {
                .object([("id", .string($0.id)), ("title", .string($0.title)), ("url", .string($0.url)), ("mirror", .optional($0.mirror))])
            })),
            ("enforce_from", .optional(rule.enforceFrom?.description)),
            ("defined_in", .object([("file", .string(rule.file)), ("line", .int(rule.range.start.line))])),
        ])
    }
}
