import ArbiterCore
import ArbiterYAML
import Testing

/// The dossier vocabulary is declared once; a third party's pack names it and reads
/// standard dossiers without repeating a single declaration.
struct VocabularyTests {
    static let customPack = """
        pack: ngo-watch
        version: 0.1.0
        title: An NGO's small pack
        vocabulary: dossier@1
        references:
          own: {title: Our method, url: "https://example.org/method"}
        rules:
          - id: ngo.cams_1
            title: Cameras with face recognition over a secret contract
            category: watch
            severity: high
            weight: 10
            when: surveillance.facial_recognition and not procurement.contract_published
            scale: {by: "surveillance.cameras", from: 0, to: 1000}
            rationale: Our judgment.
            references: [own]
            mitigations: [Publish the contract]
        """

    static func withVocabulary(_ packs: [(String, String)]) throws -> Result<RuleSet, DiagnosticError> {
        let vocabulary = ("Rules/vocabulary.yaml", String(decoding: try Fixtures.bytes("Rules/vocabulary.yaml"), as: UTF8.self))
        return Fixtures.ruleSet([vocabulary] + packs)
    }

    @Test func aPackWithNoInputsOfItsOwnScoresEveryRealCase() throws {
        let ruleSet = try Self.withVocabulary([("ngo.yaml", Self.customPack)]).get()
        #expect(ruleSet.packs.map(\.id) == ["ngo-watch"])
        #expect(ruleSet.packs[0].inputs.isEmpty)
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate("2026-12-01")!)
        let files = try Fixtures.files(in: "Fixtures/projects")
        #expect(files.count >= 16)
        for file in files {
            let dossier = try DossierLoader(schema: ruleSet.schema).load(path: file, bytes: try Fixtures.bytes(file)).get()
            let result = evaluator.evaluate(dossier)
            #expect(result.packs.count == 1, "\(file)")
            if dossier.id == "rs-belgrade-safe-city" {
                // Fired, and with no message of its own a finding says its rule's title.
                #expect(result.packs[0].findings.first?.outcome == .fired)
                #expect(result.packs[0].findings.first?.message == "Cameras with face recognition over a secret contract")
            }
        }
    }

    @Test func aPackNamingAnAbsentVocabularyIsRefusedAtItsLine() throws {
        guard case .failure(let error) = Fixtures.ruleSet([("ngo.yaml", Self.customPack)]) else {
            Issue.record("loaded a pack without its vocabulary")
            return
        }
        let first = try #require(error.diagnostics.first)
        #expect(first.code == "pack.missing-vocabulary")
        #expect(first.range.start.line == 4)
    }

    @Test func aPackRetypingAVocabularyFactIsAConflictAtBothLines() throws {
        let retyped = Self.customPack.replacingOccurrences(of: "references:\n", with: "inputs:\n  surveillance.cameras: {type: string, doc: Cameras}\nreferences:\n")
        guard case .failure(let error) = try Self.withVocabulary([("ngo.yaml", retyped)]) else {
            Issue.record("accepted a retyped vocabulary fact")
            return
        }
        let conflict = try #require(error.diagnostics.first { $0.code == "pack.input-conflict" })
        #expect(conflict.file == "ngo.yaml")
        #expect(conflict.notes.contains { $0.file == "Rules/vocabulary.yaml" })
    }
}
