import ArbiterCore
import ArbiterReport
import ArbiterYAML
import Foundation

/// The one report every reporter renders in the golden tests: two projects scored by
/// the sample pack, with waivers of each kind, a gate decision and an invalid file.
enum ReportFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relative)))
    }

    struct Built {
        var projects: [ProjectResult]
        var errors: [Diagnostic]
        var waivers: [WaiverOutcome]
        var context: ReportContext
    }

    static func build() throws -> Built {
        let ruleSet = try RuleSetLoader().load([("Fixtures/packs/sample.yaml", try bytes("Fixtures/packs/sample.yaml"))]).get()
        let asOf = CivilDate("2026-01-01")!
        let waiverDocument = try YAMLLoader().load(file: "Fixtures/report/waivers.yaml", bytes: try bytes("Fixtures/report/waivers.yaml")).get()
        let waivers = try WaiverDecoder().decode(waiverDocument).get()
        let book = WaiverBook(waivers: waivers, asOf: asOf)
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: asOf)
        var counts: [Int: Int] = [:]
        var projects: [ProjectResult] = []
        for file in ["Fixtures/report/dossier-a.yaml", "Fixtures/report/dossier-b.yaml"] {
            let dossier = try DossierLoader(schema: ruleSet.schema).load(path: file, bytes: try bytes(file)).get()
            var project = evaluator.evaluate(dossier)
            for index in book.apply(to: &project) { counts[index, default: 0] += 1 }
            project.gate = Gate.decide(project, policy: GatePolicy(failOn: .high, failOnSeverity: .high, unknown: .worst), baseline: nil)
            projects.append(project)
        }
        let error = Diagnostic.error("yaml.syntax", "did not find expected key", file: "Fixtures/report/broken.yaml",
                                     range: SourceRange(at: SourcePosition(line: 3, column: 5)))
        let context = ReportContext(toolVersion: "0.1.0", asOf: asOf, packs: ruleSet.packs, gated: true, colored: false)
        return Built(projects: projects, errors: [error], waivers: book.outcomes(matchCounts: counts), context: context)
    }

    static func render(_ format: ReportFormat) throws -> String {
        let built = try build()
        return format.reporter.render(built.projects, errors: built.errors, waivers: built.waivers, context: built.context)
    }
}
