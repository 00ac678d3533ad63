/// 64-bit FNV-1a: the same value in every run and on every machine, unlike `Hasher`,
/// which is seeded per process. For hashes that outlive a run or must agree between
/// runs: `--shard` selection, SARIF fingerprints, a batch's duplicate-id check.
package struct StableHash: Sendable {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    package mutating func combine(_ text: String) {
        for byte in text.utf8 { combine(byte) }
    }

    package static func of(_ text: String) -> UInt64 {
        var hash = StableHash()
        hash.combine(text)
        return hash.value
    }
}
