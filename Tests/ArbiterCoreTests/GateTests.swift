import ArbiterCore
import ArbiterYAML
import Testing

struct GateTests {
    static let asOf = EvaluationTests.asOf

    static func waiver(_ rule: String, project: String = "rs-test", expires: String = "2026-06-30") -> Waiver {
        Waiver(project: project, rule: rule, reason: "accepted while the DPIA is redone", approvedBy: "review board",
               expires: CivilDate(expires)!, file: "waivers.yaml", range: .fileStart)
    }

    /// Gates compare bands and severities by rank; ranks must follow declaration order.
    @Test func ranksFollowDeclarationOrder() {
        #expect(Severity.allCases.map(\.rank) == Array(0..<Severity.allCases.count))
        #expect(Band.allCases.map(\.rank) == Array(0..<Band.allCases.count))
        #expect(Severity.allCases.sorted() == Severity.allCases)
        #expect(Band.critical > .high && Band.high > .moderate && Band.moderate > .low)
    }

    @Test func appliedExpiredAndStaleWaivers() throws {
        var project = try EvaluationTests.evaluate()
        let book = WaiverBook(waivers: [
            Self.waiver("S-BIO-001"),                                  // applies
            Self.waiver("S-PUR-001", expires: "2025-12-31"),           // expired the day before
            Self.waiver("S-GOV-001", project: "another-project"),      // matches nothing: stale
        ], asOf: Self.asOf)
        let matched = book.apply(to: &project)
        let findings = project.packs[0].findings
        #expect(findings.first { $0.rule == "S-BIO-001" }?.status == .waived)
        #expect(findings.first { $0.rule == "S-PUR-001" }?.status == .unknown)
        #expect(findings.first { $0.rule == "S-PUR-001" }?.waiver?.state == .expired)
        let outcomes = book.outcomes(matchCounts: Dictionary(uniqueKeysWithValues: matched.map { ($0, 1) }))
        #expect(outcomes.map(\.state) == [.applied, .expired, .stale])
        // A waived finding does not change the risk score.
        #expect(project.packs[0].score == 50)
    }

    @Test func waiverIsValidThroughItsExpiryDay() {
        #expect(!Self.waiver("X", expires: "2026-01-01").isExpired(asOf: Self.asOf))
        #expect(Self.waiver("X", expires: "2025-12-31").isExpired(asOf: Self.asOf))
    }

