import ArbiterCore
import ArbiterYAML
import Testing

struct EvaluationTests {
    static let asOf = CivilDate("2026-01-01")!

    static let dossierText = """
        id: rs-test
        name: Test project
        country: RS
        surveillance:
          cameras: 2550
          facial_recognition: true
          deployment: city-wide
        governance:
          dpia:
            performed: false
        sources:
          - id: share-2019
            title: SHARE Foundation
            url: https://example.org/share
        citations:
          surveillance.cameras: [share-2019]
          surveillance: [share-2019]
        """

    static func evaluate(_ text: String = dossierText, ruleSet given: RuleSet? = nil) throws -> ProjectResult {
        let ruleSet = try given ?? DecoderErrorTests.samplePack()
        let dossier = try DossierLoader(schema: ruleSet.schema).load(path: "d.yaml", bytes: Array(text.utf8)).get()
        return Evaluator(ruleSet: ruleSet, asOf: asOf).evaluate(dossier)
    }

    @Test func firedFindingCarriesEvidenceAndMessage() throws {
        let project = try Self.evaluate()
        let finding = try #require(project.packs[0].findings.first { $0.rule == "S-BIO-001" })
        #expect(finding.outcome == .fired)
        #expect(finding.message == "facial recognition over 2550 cameras (city-wide)")
        // Scale: (2550 - 100) / (5000 - 100) = 0.5 -> 40 × 0.5 = 20.
        #expect(finding.contribution == 20)
        #expect(finding.evidence.map(\.path) == ["surveillance.facial_recognition", "surveillance.deployment", "surveillance.cameras"])
        let cameras = try #require(finding.evidence.last)
        #expect(cameras.value == .int(2550))
        #expect(cameras.range.start == SourcePosition(line: 5, column: 12))
        #expect(cameras.sources == ["share-2019"])
        // A group citation covers every fact under it.
        #expect(finding.evidence[0].sources == ["share-2019"])
        // Walking the evidence gives the same facts as the array.
        var walked: [Evidence] = []
        finding.forEachEvidence { path, fact, sources in
            walked.append(Evidence(path: path, value: fact.value, range: fact.range, sources: sources))
        }
        #expect(walked == finding.evidence)
        #expect(finding.primaryEvidence == finding.evidence.first)
    }

    @Test func unknownFindingListsTheFactsThatWouldSettleIt() throws {
        let project = try Self.evaluate()
        let finding = try #require(project.packs[0].findings.first { $0.rule == "S-PUR-001" })
        #expect(finding.outcome == .unknown)
        #expect(finding.missing == ["surveillance.purposes"])
        #expect(finding.maxContribution == 30)
    }

    @Test func enforceFromMakesAFindingAdvisory() throws {
        let project = try Self.evaluate()
        let finding = try #require(project.packs[0].findings.first { $0.rule == "S-GOV-001" })
        #expect(finding.outcome == .fired)
        #expect(finding.advisory)
        // Advisory findings still count in the score: 20 + 30 = 50 of 100.
        #expect(project.packs[0].score == 50)
    }

    @Test func examplesOfTheSamplePackAllHold() throws {
        let checks = ExampleCheck.run(try DecoderErrorTests.samplePack(), asOf: Self.asOf)
        #expect(checks.count == 6)
        #expect(checks.allSatisfy { $0.passed })
    }

    @Test func evaluationIsDeterministic() throws {
        let ruleSet = try DecoderErrorTests.samplePack()
        let first = try Self.evaluate(ruleSet: ruleSet)
        let second = try Self.evaluate(ruleSet: ruleSet)
        #expect(first == second)
    }

