import ArbiterCore
import ArbiterEngine
import Dispatch
import Foundation
import Testing

/// The one pipeline: built once, shared by every thread, refusing bad input with
/// located diagnostics and never printing.
struct ScoringSessionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = CivilDate("2026-11-29")!

    static func session(policy: GatePolicy? = nil, examples: Bool = false) throws -> ScoringSession {
        let packs = ["Rules/vocabulary.yaml", "Rules/debt-risk.yaml", "Rules/digital-authoritarianism.yaml"].map { root.appendingPathComponent($0).path }
        return try ScoringSession.load(packFiles: packs, options: SessionOptions(asOf: asOf, policy: policy, decodesExamples: examples)).get()
    }

    static func projects() throws -> [(name: String, bytes: [UInt8])] {
        let folder = root.appendingPathComponent("Fixtures/projects")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted().map {
            ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0))))
        }
    }

    @Test func oneSessionScoresFromManyThreadsAsFromOne() throws {
        let session = try Self.session(policy: GatePolicy())
        let projects = try Self.projects()
        let expected = try projects.map { try session.score(bytes: $0.bytes, name: $0.name).get().project }
        let results = Results(count: projects.count * 8)
        DispatchQueue.concurrentPerform(iterations: projects.count * 8) { index in
            let project = projects[index % projects.count]
            results.set(index, try? session.score(bytes: project.bytes, name: project.name).get().project)
        }
        for index in 0..<projects.count * 8 {
            #expect(results.get(index) == expected[index % projects.count])
        }
        #expect(expected.allSatisfy { $0.gate != nil })
    }

    @Test func aBrokenDossierIsRefusedWithLocatedDiagnosticsAndItsText() throws {
        let session = try Self.session()
        let text = "id: x\nname: X\nsurveillance:\n  facial_recogntion: true\n"
        guard case .failure(let problems) = session.score(bytes: Array(text.utf8), name: "<request>") else {
            Issue.record("a dossier with a typo was accepted")
            return
        }
        #expect(problems.diagnostics.map(\.description) == [
            "<request>:4:3: error: unknown field 'facial_recogntion' in 'surveillance' [dossier.unknown-field]",
        ])
        #expect(problems.rendered().contains("   4 |   facial_recogntion: true"))
        #expect(problems.rendered().contains("did you mean 'facial_recognition'?"))
    }

    @Test func aCallMayJudgeAsOfAnotherDateAndGateByAnotherPolicy() throws {
        let session = try Self.session()
        let belgrade = try Self.projects().first { $0.name == "rs-belgrade-safe-city.yaml" }!
        let plain = try session.score(bytes: belgrade.bytes, name: belgrade.name).get()
        #expect(plain.project.gate == nil)
        let strict = try session.score(bytes: belgrade.bytes, name: belgrade.name, policy: GatePolicy(failOn: .moderate)).get()
        #expect(strict.project.gate?.passed == false)
        let lenient = try session.score(bytes: belgrade.bytes, name: belgrade.name,
                                        policy: GatePolicy(failOn: .critical, failOnSeverity: nil, unknown: .best)).get()
        #expect(lenient.project.gate?.passed == true)
    }

    @Test func brokenPacksAreReportedTogetherWithTheirText() throws {
        let pack = "pack: p\nversion: 1.0.0\ntitle: P\nbands: {moderate: 25, high: 50, critical: 75}\nrules: [{id: A-1}]\n"
        guard case .failure(let problems) = ScoringSession.make(packs: [("p.yaml", Array(pack.utf8))], options: SessionOptions(asOf: Self.asOf)) else {
            Issue.record("a broken pack was accepted")
            return
        }
        #expect(!problems.errors.isEmpty)
        #expect(problems.diagnostics.allSatisfy { $0.file == "p.yaml" })
        #expect(problems.sources.map(\.file) == ["p.yaml"])
    }

    @Test func discoveryReportsMissingPacksAsDiagnostics() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let discovery = PackDiscovery(workingDirectory: empty.path)
        let configuration = try discovery.configuration().get()
        guard case .failure(let none) = discovery.packFiles(explicit: [], configuration: configuration, installed: nil) else {
            Issue.record("packs were found in an empty folder")
            return
        }
        #expect(none.diagnostics.map(\.code) == ["config.no-packs"])
        #expect(none.rendered().hasPrefix("error: no rule packs found [config.no-packs]\n   = hint: pass --rules PATH"))
        guard case .failure(let missing) = discovery.packFiles(explicit: ["nowhere"], configuration: configuration) else {
            Issue.record("a missing pack path was accepted")
            return
        }
        #expect(missing.diagnostics.map(\.message) == ["rule pack path 'nowhere' does not exist"])
    }

    @Test func theShippedPacksPassTheirOwnTests() throws {
        let result = PackSelfTest.run(try Self.session(examples: true), workingDirectory: Self.root.path)
        #expect(result.invalid == nil)
        #expect(result.failureCount == 0)
        #expect(result.hasCases && !result.cases.isEmpty)
        #expect(result.packs.allSatisfy { $0.covered == $0.rules })
    }

    @Test func idsAreClaimedOnce() {
        var registry = ProjectIDRegistry()
        #expect(registry.claim("a", ordinal: 0) == nil)
        #expect(registry.claim("b", ordinal: 1) == nil)
        #expect(registry.claim("a", ordinal: 2) == 0)
    }
}

/// Results written by many threads, one slot each.
private final class Results: @unchecked Sendable {
    private var slots: [ProjectResult?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: ProjectResult?) { lock.withLock { slots[index] = value } }
    func get(_ index: Int) -> ProjectResult? { lock.withLock { slots[index] } }
}

/// The run above the dossiers, as the CLI's batch and the service's audit share it.
struct ScoringRunTests {
    @Test func aSecondUseOfAnIdIsRefusedAndWaiversAreCountedOnce() throws {
        let root = ScoringSessionTests.root
        let packs = ["Fixtures/packs/golden/surveillance.yaml", "Rules/vocabulary.yaml"].map { root.appendingPathComponent($0).path }
        let session = try ScoringSession.load(packFiles: packs, waiversFile: root.appendingPathComponent("Fixtures/cli/waivers.yaml").path,
                                              options: SessionOptions(asOf: CivilDate("2026-11-29")!)).get()
        let belgrade = Array(try Data(contentsOf: root.appendingPathComponent("Fixtures/projects/rs-belgrade-safe-city.yaml")))
        let first = try session.score(bytes: belgrade, name: "a.yaml").get()
        let again = try session.score(bytes: belgrade, name: "b.yaml").get()
        var run = ScoringRun(session: session)
        #expect(run.admit(first, ordinal: 0) == .admitted)
        #expect(run.admit(again, ordinal: 1) == .duplicate(firstOrdinal: 0))
        // The refused copy's waivers do not count: SV-LEG-001 covered one project.
        let outcomes = run.waiverOutcomes()
        #expect(outcomes.map(\.state) == [.applied, .expired, .stale])
        #expect(outcomes.first?.matched == 1)
        // Judged as of a date before the second waiver expired, it applies too.
        #expect(run.waiverOutcomes(asOf: CivilDate("2026-01-01")!).map(\.state) == [.applied, .applied, .stale])
    }
}
