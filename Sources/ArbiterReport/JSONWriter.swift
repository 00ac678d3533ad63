import ArbiterCore

/// A small JSON writer with a fixed key order, so reports are byte-stable and keys
/// appear in the documented order rather than a dictionary's.
///
/// A JSON audit writes about 48 KB per project in some five thousand small pieces, so
/// the writer is built for many small appends: its bytes live in memory only it can
/// reach (a noncopyable `GrowableBuffer`), an append is a capacity check and a copy, and
/// which open containers already hold an item is one bit each. On a Swift array, every
/// append checks uniqueness and calls into the runtime: a third of a JSON audit.
struct JSONWriter: ~Copyable {
    private var buffer: GrowableBuffer<UInt8>
    private var base: UnsafeMutablePointer<UInt8> { buffer.base }
    private var count: Int {
        get { buffer.count }
        set { buffer.count = newValue }
    }
    /// Bit `n` is set once the container open at depth `n` holds an item, so the next
    /// item needs a comma first. Depth 0 is the top level.
    private var itemBits: UInt64 = 0
    private var depth = 0
    private let pretty: Bool
    /// Extra depth for every line, so a chunk can be written already indented for its
    /// place inside a larger document.
    private let baseDepth: Int

    /// Report layouts nest a handful of levels; the bit set has room for 64.
    private static let maximumDepth = 63

    /// `prefix` is written first, as is: a chunk's leading line break and indentation.
    init(pretty: Bool = true, baseDepth: Int = 0, prefix: StaticString = "", capacity: Int = 8192) {
        self.pretty = pretty
        self.baseDepth = baseDepth
        buffer = GrowableBuffer(capacity: max(capacity, 64))
        emit(prefix)
    }

    /// A writer for items that will be spliced into another writer's object open at
    /// `depth`: the items are laid out exactly as that writer would lay them out, the
    /// first one after a comma when `afterItem` is set.
    init(itemsAtDepth depth: Int, baseDepth: Int, afterItem: Bool) {
        self.init(baseDepth: baseDepth, capacity: 256)
        self.depth = depth
        if afterItem { itemBits |= 1 << UInt64(depth) }
    }

    /// The bytes written so far, as an array.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Continues the innermost open object with items written by an `itemsAtDepth`
    /// writer for this very place.
    mutating func splice(items: UnsafeBufferPointer<UInt8>) {
        guard let start = items.baseAddress, !items.isEmpty else { return }
        append(start, count: items.count)
        itemBits |= 1 << UInt64(depth)
    }

    /// How deep the innermost open container is, and whether it holds an item yet.
    var place: (depth: Int, baseDepth: Int, holdsItem: Bool) { (depth, baseDepth, itemBits & (1 << UInt64(depth)) != 0) }

    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// The bytes written, handed over to a chunk without a copy; the writer is used up.
    consuming func chunk() -> ReportChunk {
        ReportChunk(bytes: ReportChunk.Bytes(buffer))
    }

    // MARK: repeated items

    /// Opens an object as the next item of the open array, like `open()`, and returns
    /// where its bytes start, for `repeatItem` once it is closed.
    mutating func openRecorded() -> Int {
        key(nil)
        let start = count
        openContainer(array: false)
        return start
    }

    /// The number of bytes written so far: the end of a recorded item once it is closed.
    var position: Int { count }

    /// Writes again, as the next item of the open array, an item this writer already
    /// wrote at the same depth (`openRecorded()` up to `position` after its close).
    mutating func repeatItem(_ range: Range<Int>) {
        precondition(range.upperBound <= count, "an item not yet written")
        key(nil)
        buffer.appendCopy(of: range.lowerBound, length: range.count)
    }

    // MARK: values

    mutating func open(_ name: StaticString? = nil, array: Bool = false) {
        key(name)
        openContainer(array: array)
    }

    /// Opens a container under a key that is not known until run time.
    mutating func open(key name: String, array: Bool = false) {
        key(text: name)
        openContainer(array: array)
    }

    private mutating func openContainer(array: Bool) {
        append(array ? UInt8(ascii: "[") : UInt8(ascii: "{"))
        precondition(depth < Self.maximumDepth, "JSON nested deeper than the writer supports")
        depth += 1
        itemBits &= ~(1 << UInt64(depth))
    }

