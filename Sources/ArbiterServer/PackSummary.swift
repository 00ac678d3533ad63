import ArbiterCore

/// Packs as `/v1/packs`, `/v1/reload` and `/readyz` describe them.
enum PackSummary {
    /// `{"packs": [...]}`: what each loaded pack is and how its bands are cut.
    static func list(_ packs: [CompiledPack]) -> JSONDocument {
        .object([("packs", .array(packs.map(json)))])
    }

    static func json(_ pack: CompiledPack) -> JSONDocument {
        .object([
            ("id", .string(pack.id)),
            ("version", .string(pack.version)),
            ("title", .string(pack.title)),
            ("description", .string(pack.description)),
            ("rules", .int(pack.rules.count)),
            ("total_weight", .number(pack.totalWeight)),
            ("bands", .object([("moderate", .number(pack.bands.moderate)), ("high", .number(pack.bands.high)),
                               ("critical", .number(pack.bands.critical))])),
            ("categories", .strings(pack.categories)),
        ])
    }

    /// `id@version` for each pack, as the `Arbiter-Packs` header and `/readyz` name them.
    static func versions(_ packs: [CompiledPack]) -> [String] {
        packs.map { "\($0.id)@\($0.version)" }
    }
}
