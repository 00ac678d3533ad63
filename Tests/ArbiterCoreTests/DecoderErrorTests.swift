import ArbiterCore
import ArbiterYAML
import Testing

/// Pack and dossier checks report every error in a file at once, each at its
/// position. Expected `line:column code` lists sit beside the inputs.
struct DecoderErrorTests {
    static func expected(_ file: String) throws -> [String] {
        String(decoding: try Fixtures.bytes(file), as: UTF8.self)
            .split(separator: "\n").map(String.init).sorted()
    }

    static func actual(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.code)" }.sorted()
    }

    static func samplePack() throws -> RuleSet {
        try RuleSetLoader().load([("Fixtures/packs/sample.yaml", try Fixtures.bytes("Fixtures/packs/sample.yaml"))]).get()
    }

    @Test func everyDossierErrorIsReportedAtItsPosition() throws {
        let ruleSet = try Self.samplePack()
        let file = "Fixtures/dossiers/invalid/many-errors.yaml"
        let result = DossierLoader(schema: ruleSet.schema).load(path: file, bytes: try Fixtures.bytes(file))
        guard case .failure(let error) = result else { Issue.record("the broken dossier decoded"); return }
        let actual = Self.actual(error.diagnostics)
        #expect(actual == (try Self.expected("Fixtures/dossiers/invalid/many-errors.expected")), "\(actual.joined(separator: "\n"))")
    }

    @Test func everyPackErrorIsReportedAtItsPosition() throws {
        let file = "Fixtures/packs/invalid/many-errors.yaml"
        let result = RuleSetLoader().load([(file, try Fixtures.bytes(file))])
        guard case .failure(let error) = result else { Issue.record("the broken pack compiled"); return }
        let actual = Self.actual(error.diagnostics)
        #expect(actual == (try Self.expected("Fixtures/packs/invalid/many-errors.expected")), "\(actual.joined(separator: "\n"))")
    }

    @Test func unknownFieldSuggestsTheIntendedName() throws {
        let ruleSet = try Self.samplePack()
        let text = "id: x\nname: X\nsurveillance:\n  facial_recogntion: true\n"
        let result = DossierLoader(schema: ruleSet.schema).load(path: "t.yaml", bytes: Array(text.utf8))
        guard case .failure(let error) = result else { Issue.record("decoded"); return }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.message == "unknown field 'facial_recogntion' in 'surveillance'")
        #expect(diagnostic.notes.map(\.message) == ["did you mean 'facial_recognition'?"])
    }

    /// A file stops collecting after 100 problems, as cel-go does, and says how many more
    /// there were: 33,704 unknown keys once printed 8.4 MB of diagnostics.
    @Test func aFileReportsAtMostAHundredProblemsAndCountsTheRest() throws {
        let ruleSet = try Self.samplePack()
        let keys = (0..<1_000).map { "unknown_key_\($0): 1" }.joined(separator: "\n")
        let result = DossierLoader(schema: ruleSet.schema).load(path: "t.yaml", bytes: Array("id: x\nname: X\n\(keys)\n".utf8))
        guard case .failure(let error) = result else { Issue.record("decoded"); return }
        let sorted = error.diagnostics.sortedByLocation()
        #expect(sorted.count == 101)
        #expect(sorted.dropLast().allSatisfy { $0.code == "dossier.unknown-field" })
        let last = try #require(sorted.last)
        #expect(last.code == "dossier.too-many-problems")
        #expect(last.severity == .error)
        #expect(last.message.contains("900 more"), "\(last.message)")
        #expect(!last.hasPosition)
    }

    /// Suggestions come from the schema's index of paths (by last name and by length), and
    /// must be the ones a scan of every path gives.
    @Test func indexedSuggestionsMatchAScanOfEveryPath() throws {
        let ruleSet = try RuleSetLoader().load(try Fixtures.files(in: "Rules").map { ($0, try Fixtures.bytes($0)) }).get()
        let schema = ruleSet.schema
        var typos: [String] = []
        for path in schema.allPaths {
            var scalars = Array(path.unicodeScalars)
            scalars.swapAt(scalars.count / 2, scalars.count / 2 - 1)
            typos.append(String(String.UnicodeScalarView(scalars)))
            typos.append(String(path.dropLast(2)))
            typos.append(path + "s")
            typos.append(String(path.split(separator: ".").last!))
        }
        typos += ["x", "governance.dpia.performd", "surveillance.camera", "zzzzzzzzzzzzzzzzzzzz.qqqqq"]
        for typo in typos {
            #expect(schema.closestPath(to: typo) == Spelling.suggestion(for: typo, among: schema.allPaths), "\(typo)")
            let name = String(typo.split(separator: ".").last ?? "")
            #expect(schema.paths(named: name) == schema.allPaths.filter { $0.hasSuffix("." + name) }, "\(name)")
        }
    }

    @Test func missingIdentityIsReported() throws {
        let ruleSet = try Self.samplePack()
        let result = DossierLoader(schema: ruleSet.schema).load(path: "t.yaml", bytes: Array("surveillance: {cameras: 3}\n".utf8))
        guard case .failure(let error) = result else { Issue.record("decoded"); return }
        #expect(error.diagnostics.map(\.code) == ["dossier.missing-field", "dossier.missing-field"])
    }

    @Test func rootMustBeAMapping() throws {
        let ruleSet = try Self.samplePack()
        for (text, code) in [("- a\n- b\n", "dossier.not-a-mapping"), ("just text\n", "dossier.not-a-mapping"), ("# nothing\n", "dossier.empty")] {
            let result = DossierLoader(schema: ruleSet.schema).load(path: "t.yaml", bytes: Array(text.utf8))
            guard case .failure(let error) = result else { Issue.record("decoded \(text)"); continue }
            #expect(error.diagnostics.first?.code == code)
        }
    }

    @Test func sameInputDeclaredDifferentlyByTwoPacksIsAnError() throws {
        let first = """
            pack: one
            version: 1
            title: One
            references: {r: {title: R, url: "https://example.org"}}
            inputs:
              a.count: {type: int, doc: count}
            rules: []
            """
        let second = first.replacingOccurrences(of: "pack: one", with: "pack: two")
            .replacingOccurrences(of: "type: int", with: "type: string")
        let result = Fixtures.ruleSet([("one.yaml", first), ("two.yaml", second)])
        guard case .failure(let error) = result else { Issue.record("conflict accepted"); return }
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.code == "pack.input-conflict")
        #expect(diagnostic.file == "two.yaml")
        #expect(diagnostic.range.start == SourcePosition(line: 6, column: 3))
        #expect(diagnostic.notes.first?.file == "one.yaml")
    }

    @Test func duplicateRuleAcrossPacksIsAnError() throws {
        let pack = """
            pack: NAME
            version: 1
            title: T
            references: {r: {title: R, url: "https://example.org"}}
            inputs: {a.flag: {type: bool, doc: f}}
            rules:
              - {id: X-1, title: t, category: c, severity: low, weight: 1, when: a.flag, message: m, rationale: r, references: [r]}
            """
        let result = Fixtures.ruleSet([("a.yaml", pack.replacingOccurrences(of: "NAME", with: "aa")),
                                       ("b.yaml", pack.replacingOccurrences(of: "NAME", with: "bb"))])
        guard case .failure(let error) = result else { Issue.record("duplicate accepted"); return }
        #expect(error.diagnostics.map(\.code) == ["pack.duplicate-rule"])
        #expect(error.diagnostics.first?.file == "b.yaml")
    }
}