    mutating func close(array: Bool = false) {
        precondition(depth > 0, "closing a container that was never opened")
        let hadItems = itemBits & (1 << UInt64(depth)) != 0
        depth -= 1
        if pretty && hadItems { newline(depth: depth) }
        append(array ? UInt8(ascii: "]") : UInt8(ascii: "}"))
    }

    mutating func string(_ name: StaticString?, _ value: String?) {
        key(name)
        if let value { appendQuoted(value) } else { emit("null") }
    }

    /// A string known to need no escaping, such as a fact path (lowercase letters,
    /// digits, `_` and `.`, checked when packs load), written without the scan.
    mutating func string(_ name: StaticString?, plain value: String) {
        key(name)
        appendQuoted(value, knownPlain: true)
    }

    mutating func number(_ name: StaticString?, _ value: Double?) {
        key(name)
        if let value { appendNumber(value) } else { emit("null") }
    }

    mutating func int(_ name: StaticString?, _ value: Int) {
        key(name)
        appendInt(value)
    }

    mutating func number(key name: String, _ value: Double) {
        key(text: name)
        appendNumber(value)
    }

    mutating func int(key name: String, _ value: Int) {
        key(text: name)
        appendInt(value)
    }

    mutating func bool(_ name: StaticString?, _ value: Bool) {
        key(name)
        emit(value ? "true" : "false")
    }

    mutating func null(_ name: StaticString?) {
        key(name)
        emit("null")
    }

    mutating func strings(_ name: StaticString?, _ values: [String]) {
        open(name, array: true)
        for value in values { string(nil, value) }
        close(array: true)
    }

    /// A fact's value: scalars as JSON scalars, lists on one line (`[1, 2]`), unknown as null.
    mutating func value(_ name: StaticString?, _ value: Value) {
        key(name)
        appendValue(value)
    }

