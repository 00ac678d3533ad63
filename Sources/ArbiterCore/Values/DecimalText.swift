/// Decimal text for numbers, written straight into a caller's bytes.
///
/// Reports print several numbers per finding (weights, contributions, lines and
/// columns). Building each one as a `String` from pieces had cost hundreds of
/// instructions and several allocations; writing digits into a small buffer costs a
/// few dozen and none.
public enum DecimalText {
    /// The most bytes `write` produces: a sign and 20 digits for an `Int`; a sign, 13
    /// digits, a point and 3 decimals for a `Double`.
    public static let maximumLength = 24

    /// Writes `number` with at most three decimals and no trailing zeros (`2.5`, `40`,
    /// `0.125`), the form `Value.format` documents. Returns the number of bytes, or nil
    /// when the number is not finite or too large for that form.
    package static func write(_ number: Double, to out: UnsafeMutablePointer<UInt8>) -> Int? {
        guard number.isFinite else { return nil }
        let scaled = (number * 1000).rounded()
        // Beyond 2^53 / 1000 the thousandths are no longer exact.
        guard abs(scaled) < 9e15 else { return nil }
        let whole = Int(scaled)
        var length = 0
        if whole < 0 {
            out[0] = UInt8(ascii: "-")
            length = 1
        }
        let magnitude = whole.magnitude
        length += writeDigits(magnitude / 1000, to: out + length)
        var fraction = magnitude % 1000
        guard fraction != 0 else { return length }
        out[length] = UInt8(ascii: ".")
        length += 1
        var divisor: UInt = 100
        while fraction != 0 {
            out[length] = UInt8(ascii: "0") + UInt8(fraction / divisor)
            length += 1
            fraction %= divisor
            divisor /= 10
        }
        return length
    }

    /// Writes `integer` in decimal and returns the number of bytes.
    package static func write(_ integer: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if integer < 0 {
            out[0] = UInt8(ascii: "-")
            return 1 + writeDigits(integer.magnitude, to: out + 1)
        }
        return writeDigits(integer.magnitude, to: out)
    }

    /// The digits of `value`, most significant first, with no sign.
    private static func writeDigits(_ value: UInt, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 1
        var rest = value / 10
        while rest != 0 {
            count += 1
            rest /= 10
        }
        var remaining = value
        for position in stride(from: count - 1, through: 0, by: -1) {
            out[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        return count
    }
}
