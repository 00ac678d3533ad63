/// Remembers, for each 64-bit key, the first ordinal it was seen with, in thirteen bytes a
/// slot: an open-addressing table with linear probing, kept at most 7/8 full.
///
/// A batch run records every project id's hash here to catch duplicates. A Swift
/// dictionary of the same pairs keeps its load under 3/4 and pads each slot, so at
/// 50,000 files it needed about twice the memory, and memory is meant to stay flat as
/// a run grows.
package struct FirstSeenTable: Sendable {
    private var keys: [UInt64]
    private var ordinals: [UInt32]
    /// Which slots hold a key: every 64-bit value, zero included, is a valid key.
    private var occupied: [Bool]
    package private(set) var count = 0

    package init() {
        keys = Array(repeating: 0, count: 16)
        ordinals = Array(repeating: 0, count: 16)
        occupied = Array(repeating: false, count: 16)
    }

    /// Records `ordinal` for `key` unless the key is already known; returns the ordinal
    /// recorded first, or nil when the key is new.
    package mutating func firstOrdinal(of key: UInt64, recording ordinal: UInt32) -> UInt32? {
        if (count + 1) * 8 > keys.count * 7 { grow() }
        var slot = Self.start(key, mask: keys.count - 1)
        while occupied[slot] {
            if keys[slot] == key { return ordinals[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        occupied[slot] = true
        keys[slot] = key
        ordinals[slot] = ordinal
        count += 1
        return nil
    }

    /// The ordinal recorded for `key`, if any.
    package func ordinal(of key: UInt64) -> UInt32? {
        var slot = Self.start(key, mask: keys.count - 1)
        while occupied[slot] {
            if keys[slot] == key { return ordinals[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return nil
    }

    /// Keys are hashes already, but callers may pass sequential values; mixing the bits
    /// keeps neighbours from clustering.
    private static func start(_ key: UInt64, mask: Int) -> Int {
        var mixed = key &* 0x9E37_79B9_7F4A_7C15
        mixed ^= mixed >> 29
        return Int(truncatingIfNeeded: mixed) & mask
    }

    private mutating func grow() {
        let oldKeys = keys, oldOrdinals = ordinals, oldOccupied = occupied
        let capacity = keys.count * 2
        keys = Array(repeating: 0, count: capacity)
        ordinals = Array(repeating: 0, count: capacity)
        occupied = Array(repeating: false, count: capacity)
        count = 0
        for slot in oldKeys.indices where oldOccupied[slot] {
            _ = firstOrdinal(of: oldKeys[slot], recording: oldOrdinals[slot])
        }
    }
}