    private mutating func appendValue(_ value: Value) {
        switch value {
        case .null, .unknown: emit("null")
        case .bool(let flag): emit(flag ? "true" : "false")
        case .int(let number): appendInt(number)
        case .number(let number): appendNumber(number)
        case .string(let text): appendQuoted(text)
        case .list(let items):
            append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { emit(", ") }
                appendValue(item)
            }
            append(UInt8(ascii: "]"))
        }
    }

    /// Numbers in `Value.format`'s form; JSON has no infinities or NaN, so those are null.
    private mutating func appendNumber(_ number: Double) {
        reserve(DecimalText.maximumLength)
        if let length = DecimalText.write(number, to: base + count) {
            count += length
        } else if number.isFinite {
            appendText(Value.format(number))
        } else {
            emit("null")
        }
    }

    private mutating func appendInt(_ number: Int) {
        reserve(DecimalText.maximumLength)
        count += DecimalText.write(number, to: base + count)
    }

    // MARK: layout

    /// Keys are string literals, written as they are: they never need escaping. The
    /// separator, line break, indentation and key go out after one capacity check, as
    /// stores through one pointer: this runs for every item of every report.
    @inline(__always)
    private mutating func key(_ name: StaticString?) {
        let bit: UInt64 = 1 << UInt64(depth)
        let comma = itemBits & bit != 0
        itemBits |= bit
        let indent = pretty && depth > 0 ? 2 * (depth + baseDepth) : -1
        let keyLength = name?.utf8CodeUnitCount ?? 0
        reserve(indent + keyLength + 6)
        var cursor = base + count
        if comma {
            cursor.pointee = UInt8(ascii: ",")
            cursor += 1
        }
        if indent >= 0 {
            cursor.pointee = UInt8(ascii: "\n")
            cursor.advanced(by: 1).initialize(repeating: UInt8(ascii: " "), count: indent)
            cursor += 1 + indent
        }
        if let name {
            assert(Self.isPlain(UnsafeBufferPointer(start: name.utf8Start, count: keyLength)), "a key needing escapes")
            cursor.pointee = UInt8(ascii: "\"")
            for offset in 0..<keyLength { cursor[1 + offset] = name.utf8Start[offset] }
            cursor += 1 + keyLength
            cursor.pointee = UInt8(ascii: "\"")
            cursor[1] = UInt8(ascii: ":")
            cursor += 2
            if pretty {
                cursor.pointee = UInt8(ascii: " ")
                cursor += 1
            }
        }
        count = cursor - base
    }

    private mutating func key(text name: String) {
        key(nil)
        appendQuoted(name)
        emit(pretty ? ": " : ":")
    }

    private mutating func newline(depth: Int) {
        let indent = 2 * (depth + baseDepth)
        reserve(1 + indent)
        base[count] = UInt8(ascii: "\n")
        (base + count + 1).initialize(repeating: UInt8(ascii: " "), count: indent)
        count += 1 + indent
    }

    // MARK: bytes

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        buffer.reserve(extra)
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        // Most pieces are a few bytes (a key, a bracket, an indentation): a loop beats
        // the call into memcpy for those.
        if length <= 16 {
            for offset in 0..<length { base[count + offset] = source[offset] }
        } else {
            (base + count).initialize(from: source, count: length)
        }
        count += length
    }

    @inline(__always)
    private mutating func emit(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    private mutating func appendText(_ text: String) {
        var text = text
        text.withUTF8 { append($0.baseAddress!, count: $0.count) }
    }

    /// Appends `value` as a JSON string, escaping quotes, backslashes, control
    /// characters and the two line separators JavaScript treats as line breaks.
    /// `knownPlain` skips the scan for text that cannot need escaping.
    private mutating func appendQuoted(_ value: String, knownPlain: Bool = false) {
        // The string's own bytes where it has them (native strings always do): making a
        // mutable copy for `withUTF8` had retained and released every string written.
        if value.utf8.withContiguousStorageIfAvailable({ appendQuoted(bytes: $0, knownPlain: knownPlain) }) == nil {
            var copy = value
            copy.withUTF8 { appendQuoted(bytes: $0, knownPlain: knownPlain) }
        }
    }

    private mutating func appendQuoted(bytes: UnsafeBufferPointer<UInt8>, knownPlain: Bool) {
        append(UInt8(ascii: "\""))
        assert(!knownPlain || Self.isPlain(bytes), "a plain string needing escapes")
        // Most report text needs no escaping: one scan, eight bytes at a time, then one copy.
        if knownPlain || Self.isPlain(bytes) {
            if let start = bytes.baseAddress { append(start, count: bytes.count) }
        } else {
            appendEscaped(bytes)
        }
        append(UInt8(ascii: "\""))
    }

    /// True when no byte of `bytes` needs escaping: none below 0x20, no quote, no
    /// backslash, and no 0xE2 (the lead byte of U+2028 and U+2029). Words of eight bytes
    /// are tested at once with the zero-byte trick: `(w - 0x01…01) & ~w & 0x80…80` is
    /// non-zero exactly when some byte of `w` is zero, and likewise for "below n".
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var position = 0
        while position + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(start + position).loadUnaligned(as: UInt64.self))
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let separatorLead = word ^ (ones &* 0xE2)
            var found = (word &- ones &* 0x20) & ~word
            found |= (quote &- ones) & ~quote
            found |= (backslash &- ones) & ~backslash
            found |= (separatorLead &- ones) & ~separatorLead
            if found & highs != 0 { return false }
            position += 8
        }
        while position < bytes.count {
            let byte = start[position]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 { return false }
            position += 1
        }
        return true
    }

    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""): emit("\\\"")
            case UInt8(ascii: "\\"): emit("\\\\")
            case UInt8(ascii: "\n"): emit("\\n")
            case UInt8(ascii: "\r"): emit("\\r")
            case UInt8(ascii: "\t"): emit("\\t")
            case 0..<0x20:
                let hex: StaticString = "0123456789abcdef"
                emit("\\u00")
                append(hex.utf8Start[Int(byte >> 4)])
                append(hex.utf8Start[Int(byte & 0xF)])
            case 0xE2 where position + 1 < bytes.count && bytes[position] == 0x80 && (bytes[position + 1] == 0xA8 || bytes[position + 1] == 0xA9):
                emit(bytes[position + 1] == 0xA8 ? "\\u2028" : "\\u2029")
                position += 2
            default:
                append(byte)
            }
        }
    }
}
