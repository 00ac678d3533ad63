import ArbiterCore
import ArbiterYAML
import Testing

/// Scoring model 3's promises, checked over generated packs and dossiers (seeded, the
/// seed printed on failure) and over the shipped packs with every real case:
/// - a rule that does not fire changes no project's points, band or range;
/// - more risk never lowers points, band or worst case, caps and floors included;
/// - the findings' points add up to the pack's score, caps included;
/// - a rule whose guard is false changes nothing but the not-applicable list.
struct ScoringPropertyTests {
    static let seeds: [UInt64] = [1, 7, 42, 2026, 0xA5A5]
    static let factCount = 8

    /// A random pack over bool facts `f.f0`…`f.f7`: positive conditions only, so that a
    /// fact turning true is more risk; some rules guarded, some categories capped, a
    /// severity floor and a conjunction floor.
    static func packText(_ random: inout SplitMix, extraRule: String = "") -> String {
        let categories = ["c0", "c1", "c2"]
        var text = """
            pack: generated
            version: 1.0.0
            title: Generated
            bands: {moderate: \(10 + random.next() % 10), high: \(30 + random.next() % 20), critical: \(70 + random.next() % 30)}
            minimum_completeness: 0.3
            references:
              r: {title: "Arbiter design §5", url: "https://example.org/design"}
            inputs:

            """
        for index in 0..<factCount { text += "  f.f\(index): {type: bool, doc: fact \(index)}\n" }
        let capped = categories.filter { _ in random.next() % 2 == 0 }
        if !capped.isEmpty {
            text += "caps: {" + capped.map { "\($0): \(10 + random.next() % 30)" }.joined(separator: ", ") + "}\n"
        }
        let ruleCount = 4 + Int(random.next() % 6)
        text += "floors:\n  - {band: high, reason: a critical rule fired, fired: {severity: critical}}\n"
        text += "  - {band: critical, reason: two named rules fired, fired: {rules: [G0], any: [G1, G2]}}\n"
        text += "rules:\n"
        let severities = ["low", "medium", "high", "critical"]
        for index in 0..<max(ruleCount, 3) {
            let a = random.next() % UInt64(factCount), b = random.next() % UInt64(factCount)
            let joiner = random.next() % 2 == 0 ? "and" : "or"
            let category = index < categories.count ? categories[index] : categories[Int(random.next() % 3)]
            text += "  - id: G\(index)\n    title: rule \(index)\n    category: \(category)\n"
            text += "    severity: \(severities[Int(random.next() % 4)])\n    weight: \(1 + random.next() % 25)\n"
            text += "    when: f.f\(a) \(joiner) f.f\(b)\n"
            if random.next() % 3 == 0 { text += "    applies: f.f\(random.next() % UInt64(factCount))\n" }
            text += "    message: m\n    rationale: r\n    references: [r]\n"
        }
        return text + extraRule
    }

    static func ruleSet(_ text: String) throws -> RuleSet {
        try RuleSetLoader().load([("generated.yaml", Array(text.utf8))]).get()
    }

    /// A dossier with each fact true, false or unknown.
    static func dossierText(_ random: inout SplitMix) -> String {
        var text = "id: d\nname: d\nf:\n"
        for index in 0..<factCount {
            switch random.next() % 3 {
            case 0: text += "  f\(index): true\n"
            case 1: text += "  f\(index): false\n"
            default: break
            }
        }
        return text
    }

    static func evaluate(_ ruleSet: RuleSet, _ text: String) throws -> PackResult {
        let dossier = try DossierLoader(schema: ruleSet.schema).load(path: "d.yaml", bytes: Array(text.utf8)).get()
        return Evaluator(ruleSet: ruleSet, asOf: CivilDate("2026-01-01")!).evaluate(dossier).packs[0]
    }

    static func pointsAddUp(_ pack: PackResult) -> Bool {
        abs(pack.findings.indices.reduce(0.0) { $0 + pack.points(at: $1) } - pack.score) < 0.051
    }

