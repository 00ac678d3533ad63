import ArbiterCore

/// Packs as the `Arbiter-Packs` header and `/readyz` name them.
enum PackSummary {
    /// `id@version` for each pack.
    static func versions(_ packs: [CompiledPack]) -> [String] {
        packs.map { "\($0.id)@\($0.version)" }
    }
}
