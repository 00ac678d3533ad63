@testable import ArbiterCore
import ArbiterEngine
import Foundation
import Testing

/// The planner's answers hold when checked the long way: a plan's options, applied
/// with the ordinary pipeline, give the verdict it promised; a fact's reported range is
/// what trying far more values than the planner tries gives.
struct PlannerTests {
    static let session: ScoringSession = try! ScoringSessionTests.session()

    static func dossiers() throws -> [Dossier] {
        try ScoringSessionTests.projects().map { try session.decode(bytes: $0.bytes, name: $0.name).get() }
    }

    @Test(arguments: [Band.moderate, .low])
    func plansGiveTheVerdictTheyPromiseWhenApplied(_ target: Band) throws {
        var reachedSomewhere = false
        for dossier in try Self.dossiers() {
            for unknown in GatePolicy.UnknownTreatment.allCases {
                let plan = ProjectPlan.make(dossier, ruleSet: Self.session.ruleSet, asOf: ScoringSessionTests.asOf, collect: false,
                                            target: target, unknown: unknown)
                for pack in plan.packs {
                    let mitigation = try #require(pack.plan)
                    guard let last = mitigation.steps.last else {
                        #expect(mitigation.reached == ((unknown == .worst ? pack.start.worstBand : pack.start.band) <= target))
                        continue
                    }
                    // The options the plan prints, read back as a user's --set options would be.
                    let options = mitigation.steps.flatMap(\.changes).map(\.assignment)
                    let overrides = try FactOverrideParser.parse(set: options, unset: [], schema: Self.session.ruleSet.schema).get()
                    let outcome = Self.session.evaluate(dossier, overrides: overrides)
                    let result = try #require(outcome.project.packs.first { $0.pack == pack.id })
                    #expect(result.score == last.after.score && result.worst == last.after.worst, "\(dossier.id) \(pack.id)")
                    #expect(result.band == last.after.band && result.worstBand == last.after.worstBand, "\(dossier.id) \(pack.id)")
                    #expect(mitigation.reached == ((unknown == .worst ? result.worstBand : result.band) <= target))
                    reachedSomewhere = reachedSomewhere || mitigation.reached
                    // Steps only ever lower the measure the target applies to.
                    var previous = unknown == .worst ? pack.start.worst : pack.start.score
                    for step in mitigation.steps {
                        let now = unknown == .worst ? step.after.worst : step.after.score
                        #expect(now <= previous, "\(dossier.id) \(pack.id) \(step.rule)")
                        previous = now
                    }
                }
            }
        }
        #expect(reachedSomewhere)
    }

    /// An exact plan is a smallest one: no set with one lever fewer reaches the target.
    @Test func anExactPlanHasNoSmallerAnswer() throws {
        let belgrade = try Self.dossiers().first { $0.id == "rs-belgrade-safe-city" }!
        let planner = Planner(ruleSet: Self.session.ruleSet, asOf: ScoringSessionTests.asOf)
        let plan = try #require(planner.plan(belgrade, pack: "digital-authoritarianism", target: .moderate, unknown: .best))
        #expect(plan.method == .exact && plan.reached && plan.steps.count == 2)
        let rules = Self.session.ruleSet.packs.first { $0.id == "digital-authoritarianism" }!.rules
        for rule in rules {
            for lever in rule.levers where lever.isLever {
                let result = planner.evaluator.evaluate(belgrade.applying(lever.changes)).packs.first { $0.pack == "digital-authoritarianism" }!
                #expect(result.band > .moderate, "\(rule.id) alone reaches the target, so a plan of one step exists")
            }
        }
    }