    @Test func gateFailsOnBandAndSeverityWithEveryReason() throws {
        let project = try EvaluationTests.evaluate()
        let decision = Gate.decide(project, policy: GatePolicy(unknown: .worst), baseline: nil)
        #expect(!decision.passed)
        // Gate score leaves out the advisory S-GOV-001 (30) and, with unknown: worst, adds
        // the unknown S-PUR-001 (30): 20 + 30 = 50 -> high.
        #expect(decision.reasons == [
            "sample: band high (worst case 50) reaches --fail-on high",
            "S-BIO-001 [critical] fired: Facial recognition across public space",
        ])
    }

    @Test func unknownBestIgnoresMissingFacts() throws {
        let project = try EvaluationTests.evaluate()
        let decision = Gate.decide(project, policy: GatePolicy(failOn: .high, failOnSeverity: nil, unknown: .best), baseline: nil)
        #expect(decision.passed, "\(decision.reasons)")
    }

    @Test func waivedFindingsDoNotFailTheGate() throws {
        var project = try EvaluationTests.evaluate()
        _ = WaiverBook(waivers: [Self.waiver("S-BIO-001"), Self.waiver("S-PUR-001")], asOf: Self.asOf).apply(to: &project)
        let decision = Gate.decide(project, policy: GatePolicy(unknown: .worst), baseline: nil)
        #expect(decision.passed, "\(decision.reasons)")
    }

    /// The default gate fails on what is known (the fired critical S-BIO-001) and warns
    /// about the rest; the unknown high S-PUR-001 fails it only once `--fail-on-unknown`
    /// reaches high, and the advisory S-GOV-001 never does.
    @Test func decisiveGateWarnsAboutUnknownsBelowItsSeverity() throws {
        let project = try EvaluationTests.evaluate()
        let decision = Gate.decide(project, policy: GatePolicy(), baseline: nil)
        #expect(decision.reasons == ["S-BIO-001 [critical] fired: Facial recognition across public space"])
        #expect(decision.warnings.map(\.rule) == ["S-PUR-001"])
        let strict = Gate.decide(project, policy: GatePolicy(failOnSeverity: nil, failOnUnknown: .high), baseline: nil)
        #expect(strict.reasons.count == 1 && strict.reasons[0].hasPrefix("S-PUR-001 [high] is unknown (missing: surveillance.purposes)"))
        #expect(strict.causeClasses == [.missingFacts])
        let lenient = Gate.decide(project, policy: GatePolicy(failOnSeverity: nil, failOnUnknown: nil), baseline: nil)
        #expect(lenient.passed, "\(lenient.reasons)")
        let floor = Gate.decide(project, policy: GatePolicy(failOnSeverity: nil, minCompleteness: 0.9), baseline: nil)
        #expect(floor.reasons.count == 1 && floor.reasons[0].contains("below --min-completeness 0.9"))
    }

    @Test func baselineFailsOnlyOnWhatIsNew() throws {
        let project = try EvaluationTests.evaluate()
        let known = Baseline.Project(bands: ["sample": .high], rules: ["S-BIO-001"])
        #expect(Gate.decide(project, policy: GatePolicy(unknown: .worst), baseline: known).passed)
        let older = Baseline.Project(bands: ["sample": .moderate], rules: [])
        let decision = Gate.decide(project, policy: GatePolicy(unknown: .worst), baseline: older)
        #expect(decision.reasons == [
            "sample: band rose to high (worst case 50; was moderate)",
            "S-BIO-001 [critical] fired: Facial recognition across public space",
        ])
    }

    @Test func waiverFileIsCheckedField(){
        let text = """
            waivers:
              - project: rs-test
                rule: S-BIO-01
                reason: r
                expires: 2026-02-30
            """
        let document = try! YAMLLoader().load(file: "w.yaml", text: text).get()
        guard case .failure(let error) = WaiverDecoder().decode(document, knownRules: ["S-BIO-001"]) else {
            Issue.record("accepted")
            return
        }
        #expect(error.diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.code)" } == [
            "2:5 waiver.missing-field", "3:11 waiver.unknown-rule", "5:14 waiver.invalid-date",
        ])
    }
}

/// Each reason the gate gives carries its class, so a board can tell known risk from
/// missing facts.
struct GateCauseTests {
    @Test func knownRiskMissingFactsAndFindingsAreTold() throws {
        let ruleSet = try ShippedPackPropertyTests.shippedRuleSet()
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate("2026-06-01")!)
        let cases = try ShippedPackPropertyTests.realCases(ruleSet)
        let belgrade = try #require(cases.first { $0.id == "rs-belgrade-safe-city" })
        let decision = Gate.decide(evaluator.evaluate(belgrade), policy: GatePolicy(), baseline: nil)
        #expect(!decision.passed)
        #expect(decision.causes.count == decision.reasons.count)
        #expect(decision.causeClasses == [.knownRisk, .finding, .missingFacts])
        let known = Gate.decide(evaluator.evaluate(belgrade), policy: GatePolicy(failOn: .high, failOnSeverity: nil, unknown: .best), baseline: nil)
        #expect(known.causeClasses == [.knownRisk])
        let norwich = try #require(cases.first { $0.id == "gb-norwich-cctv" })
        #expect(Gate.decide(evaluator.evaluate(norwich), policy: GatePolicy(unknown: .worst), baseline: nil).causeClasses == [.missingFacts])
    }
}
