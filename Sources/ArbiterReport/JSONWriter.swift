import ArbiterCore

/// A small JSON writer with a fixed key order, so reports are byte-stable and keys
/// appear in the documented order rather than a dictionary's.
struct JSONWriter {
    private(set) var text = ""
    private var needsComma: [Bool] = [false]
    private let pretty: Bool
    /// Extra depth for every line, so a chunk can be written already indented for its
    /// place inside a larger document.
    private let baseDepth: Int

    init(pretty: Bool = true, baseDepth: Int = 0) {
        self.pretty = pretty
        self.baseDepth = baseDepth
        text.reserveCapacity(4096)
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { text += "," }
        if pretty && needsComma.count > 1 { newline(depth: needsComma.count - 1) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func newline(depth: Int) {
        text += "\n"
        for _ in 0..<(depth + baseDepth) { text += "  " }
    }

    private mutating func key(_ name: String?) {
        separator()
        if let name { text += Self.quote(name) + (pretty ? ": " : ":") }
    }

    mutating func open(_ name: String? = nil, array: Bool = false) {
        key(name)
        text += array ? "[" : "{"
        needsComma.append(false)
    }

    mutating func close(array: Bool = false) {
        let hadItems = needsComma.removeLast()
        if pretty && hadItems { newline(depth: needsComma.count - 1) }
        text += array ? "]" : "}"
    }

    mutating func string(_ name: String?, _ value: String?) {
        key(name)
        text += value.map(Self.quote) ?? "null"
    }

    mutating func number(_ name: String?, _ value: Double?) {
        key(name)
        text += value.map(Self.number) ?? "null"
    }

    mutating func int(_ name: String?, _ value: Int) {
        key(name)
        text += String(value)
    }

    mutating func bool(_ name: String?, _ value: Bool) {
        key(name)
        text += value ? "true" : "false"
    }

    mutating func strings(_ name: String?, _ values: [String]) {
        open(name, array: true)
        for value in values { string(nil, value) }
        close(array: true)
    }

    /// Writes raw, already-encoded JSON as one value.
    mutating func raw(_ name: String?, _ json: String) {
        key(name)
        text += json
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return Value.format(value)
    }

    static func quote(_ value: String) -> String {
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