    /// Brute force over many more values than the planner tries confirms each exact
    /// fact's lowest and highest score and worst case.
    @Test func factRangesMatchABruteForceSearch() throws {
        let schema = Self.session.ruleSet.schema
        let planner = Planner(ruleSet: Self.session.ruleSet, asOf: ScoringSessionTests.asOf)
        var checked = 0
        for dossier in try Self.dossiers() {
            for pack in Self.session.ruleSet.packs {
                for fact in planner.factsToCollect(dossier, pack: pack.id) where fact.exact {
                    let values = Self.bruteForce(schema.declarations[fact.slot])
                    // Free text has no finite set of values; its candidates are the literals.
                    if values.isEmpty { continue }
                    var low = Double.infinity, high = -Double.infinity, lowWorst = Double.infinity, highWorst = -Double.infinity
                    for value in values {
                        let variant = dossier.applying([FactOverride(path: fact.path, slot: fact.slot, value: value)])
                        let result = planner.evaluator.evaluate(variant).packs.first { $0.pack == pack.id }!
                        low = min(low, result.score)
                        high = max(high, result.score)
                        lowWorst = min(lowWorst, result.worst)
                        highWorst = max(highWorst, result.worst)
                    }
                    #expect(fact.lowestScore == low && fact.highestScore == high, "\(dossier.id) \(fact.path)")
                    #expect(fact.lowestWorst == lowWorst && fact.highestWorst == highWorst, "\(dossier.id) \(fact.path)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    /// Every value a fact of this declaration can take, or a dense sweep of them.
    static func bruteForce(_ declaration: InputDeclaration) -> [Value] {
        let low = declaration.minimum ?? -50, high = declaration.maximum ?? 5_000
        switch declaration.type {
        case .bool: return [.bool(true), .bool(false)]
        case .enumeration(let values): return values.map(Value.string)
        case .country: return CountryCode.assigned.sorted().map(Value.string)
        case .int:
            let dense = stride(from: Int(low), through: Int(min(high, 1_100)), by: 1).map(Value.int)
            return dense + stride(from: 1_101, through: Int(min(high, 20_000)), by: 37).map(Value.int)
        case .number:
            let dense = stride(from: low, through: min(high, 200), by: 0.25).map(Value.number)
            return dense + stride(from: 200, through: min(high, 20_000), by: 7.5).map(Value.number)
        case .date:
            let today = ScoringSessionTests.asOf.dayNumber
            return stride(from: today - 12_000, through: today + 400, by: 1).compactMap { CivilDate(dayNumber: $0) }.map { .string($0.description) }
        case .list(.enumeration(let values)):
            // Every subset of the declared values.
            return (0..<(1 << values.count)).map { mask in .list(values.indices.filter { mask & (1 << $0) != 0 }.map { .string(values[$0]) }) }
        default: return []
        }
    }

    @Test func leversAreCheckedWhenThePackLoads() {
        let pack = """
            pack: p
            version: 1.0.0
            title: P
            description: A pack
            bands: {moderate: 25, high: 50, critical: 75}
            references: {r: {title: R, url: "https://example.org/r"}}
            inputs:
              a.flag: {type: bool, doc: a flag}
              a.mode: {type: enum, values: [one, two], doc: a mode}
            rules:
              - id: P-1
                title: Flag
                category: c
                severity: high
                weight: 10
                when: a.flag and a.mode == "one"
                message: m
                rationale: r
                references: [r]
                mitigations:
                  - {text: Clear the flag, set: {a.flga: false}}
                  - {text: Change the mode, set: {a.mode: three}}
                  - {text: No facts, set: {}}
                  - 42
                examples:
                  fires: [{a: {flag: true, mode: one}}]
                  passes: [{a: {flag: false, mode: one}}]
            """
        guard case .failure(let problems) = ScoringSession.make(packs: [("p.yaml", Array(pack.utf8))], options: SessionOptions(asOf: ScoringSessionTests.asOf)) else {
            Issue.record("a pack with broken levers loaded")
            return
        }
        let lines = problems.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("p.yaml:21:") && $0.contains("sets 'a.flga'") })
        #expect(problems.rendered().contains("did you mean 'a.flag'?"))
        #expect(lines.contains { $0.hasPrefix("p.yaml:22:") && $0.contains("three") })
        #expect(lines.contains { $0.hasPrefix("p.yaml:23:") && $0.contains("'set' must be a mapping") })
        #expect(lines.contains { $0.hasPrefix("p.yaml:24:") && $0.contains("a mitigation is text") })
    }

    @Test func setOptionsAreCheckedAtTheOption() {
        let schema = Self.session.ruleSet.schema
        guard case .failure(let problems) = FactOverrideParser.parse(
            set: ["financing.lender_type=policy-bank", "financing.lender_type=polciy-bank", "surveillance.camras=3", "surveillance", "governance.dpia=1"],
            unset: ["country_context.gdp"], schema: schema) else {
            Issue.record("bad --set options were accepted")
            return
        }
        let lines = problems.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix("--set:2:23:") })
        #expect(lines.contains { $0.hasPrefix("--set:3:1:") && $0.contains("surveillance.camras") })
        #expect(lines.contains { $0.hasPrefix("--set:4:1:") && $0.contains("PATH=VALUE") })
        #expect(lines.contains { $0.hasPrefix("--set:5:1:") && $0.contains("group of facts") })
        #expect(lines.contains { $0.hasPrefix("--unset:1:1:") })
        let rendered = problems.rendered()
        #expect(rendered.contains("did you mean 'policy-bank'?"))
        #expect(rendered.contains("did you mean 'surveillance.cameras'?"))
        #expect(rendered.contains("   2 | financing.lender_type=polciy-bank"))
        let good = try? FactOverrideParser.parse(set: ["surveillance.purposes=[traffic, border]", "financing.interest_rate_pct=2.5"],
                                                  unset: ["governance.legal_basis"], schema: schema).get()
        #expect(good?.map(\.option) == ["--set surveillance.purposes=[traffic, border]", "--set financing.interest_rate_pct=2.5",
                                         "--unset governance.legal_basis"])
    }
}
