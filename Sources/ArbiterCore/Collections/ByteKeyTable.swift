/// A map from names to values that is looked up by the UTF-8 bytes of a key, without
/// making a `String` of it.
///
/// Decoding a dossier looks up every key it reads in the schema. Through a
/// `[String: …]` dictionary that meant a new string and a seeded hash per key; here a
/// key's bytes are hashed where they lie (FNV-1a) and compared with `memcmp`-style
/// loops, in an open-addressing table kept at most half full.
public struct ByteKeyTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var start: Int
        var length: Int
        var value: Value
    }

    private var entries: [Entry] = []
    /// All names' bytes, one after another.
    private var names: [UInt8] = []
    /// Indices into `entries`, or -1 for an empty slot; the count is a power of two.
    private var slots: [Int32] = Array(repeating: -1, count: 8)

    public init() {}

    public var count: Int { entries.count }

    /// Adds `name`, or gives an existing name a new value.
    public mutating func set(_ name: String, to value: Value) {
        let bytes = Array(name.utf8)
        let hash = bytes.withUnsafeBufferPointer(Self.hash)
        if let index = bytes.withUnsafeBufferPointer({ find($0, hash: hash) }) {
            entries[index].value = value
            return
        }
        entries.append(Entry(hash: hash, start: names.count, length: bytes.count, value: value))
        names += bytes
        if entries.count * 2 > slots.count {
            slots = Array(repeating: -1, count: slots.count * 2)
            for index in entries.indices { place(index) }
        } else {
            place(entries.count - 1)
        }
    }

    /// The value for the name spelt by `key`, if there is one.
    public func value(for key: UnsafeBufferPointer<UInt8>) -> Value? {
        find(key, hash: Self.hash(key)).map { entries[$0].value }
    }

    public func value(for key: String) -> Value? {
        var key = key
        return key.withUTF8 { value(for: $0) }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if entries[index].hash == hash && entries[index].length == key.count && matches(key, entries[index].start) {
                return index
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private func matches(_ key: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        names.withUnsafeBufferPointer { stored in
            for offset in key.indices where stored[start + offset] != key[offset] { return false }
            return true
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = StableHash()
        for byte in bytes { hash.combine(byte) }
        return hash.value
    }
}
