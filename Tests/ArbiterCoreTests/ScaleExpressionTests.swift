import ArbiterCore
import ArbiterYAML
import Testing

/// `scale.by` is any numeric expression: checked at load like `when`, unknown when a
/// fact it reads is unknown, and exact between its bounds.
struct ScaleExpressionTests {
    static func pack(scale: String) -> String {
        """
        pack: ratio
        version: 1.0.0
        title: Ratio
        inputs:
          loan.amount: {type: number, min: 0, doc: Loan}
          economy.gdp: {type: number, min: 0, doc: GDP}
          loan.name: {type: string, doc: Name}
        rules:
          - id: R-1
            title: Large loan
            category: size
            severity: high
            weight: 10
            when: loan.amount > 0
            scale: \(scale)
            rationale: Size matters.
            references: [r]
            mitigations: [Borrow less]
        references:
          r: {title: Ref, url: "https://example.org/ref"}
        """
    }

    static func finding(_ facts: String) throws -> Finding {
        let ruleSet = try Fixtures.ruleSet([("ratio.yaml", pack(scale: #"{by: "loan.amount / economy.gdp * 100", from: 5, to: 20}"#))]).get()
        let dossier = try DossierLoader(schema: ruleSet.schema).load(path: "d.yaml", bytes: Array("id: d\nname: D\n\(facts)".utf8)).get()
        let result = Evaluator(ruleSet: ruleSet, asOf: CivilDate("2026-12-01")!).evaluate(dossier)
        return try #require(result.packs.first?.findings.first)
    }

    @Test(arguments: [
        ("loan: {amount: 5}\neconomy: {gdp: 100}", 0.0),
        ("loan: {amount: 12.5}\neconomy: {gdp: 100}", 5.0),
        ("loan: {amount: 20}\neconomy: {gdp: 100}", 10.0),
        ("loan: {amount: 60}\neconomy: {gdp: 100}", 10.0),
        ("loan: {amount: 1}\neconomy: {gdp: 100}", 0.0),
    ])
    func contributesExactlyBetweenItsBounds(_ facts: String, _ contribution: Double) throws {
        let finding = try Self.finding(facts)
        #expect(finding.outcome == .fired)
        #expect(abs(finding.contribution - contribution) < 1e-9)
    }

    @Test func isUnknownWhenAFactItReadsIsUnknown() throws {
        let finding = try Self.finding("loan: {amount: 12.5}")
        #expect(finding.outcome == .fired)
        #expect(finding.contribution == 0)
        #expect(finding.maxContribution == 10)
        #expect(finding.missing == ["economy.gdp"])
        #expect(finding.evidence.map(\.path) == ["loan.amount"])
    }

    @Test func listsEveryFactItReadAsEvidence() throws {
        let finding = try Self.finding("loan: {amount: 12.5}\neconomy: {gdp: 100}")
        #expect(Set(finding.evidence.map(\.path)) == ["loan.amount", "economy.gdp"])
    }

    @Test(arguments: [
        (#"{by: "loan.name", from: 0, to: 1}"#, "pack.invalid-scale", 15, 17),
        (#"{by: "loan.amount / economy.gpd", from: 0, to: 1}"#, "expr.unknown-path", 15, 32),
        (#"{by: "loan.amount >", from: 0, to: 1}"#, "expr.syntax", 15, 31),
    ])
    func reportsAProblemAtItsColumn(_ scale: String, _ code: String, _ line: Int, _ column: Int) throws {
        guard case .failure(let error) = Fixtures.ruleSet([("ratio.yaml", Self.pack(scale: scale))]) else {
            Issue.record("accepted \(scale)")
            return
        }
        #expect(error.diagnostics.map { "\($0.code) \($0.range.start.line):\($0.range.start.column)" } == ["\(code) \(line):\(column)"])
    }
}
