import ArbiterCore
import Testing

/// The duplicate-id table against a dictionary doing the same job, across growth, with
/// colliding neighbours (sequential keys), zero as a key and repeats.
struct FirstSeenTableTests {
    @Test(arguments: [0, 1, 7, 100, 5_000])
    func agreesWithADictionary(seed: UInt64) {
        var table = FirstSeenTable()
        var model: [UInt64: UInt32] = [:]
        var state = seed &+ 0x2545_F491_4F6C_DD1D
        for ordinal in 0..<20_000 {
            // xorshift; every third key is small and sequential so probes collide.
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let key = ordinal % 3 == 0 ? UInt64(ordinal % 997) : state % 12_000
            let expected = model[key]
            if expected == nil { model[key] = UInt32(ordinal) }
            #expect(table.firstOrdinal(of: key, recording: UInt32(ordinal)) == expected)
        }
        #expect(table.count == model.count)
        for (key, ordinal) in model { #expect(table.ordinal(of: key) == ordinal) }
        #expect(table.ordinal(of: 99_999_999) == nil)
    }
}
