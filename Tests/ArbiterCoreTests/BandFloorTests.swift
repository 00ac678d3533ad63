import ArbiterCore
import ArbiterYAML
import Testing

/// The verdicts the shipped packs must give whatever the weighted score: decisive
/// breaches set a floor under the band, and too little data is a verdict of its own.
struct BandFloorTests {
    static let ruleSet = Result { try ShippedPackPropertyTests.shippedRuleSet() }

    static func evaluate(_ yaml: String) throws -> ProjectResult {
        let ruleSet = try Self.ruleSet.get()
        let dossier = try DossierLoader(schema: ruleSet.schema).load(path: "case.yaml", bytes: Array(yaml.utf8)).get()
        return Evaluator(ruleSet: ruleSet, asOf: CivilDate("2026-12-01")!).evaluate(dossier)
    }

    static func pack(_ id: String, of result: ProjectResult) throws -> PackResult {
        try #require(result.packs.first { $0.pack == id })
    }

    /// Live identification in public space with no statute is critical by a floor, though
    /// its points (two critical rules and the capability) stay far below critical's 120.
    @Test func norwichWithLiveRecognitionAndNoLawIsCritical() throws {
        var text = String(decoding: try Fixtures.bytes("Fixtures/projects/gb-norwich-cctv.yaml"), as: UTF8.self)
        for (from, to) in [("realtime_identification: false", "realtime_identification: true"),
                           ("facial_recognition: false", "facial_recognition: true"),
                           ("legal_basis: statute", "legal_basis: none")] {
            #expect(text.contains(from), "the Norwich dossier no longer says \(from)")
            text = text.replacingOccurrences(of: from, with: to)
        }
        let result = try Self.pack("digital-authoritarianism", of: try Self.evaluate(text))
        #expect(result.band == .critical)
        #expect(result.bands.band(of: result.score) < .critical, "the score alone now reaches critical; the test no longer shows the floor")
        #expect(result.floor?.band == .critical)
    }

    @Test func documentedMisuseAloneIsAtLeastHigh() throws {
        let result = try Self.pack("digital-authoritarianism", of: try Self.evaluate("""
            id: misuse
            name: Misuse only
            surveillance: {deployment: city-wide}
            governance: {documented_misuse: true}
            """))
        #expect(result.band >= .high)
        #expect(result.floor?.rules == ["DA-MIS-001"])
        #expect(result.floor?.reason == "a critical rule fired")
    }

    @Test func defaultWithNonConcessionalTermsIsCritical() throws {
        let result = try Self.pack("debt-risk", of: try Self.evaluate("""
            id: default
            name: Default and dear
            financing: {lender_type: policy-bank, grant_element_pct: -5}
            country_context: {in_default: true}
            """))
        #expect(result.band == .critical)
        #expect(result.floor?.rules == ["DR-DIS-002", "DR-CON-001"])
    }

    @Test func liveMatchingAloneIsAtLeastHighAndCriticalInTheWorstCase() throws {
        let result = try Self.pack("digital-authoritarianism", of: try Self.evaluate("""
            id: live
            name: Live matching only
            surveillance: {deployment: public-spaces, realtime_identification: true}
            """))
        #expect(result.band >= .high)
        // Without a known statute or authorisation, live identification could meet the
        // declared conjunction: the worst case says so.
        #expect(result.worstBand == .critical)
        #expect(result.findings.first { $0.rule == "DA-LEG-001" }?.outcome == .unknown, "live matching implies the capability LEG-001 reads")
    }

    @Test func aFloorNeverLowersTheBandOfTheScore() throws {
        let result = try Self.pack("digital-authoritarianism", of: try Self.evaluate(
            String(decoding: try Fixtures.bytes("Fixtures/projects/rs-belgrade-safe-city.yaml"), as: UTF8.self)))
        #expect(result.band >= result.bands.band(of: result.score))
        #expect(result.worstBand >= result.band)
    }

    @Test func tooLittleDataIsAVerdictNotALowBand() throws {
        let result = try Self.pack("debt-risk", of: try Self.evaluate("""
            id: thin
            name: Almost nothing known
            financing: {lender_type: policy-bank}
            """))
        #expect(result.band == .low)
        #expect(result.isInsufficientData)
        #expect(result.verdict == "insufficient-data")
        // A fired breach is a verdict even with little known: more facts can only raise it.
        let breach = try Self.pack("debt-risk", of: try Self.evaluate("""
            id: thin-default
            name: Little known but in default
            financing: {lender_type: policy-bank}
            country_context: {in_default: true}
            """))
        #expect(!breach.isInsufficientData)
        #expect(breach.verdict == "high")
    }

    @Test func theGateTreatsInsufficientDataAsUnknown() throws {
        var result = try Self.evaluate("""
            id: thin
            name: Almost nothing known
            financing: {lender_type: policy-bank}
            surveillance: {deployment: none}
            """)
        result.gate = Gate.decide(result, policy: GatePolicy(failOn: .critical, failOnSeverity: nil, unknown: .worst), baseline: nil)
        #expect(result.gate?.passed == false)
        #expect(result.gate?.reasons.contains { $0.contains("insufficient data") } == true)
        result.gate = Gate.decide(result, policy: GatePolicy(failOn: .critical, failOnSeverity: nil, unknown: .best), baseline: nil)
        #expect(result.gate?.passed == true)
    }
}
