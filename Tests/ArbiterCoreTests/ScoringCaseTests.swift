import ArbiterCore
import ArbiterYAML
import Testing

/// Scoring pinned by worked cases whose numbers are computed by hand in
/// `Fixtures/scoring/*.yaml`.
struct ScoringCaseTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var note: String
        var dossier: Node
        var expect: Node
        var testDescription: String { "\(file): \(note)" }
    }

    static func loadCases() throws -> [(RuleSet, Case)] {
        var all: [(RuleSet, Case)] = []
        for file in try Fixtures.files(in: "Fixtures/scoring") {
            let document = try Fixtures.document(file)
            let packs = (document.root["packs"]?.items ?? []).enumerated().map { ("\(file)#pack\($0.offset + 1)", $0.element.string ?? "") }
            let ruleSet = try Fixtures.ruleSet(packs).get()
            for item in document.root["cases"]?.items ?? [] {
                all.append((ruleSet, Case(file: file, note: item["note"]?.string ?? "", dossier: item["dossier"]!, expect: item["expect"]!)))
            }
        }
        return all
    }

    static let loaded: [(RuleSet, Case)] = (try? loadCases()) ?? []

    @Test func fixturesLoad() throws {
        #expect(try Self.loadCases().count >= 8)
    }

    @Test("worked scoring case", arguments: loaded.indices)
    func workedCase(_ index: Int) throws {
        let (ruleSet, testCase) = Self.loaded[index]
        let dossier = try DossierDecoder(schema: ruleSet.schema).decodeFacts(testCase.dossier, file: testCase.file, label: "case").get()
        let project = Evaluator(ruleSet: ruleSet, asOf: CivilDate("2026-01-01")!).evaluate(dossier)
        for entry in testCase.expect.entries ?? [] {
            let want = entry.value
            if entry.key == "project" {
                #expect(project.score == number(want["score"]), "\(testCase.note): project score")
                #expect(project.band.rawValue == want["band"]?.string, "\(testCase.note): project band")
                if let verdict = want["verdict"]?.string { #expect(project.verdict.rawValue == verdict, "\(testCase.note): project verdict") }
                continue
            }
            let pack = try #require(project.packs.first { $0.pack == entry.key })
            let label = "\(testCase.note): \(pack.pack)"
            #expect(pack.score == number(want["score"]), "\(label) score")
            #expect(pack.worst == number(want["worst"]), "\(label) worst")
            #expect(pack.band.rawValue == want["band"]?.string, "\(label) band")
            #expect(pack.worstBand.rawValue == want["worst_band"]?.string, "\(label) worst band")
            #expect(pack.completeness == number(want["completeness"]), "\(label) completeness")
            if let verdict = want["verdict"]?.string { #expect(pack.verdict == verdict, "\(label) verdict") }
            for points in want["points"]?.entries ?? [] {
                let position = try #require(pack.findings.firstIndex { $0.rule == points.key })
                #expect(Scoring.oneDecimal(pack.points(at: position)) == number(points.value), "\(label) points of \(points.key)")
            }
            // The findings' points add up to the pack's score, caps included.
            let total = pack.findings.indices.reduce(0.0) { $0 + pack.points(at: $1) }
            #expect(abs(total - pack.score) < 0.05, "\(label) points add up")
            for category in want["categories"]?.entries ?? [] {
                #expect(pack.categories.first { $0.category == category.key }?.score == number(category.value), "\(label) \(category.key)")
            }
            for status in want["statuses"]?.entries ?? [] {
                #expect(pack.findings.first { $0.rule == status.key }?.outcome.rawValue == status.value.string, "\(label) \(status.key)")
            }
            for missing in want["missing"]?.entries ?? [] {
                #expect(pack.findings.first { $0.rule == missing.key }?.missing == missing.value.items?.compactMap(\.string), "\(label) \(missing.key)")
            }
        }
    }

    private func number(_ node: Node?) -> Double? {
        switch node?.value {
        case .int(let value)?: Double(value)
        case .float(let value)?: value
        default: nil
        }
    }
}
