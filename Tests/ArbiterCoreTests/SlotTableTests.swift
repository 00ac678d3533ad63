import ArbiterCore
import Foundation
import Testing

/// `SlotTable` against the array of optionals it replaces, through random sets,
/// overwrites and clears.
struct SlotTableTests {
    @Test func behavesLikeAnArrayOfOptionals() {
        // A new seed each run, printed, so a failure can be replayed with ARBITER_SEED.
        let seed = ProcessInfo.processInfo.environment["ARBITER_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        print("SlotTableTests seed: \(seed) (replay with ARBITER_SEED=\(seed))")
        var generator = SplitMix(seed: seed)
        for round in 0..<50 {
            let count = Int.random(in: 0...120, using: &generator)
            var table = SlotTable<String>(count: count)
            var model = [String?](repeating: nil, count: count)
            for step in 0..<(count * 3) {
                let slot = Int.random(in: 0..<count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0:
                    table[slot] = nil
                    model[slot] = nil
                case 1:
                    table[slot] = "subscript \(round).\(step)"
                    model[slot] = "subscript \(round).\(step)"
                default:
                    table.set("set \(round).\(step)", at: slot)
                    model[slot] = "set \(round).\(step)"
                }
            }
            #expect(table.count == count)
            #expect((0..<count).map { table[$0] } == model, "seed \(seed), round \(round)")
            #expect((0..<count).map(table.isSet) == model.map { $0 != nil })
            #expect(table.setCount == model.compactMap { $0 }.count)
            #expect(table == SlotTable(model))
        }
    }

    @Test func equalityIgnoresTheOrderValuesWereSetIn() {
        var first = SlotTable<Int>(count: 4)
        first.set(1, at: 0)
        first.set(3, at: 3)
        var second = SlotTable<Int>(count: 4)
        second.set(3, at: 3)
        second.set(1, at: 0)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        second[0] = nil
        #expect(first != second)
        #expect(second[0, default: 7] == 7)
        #expect(first[0, default: 7] == 1)
    }
}
