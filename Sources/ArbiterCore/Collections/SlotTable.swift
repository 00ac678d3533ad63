/// Values by schema slot, for the few slots a dossier sets out of the many the packs
/// declare: a plain `Int32` per slot pointing into a dense array of the values set.
///
/// A dossier states a fifth of the shipped packs' facts. As `[Fact?]`, every dossier's
/// table had been built and freed element by element through the generic optional
/// witnesses, about 12,000 instructions per dossier for slots that were all empty; the
/// slot indices here are plain integers that are filled and freed in one piece.
package struct SlotTable<Element>: Sendable where Element: Sendable {
    /// Per slot: the index in `values` plus one, or 0 when the slot is not set.
    private var positions: [Int32]
    /// The values set, in the order they were first set.
    private var values: [Element]

    /// A table of `count` empty slots.
    package init(count: Int) {
        positions = Array(repeating: 0, count: count)
        values = []
    }

    /// A table holding `elements`, one per slot.
    package init(_ elements: [Element?]) {
        self.init(count: elements.count)
        for (slot, element) in elements.enumerated() { self[slot] = element }
    }

    /// Number of slots, set or not.
    package var count: Int { positions.count }

    /// Number of slots set.
    package var setCount: Int { positions.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// True when `slot` holds a value; reads no value.
    package func isSet(_ slot: Int) -> Bool { positions[slot] != 0 }

    package subscript(slot: Int) -> Element? {
        get {
            let position = Int(positions[slot])
            return position == 0 ? nil : values[position - 1]
        }
        set {
            if let newValue {
                set(newValue, at: slot)
            } else {
                // The stale value stays in `values`, unreachable; clearing a slot is rare.
                positions[slot] = 0
            }
        }
    }

    /// Sets `slot` to `element`. Decoders call this rather than the subscript: an
    /// optional `Fact` passed around was copied and destroyed through the generic
    /// optional witnesses, twice per fact of every dossier.
    package mutating func set(_ element: Element, at slot: Int) {
        let position = Int(positions[slot])
        if position != 0 {
            values[position - 1] = element
            return
        }
        // Room for a dossier's usual share of facts at once: growing one by one had
        // reallocated five times per dossier.
        if values.capacity == 0 { values.reserveCapacity(min(positions.count, 32)) }
        values.append(element)
        positions[slot] = Int32(values.count)
    }

    /// Calls `body` with the value at `slot`, where it is stored; nil when the slot is
    /// not set. Evaluation compares facts this way, without copying them out.
    @inline(__always)
    package func withElement<Result>(at slot: Int, _ body: (Element) -> Result) -> Result? {
        let position = Int(positions[slot])
        guard position != 0 else { return nil }
        return values.withUnsafeBufferPointer { body($0[position - 1]) }
    }

    /// The value at `slot`, or `fallback` when the slot is not set.
    package subscript(slot: Int, default fallback: @autoclosure () -> Element) -> Element {
        self[slot] ?? fallback()
    }
}

// Tables are equal when every slot holds an equal value (or none), whatever order the
// values were set in.
extension SlotTable: Equatable where Element: Equatable {
    package static func == (lhs: SlotTable, rhs: SlotTable) -> Bool {
        lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs[$0] == rhs[$0] }
    }
}

extension SlotTable: Hashable where Element: Hashable {
    package func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for slot in 0..<count { hasher.combine(self[slot]) }
    }
}
