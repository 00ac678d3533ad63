/// The facts an unknown finding lacks, as positions in its rule's `reads`: one bit each
/// for the first 63 and a list for any after that (the scale's facts are among the reads). Nearly every rule reads fewer than 63 facts, so a finding
/// records what it lacks without allocating.
public struct MissingFacts: Hashable, Sendable {
    /// Bit `n` set: `reads[n]` is missing, for `n` below 63.
    @usableFromInline var firstPositions: UInt64 = 0
    /// Missing positions from 63 on, in order; nil for nearly every rule.
    @usableFromInline var laterPositions: [Int]?

    static let bitPositions = 63

    @inlinable
    public var isEmpty: Bool { firstPositions == 0 && laterPositions == nil }

    mutating func insert(position: Int) {
        if position < Self.bitPositions {
            firstPositions |= 1 << UInt64(position)
        } else {
            laterPositions = (laterPositions ?? []) + [position]
        }
    }

    func contains(position: Int) -> Bool {
        position < Self.bitPositions ? firstPositions & (1 << UInt64(position)) != 0 : laterPositions?.contains(position) == true
    }

    /// Calls `body` with each missing slot in reads order.
    func forEachSlot(reads: [Int], _ body: (Int) -> Void) {
        var bits = firstPositions
        while bits != 0 {
            body(reads[bits.trailingZeroBitCount])
            bits &= bits - 1
        }
        for position in laterPositions ?? [] { body(reads[position]) }
    }
}