    @Test(arguments: seeds)
    func generatedPacksKeepTheirPromises(_ seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        for _ in 0..<20 {
            var packRandom = random
            let base = try Self.ruleSet(Self.packText(&packRandom))
            var silentRandom = random
            // The same pack with one more rule that cannot fire, in a capped or open category.
            let silent = try Self.ruleSet(Self.packText(&silentRandom, extraRule: """
                  - {id: SILENT, title: silent, category: c0, severity: critical, weight: 40, when: "false", message: m, rationale: r, references: [r]}

                """))
            var guardedRandom = random
            let guarded = try Self.ruleSet(Self.packText(&guardedRandom, extraRule: """
                  - {id: GUARDED, title: guarded, category: c1, severity: critical, weight: 40, applies: "false", when: "true", message: m, rationale: r, references: [r]}

                """))
            random = packRandom
            for _ in 0..<15 {
                let text = Self.dossierText(&random)
                let result = try Self.evaluate(base, text)
                let label = "seed \(seed)\n\(text)"
                #expect(Self.pointsAddUp(result), "points add up: \(label)")

                let withSilent = try Self.evaluate(silent, text)
                #expect(withSilent.score == result.score && withSilent.band == result.band, "a silent rule moved the score: \(label)")
                #expect(withSilent.worst == result.worst && withSilent.worstBand == result.worstBand, "a silent rule moved the range: \(label)")

                let withGuarded = try Self.evaluate(guarded, text)
                #expect(withGuarded.score == result.score && withGuarded.worst == result.worst && withGuarded.band == result.band
                        && withGuarded.completeness == result.completeness && withGuarded.verdict == result.verdict,
                        "a rule that does not apply changed the result: \(label)")
                #expect(withGuarded.findings.last?.outcome == .notApplicable)

                // More risk: each fact that is false, made true.
                for index in 0..<Self.factCount where text.contains("  f\(index): false\n") {
                    let riskier = try Self.evaluate(base, text.replacingOccurrences(of: "  f\(index): false\n", with: "  f\(index): true\n"))
                    #expect(riskier.score >= result.score && riskier.band >= result.band, "more risk lowered the score: f\(index), \(label)")
                    #expect(riskier.worst >= result.worst && riskier.worstBand >= result.worstBand, "more risk lowered the worst case: f\(index), \(label)")
                }
            }
        }
    }

    /// On the shipped packs and every real case: the points add up, and a rule added to
    /// any pack that does not fire changes no verdict, score or range.
    @Test func shippedPacksKeepTheirPromisesOnEveryRealCase() throws {
        let files = try Fixtures.files(in: "Rules").map { ($0, try Fixtures.bytes($0)) }
        let ruleSet = try RuleSetLoader().load(files).get()
        let cases = try ShippedPackPropertyTests.realCases(ruleSet)
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate("2026-11-29")!)
        for pack in ruleSet.packs {
            let name = pack.file.split(separator: "/").last.map(String.init) ?? pack.file
            // The rules list ends each pack file, so a rule appended to the text joins it.
            let extended = files.map { file, bytes -> (String, [UInt8]) in
                guard file.hasSuffix("/" + name) else { return (file, bytes) }
                let reference = Self.firstReferenceKey(String(decoding: bytes, as: UTF8.self))
                return (file, bytes + Array("""

                      - id: ZZ-SILENT-001
                        title: A rule that cannot fire
                        category: \(pack.categories[0])
                        severity: critical
                        weight: 50
                        when: "false"
                        message: never
                        rationale: test
                        references: [\(reference)]

                    """.utf8))
            }
            let silent = try RuleSetLoader().load(extended).get()
            let silentEvaluator = Evaluator(ruleSet: silent, asOf: CivilDate("2026-11-29")!)
            for dossier in cases {
                let before = evaluator.evaluate(dossier).packs.first { $0.pack == pack.id }!
                let reloaded = try DossierLoader(schema: silent.schema).load(path: dossier.file, bytes: try Fixtures.bytes(dossier.file)).get()
                let after = silentEvaluator.evaluate(reloaded).packs.first { $0.pack == pack.id }!
                #expect(Self.pointsAddUp(before), "\(dossier.id) \(pack.id): points add up")
                #expect(after.score == before.score && after.worst == before.worst && after.band == before.band
                        && after.worstBand == before.worstBand, "\(dossier.id) \(pack.id): a silent rule moved the verdict")
            }
        }
    }

    /// The first key of a pack file's top-level `references:` mapping.
    static func firstReferenceKey(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("references:") }) else { return "" }
        for line in lines[(start + 1)...] where line.hasPrefix("  ") && !line.hasPrefix("   ") && !line.hasPrefix("  #") {
            return String(line.dropFirst(2).prefix { $0 != ":" })
        }
        return ""
    }
}
