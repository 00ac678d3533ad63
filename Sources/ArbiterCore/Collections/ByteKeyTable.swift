/// A map from names to values that is looked up by the UTF-8 bytes of a key, without
/// making a `String` of it.
///
/// Decoding a dossier looks up every key it reads in the schema. Through a
/// `[String: …]` dictionary that meant a new string and a seeded hash per key; here a
/// key's bytes are hashed where they lie (FNV-1a) and compared with `memcmp`-style
/// loops, in an open-addressing table kept at most half full.
///
/// Names live in numbered namespaces (the schema's groups), so one table serves every
/// group: a table per group, kept in an array, had been copied out of the array with
/// its three buffers retained and released for every key looked up.
package struct ByteKeyTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var namespace: Int
        var start: Int
        var length: Int
        var value: Value
    }

    private var entries: [Entry] = []
    /// All names' bytes, one after another.
    private var names: [UInt8] = []
    /// Indices into `entries`, or -1 for an empty slot; the count is a power of two.
    private var slots: [Int32] = Array(repeating: -1, count: 8)

    package init() {}

    package var count: Int { entries.count }

    /// Adds `name` to `namespace`, or gives an existing name there a new value.
    package mutating func set(_ name: String, in namespace: Int = 0, to value: Value) {
        let bytes = Array(name.utf8)
        let hash = bytes.withUnsafeBufferPointer { Self.hash($0, namespace: namespace) }
        if let index = bytes.withUnsafeBufferPointer({ find($0, namespace: namespace, hash: hash) }) {
            entries[index].value = value
            return
        }
        entries.append(Entry(hash: hash, namespace: namespace, start: names.count, length: bytes.count, value: value))
        names += bytes
        if entries.count * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for index in entries.indices { place(index) }
        } else {
            place(entries.count - 1)
        }
    }

    /// The value for the name spelt by `key` in `namespace`, if there is one.
    package func value(for key: UnsafeBufferPointer<UInt8>, in namespace: Int = 0) -> Value? {
        find(key, namespace: namespace, hash: Self.hash(key, namespace: namespace)).map { entries[$0].value }
    }

    package func value(for key: String, in namespace: Int = 0) -> Value? {
        var key = key
        return key.withUTF8 { value(for: $0, in: namespace) }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    private func find(_ key: UnsafeBufferPointer<UInt8>, namespace: Int, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if entries[index].hash == hash && entries[index].length == key.count && entries[index].namespace == namespace
                && matches(key, entries[index].start) {
                return index
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Compares eight bytes at a time, then the rest one by one.
    private func matches(_ key: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        guard let keyBase = key.baseAddress else { return true }
        return names.withUnsafeBufferPointer { stored in
            let left = UnsafeRawPointer(stored.baseAddress! + start)
            let right = UnsafeRawPointer(keyBase)
            var offset = 0
            while offset + 8 <= key.count {
                if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                    return false
                }
                offset += 8
            }
            while offset < key.count {
                if left.load(fromByteOffset: offset, as: UInt8.self) != right.load(fromByteOffset: offset, as: UInt8.self) { return false }
                offset += 1
            }
            return true
        }
    }

    /// Eight bytes at a time, each word folded in with a multiply: keys are short, and
    /// hashing them a byte at a time (FNV-1a) had been most of a lookup. The last word
    /// overlaps the one before it rather than being assembled byte by byte.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, namespace: Int) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        let count = bytes.count
        var hash = (UInt64(truncatingIfNeeded: count) &+ 0x243F_6A88_85A3_08D3) ^ (UInt64(truncatingIfNeeded: namespace) &* multiplier)
        guard let base = bytes.baseAddress, count > 0 else { return hash }
        let raw = UnsafeRawPointer(base)
        if count < 8 {
            var word: UInt64 = 0
            for index in 0..<count { word |= UInt64(base[index]) << UInt64(8 &* index) }
            hash = (hash ^ word) &* multiplier
            return hash ^ (hash >> 29)
        }
        var offset = 0
        while offset + 8 < count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        hash = (hash ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* multiplier
        return hash ^ (hash >> 29)
    }
}
