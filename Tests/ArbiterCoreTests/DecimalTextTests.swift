import ArbiterCore
import Testing

/// `Value.format` writes every number in messages and reports; its digits come from
/// `DecimalText`, checked here at the edges of its fast form.
struct DecimalTextTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (2.5, "2.5"), (-2.5, "-2.5"), (40, "40"), (0.125, "0.125"), (0.05, "0.05"),
        (0.0004, "0"), (-0.0004, "0"), (0.0005, "0.001"), (1234567.0009, "1234567.001"), (99.9996, "100"),
        (8_999_999_999_999.5, "8999999999999.5"), (1e16, "1e+16"), (-1e16, "-1e+16"),
        (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"),
    ] as [(Double, String)])
    func formatsDoubles(_ number: Double, _ expected: String) {
        #expect(Value.format(number) == expected)
    }

    @Test(arguments: [0, 7, -7, 10, 1_000_000, Int.max, Int.min])
    func writesIntegersAsSwiftDoes(_ number: Int) {
        let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: DecimalText.maximumLength) { buffer in
            let length = DecimalText.write(number, to: buffer.baseAddress!)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
        }
        #expect(text == String(number))
    }
}
