/// A growable run of plain values that only its one owner can touch: the one buffer
/// type behind documents (node records, links and scalar text) and reports (the JSON
/// writer's bytes, handed to the output as a chunk without a copy).
///
/// The node builder appends to four of these for every YAML event. A Swift array checks
/// uniqueness, capacity and bounds on every append and cannot be told that nobody else
/// holds it; this buffer is noncopyable, so there is nobody else, and an append is a
/// capacity check and a store. Growth doubles, as an array's does.
package struct GrowableBuffer<Element: BitwiseCopyable>: ~Copyable {
    package private(set) var base: UnsafeMutablePointer<Element>
    /// Elements written; a writer that stores through `base` after `reserve` sets it.
    package var count = 0
    package private(set) var capacity: Int
    /// False while the buffer lives in memory carved from an `ArenaBlock`, which frees it.
    @usableFromInline var ownsBase: Bool

    @inlinable
    package init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
        ownsBase = true
    }

    /// A buffer starting in `capacity` elements of someone else's memory; it moves to
    /// memory of its own if it outgrows them.
    @inlinable
    init(in memory: UnsafeMutablePointer<Element>, capacity: Int) {
        self.capacity = capacity
        base = memory
        ownsBase = false
    }

    @inlinable deinit { if ownsBase { base.deallocate() } }

    @inlinable
    package mutating func reserve(_ extra: Int) {
        let needed = count + extra
        if needed > capacity { grow(to: needed) }
    }

    @usableFromInline
    package mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        if ownsBase { base.deallocate() }
        base = newBase
        capacity = newCapacity
        ownsBase = true
    }

    @inlinable
    package mutating func append(_ element: Element) {
        reserve(1)
        (base + count).initialize(to: element)
        count += 1
    }

    @inlinable
    package mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress, !elements.isEmpty else { return }
        reserve(elements.count)
        (base + count).initialize(from: source, count: elements.count)
        count += elements.count
    }

    /// Appends elements `start..<start + length` of this same buffer (growth may move it).
    @inlinable
    package mutating func appendCopy(of start: Int, length: Int) {
        reserve(length)
        (base + count).initialize(from: base + start, count: length)
        count += length
    }

    @inlinable
    subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "buffer index out of range")
            return base[position]
        }
        set {
            precondition(position >= 0 && position < count, "buffer index out of range")
            base[position] = newValue
        }
    }

    @inlinable
    mutating func removeLast(_ number: Int) {
        precondition(number >= 0 && number <= count, "cannot remove more than the buffer holds")
        count -= number
    }

    /// Whether elements `first..<first + length` equal `second..<second + length`.
    @inlinable
    func equalRuns(_ first: Int, _ second: Int, length: Int) -> Bool where Element: Equatable {
        precondition(first >= 0 && second >= 0 && first + length <= count && second + length <= count)
        for offset in 0..<length where base[first + offset] != base[second + offset] { return false }
        return true
    }

    /// Elements `start..<start + length`, valid as long as the buffer is alive and unchanged.
    package func run(from start: Int, length: Int) -> UnsafeBufferPointer<Element> {
        precondition(start >= 0 && length >= 0 && start + length <= count, "run out of range")
        return UnsafeBufferPointer(start: base + start, count: length)
    }
}

/// One block of raw memory that several `GrowableBuffer`s start in, freed with it: one
/// allocation per document instead of one per buffer. After a large file's parser
/// buffers are freed, each small allocation had cost the allocator hundreds of
/// instructions.
@usableFromInline
struct ArenaBlock: ~Copyable {
    @usableFromInline let memory: UnsafeMutableRawPointer

    init(bytes: Int) {
        memory = .allocate(byteCount: max(bytes, 16), alignment: 16)
    }

    deinit { memory.deallocate() }
}
