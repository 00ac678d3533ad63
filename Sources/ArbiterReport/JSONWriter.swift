import ArbiterCore

/// A small JSON writer with a fixed key order, so reports are byte-stable and keys
/// appear in the documented order rather than a dictionary's. It appends UTF-8 bytes:
/// a batch writes tens of megabytes of JSON, and byte appends are far cheaper than
/// string appends.
struct JSONWriter {
    private var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]
    private let pretty: Bool
    /// Extra depth for every line, so a chunk can be written already indented for its
    /// place inside a larger document.
    private let baseDepth: Int

    init(pretty: Bool = true, baseDepth: Int = 0) {
        self.pretty = pretty
        self.baseDepth = baseDepth
        bytes.reserveCapacity(8192)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        if pretty && needsComma.count > 1 { newline(depth: needsComma.count - 1) }
        needsComma[needsComma.count - 1] = true
    }

    /// Padding for indentation: a static string's bytes need no reference counting, so
    /// a line's indentation is one bulk append.
    private static let spaces: StaticString = "                                                                                                                                "

    private mutating func newline(depth: Int) {
        bytes.append(UInt8(ascii: "\n"))
        var width = 2 * (depth + baseDepth)
        while width > 0 {
            let run = min(width, Self.spaces.utf8CodeUnitCount)
            bytes.append(contentsOf: UnsafeBufferPointer(start: Self.spaces.utf8Start, count: run))
            width -= run
        }
    }

    private mutating func key(_ name: String?) {
        separator()
        if let name {
            Self.appendQuoted(name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            if pretty { bytes.append(UInt8(ascii: " ")) }
        }
    }

    mutating func open(_ name: String? = nil, array: Bool = false) {
        key(name)
        bytes.append(array ? UInt8(ascii: "[") : UInt8(ascii: "{"))
        needsComma.append(false)
    }

    mutating func close(array: Bool = false) {
        let hadItems = needsComma.removeLast()
        if pretty && hadItems { newline(depth: needsComma.count - 1) }
        bytes.append(array ? UInt8(ascii: "]") : UInt8(ascii: "}"))
    }

    mutating func string(_ name: String?, _ value: String?) {
        key(name)
        if let value { Self.appendQuoted(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func number(_ name: String?, _ value: Double?) {
        key(name)
        bytes.append(contentsOf: (value.map(Self.number) ?? "null").utf8)
    }

    mutating func int(_ name: String?, _ value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ name: String?, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func strings(_ name: String?, _ values: [String]) {
        open(name, array: true)
        for value in values { string(nil, value) }
        close(array: true)
    }

    /// Writes raw, already-encoded JSON as one value.
    mutating func raw(_ name: String?, _ json: String) {
        key(name)
        bytes.append(contentsOf: json.utf8)
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return Value.format(value)
    }

    static func quote(_ value: String) -> String {
        var out: [UInt8] = []
        appendQuoted(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` as a JSON string, escaping quotes, backslashes, control
    /// characters and the two line separators JavaScript treats as line breaks.
    static func appendQuoted(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most report text needs no escaping: one scan over contiguous bytes, one bulk
        // append. (Scanning through the string's UTF-8 view was a sixth of a JSON audit.)
        var value = value
        let plain = value.withUTF8 { buffer -> Bool in
            for byte in buffer where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 {
                return false
            }
            out.append(contentsOf: buffer)
            return true
        }
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        var utf8 = Array(value.utf8)[...]
        while let byte = utf8.popFirst() {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            case 0xE2 where utf8.count >= 2 && utf8[utf8.startIndex] == 0x80 && (utf8[utf8.startIndex + 1] == 0xA8 || utf8[utf8.startIndex + 1] == 0xA9):
                out.append(contentsOf: (utf8[utf8.startIndex + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                utf8 = utf8.dropFirst(2)
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
