/// JSON as the YAML loader reads it. JSON is YAML 1.2 except for one thing: JSON writes a
/// character outside the Basic Multilingual Plane as a pair of `\u` surrogate escapes
/// (Python's `json.dumps` does so for every emoji), which YAML, whose escapes name
/// characters and not UTF-16 units, rejects. Rewriting each pair as the one `\U` escape
/// YAML has for it lets a JSON body mean what its writer meant.
package enum JSONText {
    /// `bytes` with every surrogate pair escape inside a string rewritten as one `\U`
    /// escape of eight hexadecimal digits.
    /// A lone surrogate is left alone, for the loader to report.
    package static func yamlCompatible(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "\\")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if !inString {
                if byte == UInt8(ascii: "\"") { inString = true }
                out.append(byte)
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = false
            } else if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                if let high = unit(bytes, at: index), (0xD800...0xDBFF).contains(high),
                   let low = unit(bytes, at: index + 6), (0xDC00...0xDFFF).contains(low) {
                    let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    out += Array("\\U".utf8) + hex(scalar, digits: 8)
                    index += 12
                    continue
                }
                // Any other escape is copied whole, so an escaped quote never ends the string.
                out.append(byte)
                out.append(bytes[index + 1])
                index += 2
                continue
            }
            out.append(byte)
            index += 1
        }
        return out
    }

    /// The value of a `\u` escape (four hexadecimal digits) starting at `index`, if there is one.
    private static func unit(_ bytes: [UInt8], at index: Int) -> Int? {
        guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
        var value = 0
        for byte in bytes[(index + 2)..<(index + 6)] {
            guard let digit = hexDigit(byte) else { return nil }
            value = value * 16 + digit
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    private static func hex(_ value: Int, digits: Int) -> [UInt8] {
        let alphabet = Array("0123456789ABCDEF".utf8)
        return (0..<digits).reversed().map { alphabet[(value >> ($0 * 4)) & 0xF] }
    }
}