    @Test func aCompiledRuleSetIsSafeToShareAcrossThreads() async throws {
        let ruleSet = try DecoderErrorTests.samplePack()
        let dossier = try DossierLoader(schema: ruleSet.schema).load(path: "d.yaml", bytes: Array(Self.dossierText.utf8)).get()
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: Self.asOf)
        let reference = evaluator.evaluate(dossier)
        let results = await withTaskGroup(of: ProjectResult.self) { group in
            for _ in 0..<64 { group.addTask { evaluator.evaluate(dossier) } }
            var all: [ProjectResult] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 == reference })
    }

    @Test func stepBudgetEndsInAFaultNotATrap() throws {
        let pack = """
            pack: heavy
            version: 1
            title: Heavy
            references: {r: {title: R, url: "https://example.org"}}
            inputs: {a.items: {type: list, items: int, doc: items}}
            rules:
              - id: H-1
                title: heavy
                category: c
                severity: low
                weight: 1
                when: any(a.items, any(a.items, any(a.items, it > 1000)))
                message: m
                rationale: r
                references: [r]
            """
        let ruleSet = try RuleSetLoader(compiler: RuleSetCompiler(limits: ExpressionLimits(stepBudget: 1_000)))
            .load([("heavy.yaml", Array(pack.utf8))]).get()
        let items = (0..<50).map(String.init).joined(separator: ", ")
        let dossier = try DossierLoader(schema: ruleSet.schema)
            .load(path: "d.yaml", bytes: Array("id: h\nname: H\na: {items: [\(items)]}\n".utf8)).get()
        let finding = Evaluator(ruleSet: ruleSet, asOf: Self.asOf).evaluate(dossier).packs[0].findings[0]
        #expect(finding.outcome == .unknown)
        #expect(finding.fault?.contains("step budget") == true)
    }

    /// A pattern's work counts against the step budget like any other: a pattern that
    /// keeps thousands of threads alive on every character ends in a fault, while an
    /// ordinary pattern still reads the longest value a dossier may hold.
    @Test func aPatternSpendsTheStepBudget() throws {
        let pack = """
            pack: patterns
            version: 1
            title: Patterns
            references: {r: {title: R, url: "https://example.org"}}
            inputs: {a.name: {type: string, doc: n}, a.text: {type: string, doc: t}}
            rules:
              - {id: P-1, title: t, category: c, severity: low, weight: 1, when: 'matches(a.name, "(?:(?:a?){45}){45}c")', message: m, rationale: r, references: [r]}
              - {id: P-2, title: t, category: c, severity: low, weight: 1, when: 'matches(a.text, "ab$")', message: m, rationale: r, references: [r]}
            """
        let ruleSet = try RuleSetLoader().load([("patterns.yaml", Array(pack.utf8))]).get()
        // 5,000 characters: 4,000 threads on each took seconds; 60,000, a value's most.
        let name = String(repeating: "a", count: 5_000), text = String(repeating: "a", count: 60_000) + "b"
        let dossier = try DossierLoader(schema: ruleSet.schema)
            .load(path: "d.yaml", bytes: Array("id: p\nname: P\na: {name: \(name), text: \(text)}\n".utf8)).get()
        let findings = Evaluator(ruleSet: ruleSet, asOf: Self.asOf).evaluate(dossier).packs[0].findings
        #expect(findings[0].outcome == .unknown)
        #expect(findings[0].fault?.contains("step budget") == true, "\(findings[0].fault ?? "no fault")")
        #expect(findings[1].outcome == .fired, "\(findings[1].fault ?? "no fault")")
    }
}

/// Missing facts are kept as a bit set for a rule's first 63 reads and a list after
/// that; a rule reading 70 facts lists every one it lacks, in reading order, with the
/// scale's fact last.
struct ManyReadsTests {
    static func pack(reads: Int) -> String {
        var text = """
            pack: wide
            version: 1.0.0
            title: A rule that reads many facts
            bands: {moderate: 25, high: 50, critical: 75}
            references:
              ref: {title: A reference, url: "https://example.org"}
            inputs:

            """
        for index in 0..<reads { text += "  wide.f\(index): {type: bool, doc: fact \(index)}\n" }
        text += "  wide.size: {type: int, min: 0, doc: the scale}\n"
        let condition = (0..<reads).map { "wide.f\($0)" }.joined(separator: " or ")
        text += """
            rules:
              - id: W-001
                title: Any of many facts
                category: wide
                severity: high
                weight: 10
                when: \(condition)
                scale: {by: wide.size, from: 0, to: 100}
                message: one holds
                rationale: Exercises findings over many facts.
                references: [ref]

            """
        return text
    }

    @Test func everyMissingFactIsListedInReadingOrder() throws {
        let ruleSet = try RuleSetLoader().load([("wide.yaml", Array(Self.pack(reads: 70).utf8))]).get()
        // Facts 3 and 65 are stated (false); every other one is missing, the scale too.
        let dossier = "id: w\nname: W\nwide:\n  f3: false\n  f65: false\n"
        let project = try EvaluationTests.evaluate(dossier, ruleSet: ruleSet)
        let finding = try #require(project.packs.first?.findings.first)
        #expect(finding.outcome == .unknown)
        let expected = (0..<70).filter { $0 != 3 && $0 != 65 }.map { "wide.f\($0)" } + ["wide.size"]
        #expect(finding.missing == expected)
        var walked: [String] = []
        finding.forEachMissingPath { walked.append($0) }
        #expect(walked == expected)
        #expect(finding.evidence.map(\.path) == ["wide.f3", "wide.f65"])
    }
}
