import ArbiterCore
import ArbiterYAML
import Testing

/// Case files for `arbiter test`: a misshapen file is reported, never read as a file
/// with nothing to check.
struct BandExpectationDecoderTests {
    static func decode(_ text: String) throws -> Result<[BandExpectation], DiagnosticError> {
        let document = try YAMLLoader().load(file: "cases.yaml", bytes: Array(text.utf8)).get()
        return BandExpectationDecoder().decode(document, knownPacks: ["debt-risk"])
    }

    @Test func readsACase() throws {
        let cases = try Self.decode("cases:\n  - {dossier: a.yaml, expect: {debt-risk: [high, critical]}, reason: why}\n").get()
        #expect(cases.count == 1)
        #expect(cases.first?.bands.first?.1 == ["high", "critical"])
    }

    @Test func readsInsufficientDataAsAnExpectedVerdict() throws {
        let cases = try Self.decode("cases:\n  - {dossier: a.yaml, expect: {debt-risk: insufficient-data}, reason: why}\n").get()
        #expect(cases.first?.bands.first?.1 == ["insufficient-data"])
        guard case .failure(let error) = try Self.decode("cases:\n  - {dossier: a.yaml, expect: {debt-risk: unknown}, reason: why}\n") else {
            Issue.record("accepted an expected band that is not one")
            return
        }
        #expect(error.diagnostics.map(\.code) == ["test.invalid-band"])
    }

    @Test(arguments: [
        ("cases: {dossier: a.yaml}\n", "1:8 test.wrong-type"),
        ("cases:\n  - {dossier: a.yaml, expect: high, reason: why}\n", "2:31 test.wrong-type"),
    ])
    func reportsAMisshapenFile(_ text: String, _ expected: String) throws {
        guard case .failure(let error) = try Self.decode(text) else {
            Issue.record("accepted: \(text)")
            return
        }
        #expect(error.diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.code)" } == [expected])
    }
}
