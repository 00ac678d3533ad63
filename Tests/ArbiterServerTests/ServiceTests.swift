import ArbiterCore
@testable import ArbiterServer
import ArbiterYAML
import Foundation
import Testing

/// `arbiter serve` over real HTTP on an ephemeral port: every route, every refusal, and
/// the same report documents as the CLI.
@Suite(.serialized)
struct ServiceTests {
    static let belgrade = "Fixtures/projects/rs-belgrade-safe-city.yaml"

    @Test func everyRouteAnswers() async throws {
        try await LiveServer.with { (server: LiveServer) async throws in
            let dossier = String(decoding: try LiveServer.fixture(Self.belgrade), as: UTF8.self)

            #expect(try await server.request("GET", "/healthz").json()["status"] as? String == "ok")
            let page = try await server.request("GET", "/")
            #expect(page.status == 200 && page.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(page.headers["content-security-policy"]?.contains("default-src 'none'") == true)
            #expect(page.text.contains("/assets/page.js") && page.text.contains("/assets/page.css") && !page.text.contains("<script>"))
            let script = try await server.request("GET", "/assets/page.js")
            #expect(script.headers["content-type"]?.hasPrefix("text/javascript") == true && script.text.contains("/v1/score"))
            #expect(!script.text.contains("innerHTML"))
            #expect(try await server.request("GET", "/assets/page.css").headers["content-type"]?.hasPrefix("text/css") == true)
            let ready = try await server.request("GET", "/readyz").json()
            #expect(ready["packs"] as? [String] == ["debt-risk@3.0.0", "digital-authoritarianism@3.0.0"])
            let openapi = try await server.request("GET", "/v1/openapi.yaml")
            #expect(openapi.status == 200 && openapi.text.hasPrefix("openapi: 3.1.0"))

            let score = try await server.post("/v1/score?as_of=2026-11-29", yaml: dossier)
            #expect(score.status == 200)
            #expect(score.headers["arbiter-packs"] == "debt-risk@3.0.0, digital-authoritarianism@3.0.0")
            let project = (try score.json()["projects"] as? [[String: Any]])?.first
            #expect(project?["id"] as? String == "rs-belgrade-safe-city")
            #expect(project?["file"] as? String == "<request>")

            let gate = try await server.post("/v1/gate?as_of=2026-11-29&fail_on=critical&fail_on_severity=none&unknown=best", yaml: dossier)
            #expect(gate.status == 200)
            #expect(gate.headers["arbiter-gate"] == "passed")
            let failing = try await server.post("/v1/gate?as_of=2026-11-29", yaml: dossier)
            #expect(failing.status == 200 && failing.headers["arbiter-gate"] == "failed")
            let decision = ((try failing.json()["projects"] as? [[String: Any]])?.first?["gate"] as? [String: Any])
            #expect(decision?["passed"] as? Bool == false)

            let markdown = try await server.post("/v1/score?as_of=2026-11-29", yaml: dossier, headers: ["Content-Type": "application/yaml", "Accept": "text/markdown"])
            #expect(markdown.headers["content-type"]?.hasPrefix("text/markdown") == true)
            let sarif = try await server.post("/v1/score?as_of=2026-11-29&format=sarif", yaml: dossier)
            #expect((try sarif.json()["version"] as? String) == "2.1.0")

            let packs = try await server.request("GET", "/v1/packs").json()["packs"] as? [[String: Any]]
            #expect(packs?.map { $0["id"] as? String } == ["debt-risk", "digital-authoritarianism"])
            let rules = try await server.request("GET", "/v1/rules").json()["rules"] as? [[String: Any]]
            #expect((rules?.count ?? 0) > 50)
            let rule = try await server.request("GET", "/v1/rules/da-bio-001").json()
            #expect(rule["id"] as? String == "DA-BIO-001")
            #expect((rule["references"] as? [[String: Any]])?.isEmpty == false)
            let schema = try await server.request("GET", "/v1/schema")
            #expect(schema.status == 200 && schema.headers["content-type"]?.hasPrefix("application/schema+json") == true)
            let template = try await server.request("GET", "/v1/template?id=my-project")
            #expect(template.status == 200 && template.text.contains("id: my-project"))

            let plan = try await server.post("/v1/plan?as_of=2026-11-29&target=moderate&unknown=best&pack=digital-authoritarianism&collect=true", yaml: dossier)
            #expect(plan.status == 200)
            let planPack = (try plan.json()["packs"] as? [[String: Any]])?.first
            let planned = planPack?["plan"] as? [String: Any]
            #expect(planned?["reached"] as? Bool == true && planned?["method"] as? String == "exact")
            #expect((planned?["steps"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["DA-BIO-002", "DA-DPI-002"])
            #expect((planPack?["facts_to_collect"] as? [[String: Any]])?.isEmpty == false)
            let planText = try await server.post("/v1/plan?as_of=2026-11-29&target=moderate&unknown=best&format=text", yaml: dossier)
            #expect(planText.text.contains("reproduce:"))
            #expect(try await server.post("/v1/plan?format=csv", yaml: dossier).status == 400)
            #expect(try await server.post("/v1/plan?pack=debt-risks", yaml: dossier).status == 400)

            // What-if: the options the plan printed give the verdict it promised.
            let options = (planned?["options"] as? String ?? "").split(separator: " ").filter { $0 != "--set" }
                .map { "set=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }.joined(separator: "&")
            let whatIf = try await server.post("/v1/score?as_of=2026-11-29&" + options, yaml: dossier)
            let after = (try whatIf.json()["projects"] as? [[String: Any]])?.first
            #expect((after?["packs"] as? [[String: Any]])?.last?["band"] as? String == "moderate")
            #expect(((after?["what_if"] as? [String: Any])?["overrides"] as? [[String: Any]])?.count == 4)
            let badSet = try await server.post("/v1/score?set=financing.lender_type%3Dpolciy-bank", yaml: dossier)
            #expect(badSet.status == 400)
            #expect(((try badSet.json()["error"] as? [String: Any])?["diagnostics"] as? [[String: Any]])?.first?["column"] as? Int == 23)

            let metrics = try await server.request("GET", "/metrics").text
            #expect(metrics.contains("arbiter_http_requests_total{"))
            #expect(metrics.contains("arbiter_dossiers_scored_total{route=\"/v1/score\"}"))
            #expect(metrics.contains("arbiter_verdicts_issued_total{"))
            #expect(metrics.contains("arbiter_http_request_duration_seconds_bucket{"))
        }
    }

    @Test func badInputIsAFourHundredWithTheCLIsDiagnostics() async throws {
        try await LiveServer.with({ $0.maxBodyBytes = 4096 }) { (server: LiveServer) async throws in

            let typo = try await server.post("/v1/score", yaml: "id: x\nname: X\nsurveillance:\n  facial_recogntion: true\n")
            #expect(typo.status == 422)
            let diagnostic = ((try typo.json()["error"] as? [String: Any])?["diagnostics"] as? [[String: Any]])?.first
            #expect(diagnostic?["file"] as? String == "<request>")
            #expect(diagnostic?["line"] as? Int == 4 && diagnostic?["column"] as? Int == 3)
            #expect(diagnostic?["code"] as? String == "dossier.unknown-field")
            #expect(diagnostic?["hints"] as? [String] == ["did you mean 'facial_recognition'?"])

            #expect(try await server.post("/v1/score", yaml: "id: [unclosed\n").status == 400)
            #expect(try await server.post("/v1/score", yaml: "a: &a [*a]\n").status == 400)
            #expect(try await server.post("/v1/score", yaml: "{\"id\": \"x\", \"name\": \"X\"}", headers: ["Content-Type": "application/json"]).status == 200)
            #expect(try await server.post("/v1/score", yaml: String(repeating: "# padding\n", count: 500)).status == 413)
            #expect(try await server.post("/v1/score", yaml: "id: x", headers: ["Content-Type": "image/png"]).status == 415)
            #expect(try await server.post("/v1/score", yaml: "id: x\nname: X\n", headers: ["Content-Type": "application/yaml", "Accept": "image/png"]).status == 406)
            #expect(try await server.post("/v1/score?as_of=2026-02-30", yaml: "id: x\nname: X\n").status == 400)
            #expect(try await server.post("/v1/score?format=pdf", yaml: "id: x\nname: X\n").status == 400)
            #expect(try await server.post("/v1/gate?fail_on=severe", yaml: "id: x\nname: X\n").status == 400)
            #expect(try await server.request("GET", "/v1/template?id=Not%20An%20Id").status == 400)
            let missing = try await server.request("GET", "/v1/rules/DA-BIO-01")
            #expect(missing.status == 404)
            #expect(((try missing.json()["error"] as? [String: Any])?["hints"] as? [String])?.first?.contains("DA-BIO-001") == true)
            #expect(try await server.request("GET", "/v2/score").status == 404)
            let wrongMethod = try await server.request("GET", "/v1/score")
            #expect(wrongMethod.status == 405 && wrongMethod.headers["allow"] == "POST")
            #expect(try await server.request("POST", "/v1/reload").status == 403)
        }
    }

    /// The JSON of `/v1/score` is the document `arbiter score --format json` writes.
    @Test func scoreJSONEqualsTheCLIsOnEveryFixture() async throws {
        try await LiveServer.with { (server: LiveServer) async throws in
            let folder = LiveServer.root.appendingPathComponent("Fixtures/projects")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
            #expect(files.count >= 12)
            for name in files {
                let relative = "Fixtures/projects/\(name)"
                let cli = try CLI.run(["score", relative, "--format", "json", "--as-of", "2026-11-29", "--rules", "Rules"])
                #expect(cli.status == 0, "\(name): \(cli.stderr)")
                let reply = try await server.request("POST", "/v1/score?as_of=2026-11-29&file=\(relative)", body: try LiveServer.fixture(relative),
                                                     headers: ["Content-Type": "application/yaml"])
                #expect(reply.status == 200)
                #expect(reply.text == cli.stdout, "\(name)")
            }
        }
    }

    @Test func aStreamWithABadDocumentReportsItAndScoresTheOthers() async throws {
        try await LiveServer.with { (server: LiveServer) async throws in
            let norwich = String(decoding: try LiveServer.fixture("Fixtures/projects/gb-norwich-cctv.yaml"), as: UTF8.self)
            let stream = "---\n" + norwich + "---\nid: broken\nname: Broken\nsurveillance:\n  camras: 3\n---\n"
                + String(decoding: try LiveServer.fixture(Self.belgrade), as: UTF8.self) + "---\n" + norwich
            let reply = try await server.post("/v1/audit?as_of=2026-11-29", yaml: stream)
            #expect(reply.status == 200)
            #expect(reply.headers["arbiter-errors"] == "2")
            let report = try reply.json()
            let projects = report["projects"] as? [[String: Any]] ?? []
            #expect(projects.map { $0["id"] as? String } == ["gb-norwich-cctv", "rs-belgrade-safe-city"])
            #expect(projects.map { $0["file"] as? String } == ["<request>#1", "<request>#3"])
            let errors = report["errors"] as? [[String: Any]] ?? []
            let brokenLine = norwich.split(separator: "\n", omittingEmptySubsequences: false).count + 5
            #expect(errors.count == 2)
            #expect(errors.first?["file"] as? String == "<request>#2")
            #expect(errors.first?["line"] as? Int == brokenLine)
            #expect(errors.last?["file"] as? String == "<request>#4")
            #expect((errors.last?["message"] as? String)?.contains("already used by <request>#1") == true)
            #expect(try await server.post("/v1/audit", yaml: "---\n# nothing\n---\n").status == 400)
            #expect(try await server.post("/v1/audit", yaml: "id: broken\nname: Broken\nsurveillance:\n  camras: 3\n").status == 422)

            // JSON sends several dossiers as one list.
            let list = #"[{"id": "a", "name": "A"}, {"id": "b", "name": "B", "surveillance": {"camras": 1}}, {"id": "c", "name": "C \ud83c\udffb"}]"#
            let listReply = try await server.post("/v1/audit?as_of=2026-11-29", yaml: list, headers: ["Content-Type": "application/json"])
            #expect(listReply.status == 200)
            let listReport = try listReply.json()
            #expect((listReport["projects"] as? [[String: Any]])?.map { $0["file"] as? String } == ["<request>#1", "<request>#3"])
            #expect((listReport["projects"] as? [[String: Any]])?.last?["name"] as? String == "C \u{1F3FB}")
            #expect((listReport["errors"] as? [[String: Any]])?.first?["file"] as? String == "<request>#2")
        }
    }

    @Test func theTokenGuardsEveryV1Route() async throws {
        let token = "s3cret-token-0123456789"
        try await LiveServer.with({ $0.token = token }) { (server: LiveServer) async throws in
            #expect(try await server.request("GET", "/v1/packs").status == 401)
            #expect(try await server.request("GET", "/v1/packs", headers: ["Authorization": "Bearer wrong-token-0123456789"]).status == 401)
            #expect(try await server.request("GET", "/v1/packs", headers: ["Authorization": "Bearer \(token)"]).status == 200)
            #expect(try await server.request("GET", "/healthz").status == 200)
            #expect(TokenMiddleware.equal(Array("abc".utf8), Array("abc".utf8)))
            #expect(!TokenMiddleware.equal(Array("abc".utf8), Array("abd".utf8)))
            #expect(!TokenMiddleware.equal(Array("abc".utf8), Array("abcd".utf8)))
        }
    }

    @Test func reloadKeepsTheOldPacksWhenTheNewOnesAreBroken() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("pack.yaml")
        let good = try String(contentsOf: LiveServer.root.appendingPathComponent("Fixtures/packs/sample.yaml"), encoding: .utf8)
        try good.write(to: pack, atomically: true, encoding: .utf8)
        let token = "reload-token-0123456789"
        try await LiveServer.with({
            $0.packPaths = [folder.path]
            $0.token = token
        }) { (server: LiveServer) async throws in
            let auth = ["Authorization": "Bearer \(token)"]
            let before = try await server.request("GET", "/v1/packs", headers: auth).headers["arbiter-packs"]

            try (good + "\nrules: [not, a, rule]\n").write(to: pack, atomically: true, encoding: .utf8)
            let broken = try await server.request("POST", "/v1/reload", headers: auth)
            #expect(broken.status == 422)
            #expect(((try broken.json()["error"] as? [String: Any])?["diagnostics"] as? [[String: Any]])?.isEmpty == false)
            #expect(try await server.request("GET", "/v1/packs", headers: auth).headers["arbiter-packs"] == before)

            let bumped = good.replacingOccurrences(of: "\nversion: ", with: "\nversion: 9.")
            try bumped.write(to: pack, atomically: true, encoding: .utf8)
            let fixed = try await server.request("POST", "/v1/reload", headers: auth)
            #expect(fixed.status == 200)
            let after = try await server.request("GET", "/v1/packs", headers: auth).headers["arbiter-packs"]
            #expect(after != before && after?.contains("@9.") == true)
        }
    }

