import ArbiterCore

/// A stable identity for a finding across runs: FNV-1a over project id, pack and rule,
/// so code-scanning tools track the same finding even when line numbers move.
enum Fingerprint {
    static func of(_ parts: String...) -> String {
        var hash = StableHash()
        for part in parts {
            hash.combine(part)
            hash.combine(0xFF)  // a separator no UTF-8 text contains, so ("ab", "c") ≠ ("a", "bc")
        }
        let hex = String(hash.value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