extension DecoderErrorTests {
    /// `x-` keys are the analyst's own: even an integer beyond 64 bits there is kept as
    /// text and ignored, while the same integer as a fact is still an error at its place.
    @Test func freeFormContentMayHoldAnyIntegerButFactsMayNot() throws {
        let ruleSet = try Self.samplePack()
        let loader = DossierLoader(schema: ruleSet.schema)
        let freeForm = "id: a\nname: A\nx-budget: 123456789012345678901234567890\nx-notes: {rows: [1, 99999999999999999999, {n: -99999999999999999999}]}\n"
        #expect((try? loader.load(path: "a.yaml", bytes: Array(freeForm.utf8)).get()) != nil)
        let fact = "id: a\nname: A\nx-ok: 99999999999999999999\nname2: 99999999999999999999\n"
        guard case .failure(let error) = loader.load(path: "b.yaml", bytes: Array(fact.utf8)) else {
            Issue.record("an out-of-range integer outside x- was accepted")
            return
        }
        #expect(error.diagnostics.map { "\($0.range.start.line):\($0.range.start.column) \($0.code)" } == ["4:8 yaml.number-out-of-range"])
        // Without the prefix (packs, configuration), the loader refuses it everywhere.
        #expect((try? YAMLLoader().load(file: "c.yaml", text: "x-a: 99999999999999999999\n").get()) == nil)
    }
}