    @Test func decisionsAreLoggedOneLineEach() async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-decisions-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        try await LiveServer.with({ $0.decisionLog = log.path }) { (server: LiveServer) async throws in
            let bytes = try LiveServer.fixture(Self.belgrade)
            _ = try await server.request("POST", "/v1/gate?as_of=2026-11-29", body: bytes, headers: ["Content-Type": "application/yaml"])
            _ = try await server.post("/v1/score", yaml: "id: x\nname: X\nsurveillance:\n  camras: 1\n")
            let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 1)
            let entry = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any] ?? [:]
            #expect(entry["dossier_id"] as? String == "rs-belgrade-safe-city")
            #expect(entry["dossier_sha256"] as? String == SHA256.hex(Array(bytes)))
            #expect((entry["gate"] as? [String: Any])?["passed"] as? Bool == false)
            #expect(entry["packs"] as? [String] == ["debt-risk@3.0.0", "digital-authoritarianism@3.0.0"])
            #expect((entry["request_id"] as? String)?.isEmpty == false)
        }
    }

    /// The committed OpenAPI document describes exactly the routes that exist.
    @Test func theOpenAPIDocumentListsEveryRoute() throws {
        let document = try YAMLLoader().load(file: "openapi.yaml", text: OpenAPIDocument.text).get()
        guard let paths = document.root["paths"]?.entries else {
            Issue.record("no paths in the OpenAPI document")
            return
        }
        var documented: [String] = []
        for path in paths {
            for method in path.value.entries ?? [] { documented.append("\(method.key.uppercased()) \(path.key)") }
        }
        let routes = ArbiterService.apiRoutes.map { "\($0.method) \($0.path)" }
        #expect(documented.sorted() == routes.sorted())
    }
}

/// SHA-256 against the FIPS 180-4 examples.
struct SHA256Tests {
    @Test func matchesTheStandardsExamples() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
