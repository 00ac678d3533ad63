import Foundation
import Testing

/// The CLI and the service give one answer: `arbiter gate` and `POST /v1/gate` from one
/// folder decide alike (the same thresholds from its `.arbiter.yaml`, the same waivers,
/// the same baseline, the same reasons), and `explain` and `/v1/rules/{id}` agree.
@Suite(.serialized)
struct GateParityTests {
    /// Each project's gate decision (passed, reasons) in a JSON report, by id.
    static func decisions(_ json: Data) throws -> [String: String] {
        let report = try JSONSerialization.jsonObject(with: json) as? [String: Any] ?? [:]
        var decisions: [String: String] = [:]
        for project in report["projects"] as? [[String: Any]] ?? [] {
            let gate = project["gate"] as? [String: Any] ?? [:]
            decisions[project["id"] as? String ?? ""] = "\(gate["passed"] as? Bool ?? false) \(gate["reasons"] as? [String] ?? [])"
        }
        return decisions
    }

    static func compare(folder: URL, dossiers: [String]) async throws {
        let cli = try CLI.run(["gate"] + dossiers + ["--format", "json", "--as-of", "2026-11-29"], cwd: folder)
        #expect(cli.status == 0 || cli.status == 1, "\(cli.stderr)")
        let expected = try decisions(Data(cli.stdout.utf8))
        #expect(expected.count == dossiers.count)
        try await LiveServer.with({
            $0.workingDirectory = folder.path
            $0.packPaths = []
        }) { (server: LiveServer) async throws in
            for dossier in dossiers {
                let body = try Data(contentsOf: folder.appendingPathComponent(dossier))
                let answer = try await server.request("POST", "/v1/gate?as_of=2026-11-29", body: body, headers: ["Content-Type": "application/yaml"])
                #expect(answer.status == 200, "\(answer.text.prefix(300))")
                let served = try decisions(answer.body)
                for (id, decision) in served {
                    #expect(expected[id] == decision, "\(id): arbiter gate says \(expected[id] ?? "nothing"), /v1/gate says \(decision)")
                }
            }
        }
    }

    /// `arbiter explain --format json` and `GET /v1/rules/{id}` are one document, for
    /// every shipped rule.
    @Test func explainAndTheRuleRouteAgree() async throws {
        try await LiveServer.with { (server: LiveServer) async throws in
            let rules = try await server.request("GET", "/v1/rules").json()["rules"] as? [[String: Any]] ?? []
            #expect(rules.count > 50)
            for id in rules.compactMap({ $0["id"] as? String }) {
                let cli = try CLI.run(["explain", id, "--format", "json", "--rules", LiveServer.root.appendingPathComponent("Rules").path])
                #expect(cli.status == 0, "\(cli.stderr)")
                let served = try await server.request("GET", "/v1/rules/\(id)")
                #expect(served.text == cli.stdout, "\(id) differs between explain and /v1/rules")
            }
            let list = try CLI.run(["rules", "--format", "json", "--rules", LiveServer.root.appendingPathComponent("Rules").path])
            #expect(try await server.request("GET", "/v1/rules").text == list.stdout, "rules --format json and /v1/rules differ")
            let lever = try await server.request("GET", "/v1/rules/DA-BIO-001").json()
            #expect((lever["mitigation_sets"] as? [[String]])?.count == (lever["mitigations"] as? [String])?.count)
        }
    }

    /// The thresholds and waivers of `Fixtures/cli/configured/.arbiter.yaml`.
    @Test func thresholdsAndWaiversFromTheConfiguration() async throws {
        try await Self.compare(folder: LiveServer.root.appendingPathComponent("Fixtures/cli/configured"),
                               dossiers: ["projects/rs-belgrade-safe-city.yaml"])
    }

    /// A configured baseline: only what is new fails.
    @Test func aBaselineFromTheConfiguration() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = LiveServer.root
        try FileManager.default.copyItem(at: root.appendingPathComponent("Fixtures/cli/baseline-sample.json"), to: folder.appendingPathComponent("baseline.json"))
        let names = ["ec-ecu-911.yaml", "rs-belgrade-safe-city.yaml", "gb-norwich-cctv.yaml"]
        for name in names {
            try FileManager.default.copyItem(at: root.appendingPathComponent("Fixtures/projects/\(name)"), to: folder.appendingPathComponent(name))
        }
        try """
            rules: [\(root.appendingPathComponent("Rules").path)]
            gate:
              fail_on: high
              baseline: baseline.json
            """.write(to: folder.appendingPathComponent(".arbiter.yaml"), atomically: true, encoding: .utf8)
        try await Self.compare(folder: folder, dossiers: names)
    }
}
