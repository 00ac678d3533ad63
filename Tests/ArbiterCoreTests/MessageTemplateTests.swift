@testable import ArbiterCore
import Testing

/// Messages are split into text and `{expression}` parts on their bytes; offsets still
/// count Unicode scalars, as diagnostics do.
struct MessageTemplateTests {
    @Test func splitsTextAndExpressionsWithScalarOffsets() throws {
        let pieces = try MessageTemplate.split("Rétention {data.retention_days} j, {{brut}} {x}").get()
        #expect(pieces.map(\.text) == ["Rétention ", "data.retention_days", " j, {brut} ", "x"])
        #expect(pieces.map(\.isExpression) == [false, true, false, true])
        // "Rétention {" is 11 scalars (é is one), though 12 bytes.
        #expect(pieces[1].offset == 11)
        #expect(pieces[3].offset == 45)
    }

    @Test(arguments: [("é } x", 2, "'}' without a matching '{' in the message"), ("ü {x", 2, "'{' is not closed in the message")])
    func reportsUnbalancedBracesAtTheirScalar(_ message: String, _ offset: Int, _ text: String) {
        guard case .failure(let error) = MessageTemplate.split(message) else {
            Issue.record("'\(message)' was accepted")
            return
        }
        #expect(error.offsets == offset..<offset + 1)
        #expect(error.message == text)
    }
}
