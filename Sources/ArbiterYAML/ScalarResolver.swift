import ArbiterCore

/// Resolves plain scalars by the YAML 1.2 core schema, straight from their bytes so
/// that numbers and booleans never allocate a string.
///
/// Only `true`/`false` are booleans: `yes`, `no`, `on` and `off` stay strings, which
/// is what an analyst who writes `status: on` means.
enum ScalarResolver {
    enum Resolution {
        /// Plain data only, so returning it costs no reference counting.
        case value(NodeStoreBuilder.Scalar)
        case string
        /// Looks like an integer but does not fit in 64 bits.
        case outOfRange
    }

    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Resolution {
        let count = bytes.count
        if count == 0 { return .value(.null) }
        let first = bytes[0]
        // Fast exit: most strings start with a letter that no special form starts with.
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"),
             UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            break
        default:
            return .string
        }
        switch count {
        case 1 where first == UInt8(ascii: "~"):
            return .value(.null)
        case 4:
            if equals(bytes, "null") || equals(bytes, "Null") || equals(bytes, "NULL") { return .value(.null) }
            if equals(bytes, "true") || equals(bytes, "True") || equals(bytes, "TRUE") { return .value(.bool(true)) }
            if equals(bytes, ".inf") || equals(bytes, ".Inf") || equals(bytes, ".INF") { return .value(.float(.infinity)) }
            if equals(bytes, ".nan") || equals(bytes, ".NaN") || equals(bytes, ".NAN") { return .value(.float(.nan)) }
        case 5:
            if equals(bytes, "false") || equals(bytes, "False") || equals(bytes, "FALSE") { return .value(.bool(false)) }
            if equals(bytes, "+.inf") || equals(bytes, "+.Inf") || equals(bytes, "+.INF") { return .value(.float(.infinity)) }
            if equals(bytes, "-.inf") || equals(bytes, "-.Inf") || equals(bytes, "-.INF") { return .value(.float(-.infinity)) }
        default:
            break
        }
        if count > 2, first == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") { return radixInt(bytes, from: 2, radix: 8) }
            if bytes[1] == UInt8(ascii: "x") { return radixInt(bytes, from: 2, radix: 16) }
        }
        return decimal(bytes)
    }

    /// Compares without allocating: this runs for every plain scalar in every file.
    @inline(__always)
    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard word.utf8CodeUnitCount == bytes.count else { return false }
        let pointer = word.utf8Start
        for index in 0..<bytes.count where bytes[index] != pointer[index] { return false }
        return true
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }

    private static func radixInt(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, radix: Int) -> Resolution {
        var value = 0
        for index in start..<bytes.count {
            guard let digit = digitValue(bytes[index]), digit < radix else { return .string }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflowB) = shifted.addingReportingOverflow(digit)
            if overflowA || overflowB { return .outOfRange }
            value = sum
        }
        return .value(.int(value))
    }

    /// `[-+]?[0-9]+` is an int; `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` a float.
    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Resolution {
        var index = 0
        let count = bytes.count
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var intDigits = 0
        var value = 0
        var overflow = false
        while index < count, let digit = decimalDigit(bytes[index]) {
            if !overflow {
                let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = negative
                    ? shifted.subtractingReportingOverflow(digit)
                    : shifted.addingReportingOverflow(digit)
                overflow = overflowA || overflowB
                value = sum
            }
            intDigits += 1
            index += 1
        }
        if index == count {
            guard intDigits > 0 else { return .string }
            return overflow ? .outOfRange : .value(.int(value))
        }
        var fractionDigits = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, decimalDigit(bytes[index]) != nil {
                fractionDigits += 1
                index += 1
            }
        }
        guard intDigits + fractionDigits > 0 else { return .string }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var exponentDigits = 0
            while index < count, decimalDigit(bytes[index]) != nil {
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return .string }
        }
        guard index == count else { return .string }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let double = Double(text) else { return .string }
        return .value(.float(double))
    }

    private static func decimalDigit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// Applies an explicit core tag such as `!!int` to a scalar's text.
    static func resolveTagged(_ text: String, bytes: UnsafeBufferPointer<UInt8>, tag: CoreTag) -> Node.Value? {
        switch tag {
        case .str: return .string(text)
        case .null:
            if case .value(.null) = resolvePlain(bytes) { return .null }
            return nil
        case .bool:
            if case .value(.bool(let flag)) = resolvePlain(bytes) { return .bool(flag) }
            return nil
        case .int:
            if case .value(.int(let number)) = resolvePlain(bytes) { return .int(number) }
            return nil
        case .float:
            switch resolvePlain(bytes) {
            case .value(.float(let number)): return .float(number)
            case .value(.int(let number)): return .float(Double(number))
            default: return nil
            }
        case .map, .seq: return nil
        }
    }
}

/// The tags of the YAML 1.2 core schema; any other tag is refused.
enum CoreTag: String {
    case str, null, bool, int, float, map, seq

    init?(uri: String) {
        let prefix = "tag:yaml.org,2002:"
        guard uri.hasPrefix(prefix) else { return nil }
        self.init(rawValue: String(uri.dropFirst(prefix.count)))
    }
}
