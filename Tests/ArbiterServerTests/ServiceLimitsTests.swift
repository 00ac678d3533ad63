@testable import ArbiterServer
import Foundation
import Testing

/// The service under a hostile or careless client: bounded work and answers, scoring off
/// the threads that answer health checks, deadlines for slow bodies and for shutdown,
/// and the smaller courtesies of HTTP.
@Suite(.serialized)
struct ServiceLimitsTests {
    static let belgrade = "Fixtures/projects/rs-belgrade-safe-city.yaml"
    static let token = "limits-token-0123456789abcdef"

    static func stream(of copies: Int) throws -> String {
        let dossier = String(decoding: try LiveServer.fixture(belgrade), as: UTF8.self)
        return (0..<copies).map { index in
            dossier.replacingOccurrences(of: "id: rs-belgrade-safe-city", with: "id: rs-belgrade-safe-city-\(index)")
        }.joined(separator: "\n---\n")
    }

    @Test func anAuditOverTheDocumentLimitIsRefusedWith413() async throws {
        try await LiveServer.with({ $0.maxAuditDocuments = 5 }) { (server: LiveServer) async throws in
            let small = (0..<6).map { "id: p\($0)\nname: P\($0)\n" }.joined(separator: "---\n")
            let refused = try await server.post("/v1/audit", yaml: small)
            #expect(refused.status == 413)
            #expect(refused.text.contains("6 dossiers, over the server's limit of 5"), "\(refused.text)")
            let list = "[" + (0..<6).map { "{\"id\": \"p\($0)\", \"name\": \"P\"}" }.joined(separator: ",") + "]"
            #expect(try await server.post("/v1/audit", yaml: list, headers: ["Content-Type": "application/json"]).status == 413)
            let fewer = (0..<5).map { "id: p\($0)\nname: P\($0)\n" }.joined(separator: "---\n")
            #expect(try await server.post("/v1/audit", yaml: fewer).status == 200)
        }
    }

    @Test func anAnswerOverTheResponseLimitIsRefusedWith413() async throws {
        try await LiveServer.with({ $0.maxResponseBytes = 20_000 }) { (server: LiveServer) async throws in
            let json = try await server.post("/v1/score?format=json", yaml: String(decoding: try LiveServer.fixture(Self.belgrade), as: UTF8.self))
            #expect(json.status == 413)
            #expect(json.text.contains("over the server's limit of 20000 bytes"), "\(json.text)")
            let csv = try await server.post("/v1/score?format=csv", yaml: String(decoding: try LiveServer.fixture(Self.belgrade), as: UTF8.self))
            #expect(csv.status == 200)
        }
    }

    /// Two heavy audits fill the scoring pool; health checks still answer at once, and a
    /// request past the admission limit is refused rather than queued.
    @Test func healthChecksAnswerWhileScoringIsBusy() async throws {
        let heavy = try Self.stream(of: 150)
        try await LiveServer.with({
            $0.scoringThreads = 1
            $0.maxConcurrentEvaluations = 2
            $0.maxBodyBytes = 4 << 20
        }) { (server: LiveServer) async throws in
            async let first = server.post("/v1/audit?format=json", yaml: heavy)
            async let second = server.post("/v1/audit?format=json", yaml: heavy)
            // Probe only while both audits hold their admission, whatever the machine's speed.
            while server.service.limiter.admittedCount < 2 { try await Task.sleep(for: .milliseconds(5)) }
            var slowest: Duration = .zero
            var refused = 0, probes = 0
            while server.service.limiter.admittedCount >= 2 {
                let start = ContinuousClock.now
                let health = try await server.request("GET", "/healthz").status
                let ready = try await server.request("GET", "/readyz").status
                #expect(health == 200 && ready == 200)
                slowest = max(slowest, (ContinuousClock.now - start) / 2)
                let third = try await server.post("/v1/score", yaml: "id: x\nname: X\n").status
                if server.service.limiter.admittedCount >= 2 {
                    probes += 1
                    if third == 503 { refused += 1 }
                }
            }
            let answers = try await [first, second]
            #expect(answers.allSatisfy { $0.status == 200 })
            // Scoring on the cooperative pool stalled health checks for the whole audit
            // (seconds); a second is far above what a busy test machine adds.
            #expect(slowest < .seconds(1), "the slowest health check took \(slowest)")
            #expect(probes > 0)
            #expect(refused == probes, "every evaluation past the two admitted is refused with 503 (\(refused) of \(probes))")
        }
    }

    /// However steadily a body trickles in, it is cut off at its deadline with 408 and
    /// the connection is closed.
    @Test func aTricklingBodyIsCutOffAtItsDeadline() async throws {
        try await LiveServer.with({ $0.bodyTimeout = .seconds(1) }) { (server: LiveServer) async throws in
            let connection = try RawHTTP.connect(port: server.port)
            defer { connection.close() }
            try connection.send("POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 1000\r\n\r\n")
            let start = ContinuousClock.now
            let trickle = Task {
                for _ in 0..<40 {
                    guard (try? connection.send("#")) != nil else { return }
                    try? await Task.sleep(for: .milliseconds(100))
                }
            }
            let answer = String(decoding: await connection.receiveAll(), as: UTF8.self)
            trickle.cancel()
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer)")
            #expect(ContinuousClock.now - start < .seconds(3))
        }
    }

    /// A connection held open by a slow client does not hold the server past its
    /// shutdown deadline.
    @Test func gracefulShutdownHasADeadline() async throws {
        let server = try await LiveServer.start {
            $0.bodyTimeout = .seconds(120)
            $0.idleTimeout = .seconds(120)
            $0.shutdownTimeout = .seconds(1)
        }
        let connection = try RawHTTP.connect(port: server.port)
        defer { connection.close() }
        try connection.send("POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 1000\r\n\r\nid:")
        try await Task.sleep(for: .milliseconds(200))
        let start = ContinuousClock.now
        await server.stop()
        #expect(ContinuousClock.now - start < .seconds(4), "stopping took \(ContinuousClock.now - start)")
    }

    @Test func openConnectionsAreCapped() async throws {
        try await LiveServer.with({ $0.maxConnections = 2 }) { (server: LiveServer) async throws in
            let held = try (0..<2).map { _ in try RawHTTP.connect(port: server.port) }
            try await Task.sleep(for: .milliseconds(200))
            let waiting = try RawHTTP.connect(port: server.port, timeout: .milliseconds(700))
            defer { waiting.close() }
            try waiting.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(await waiting.receiveAll().isEmpty, "a connection past the cap waits")
            for connection in held { connection.close() }
            let later = try await RawHTTP.exchange(port: server.port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(later.status == 200)
        }
    }

    @Test func expectContinueGetsItsHundred() async throws {
        try await LiveServer.with { (server: LiveServer) async throws in
            let body = "id: x\nname: X\n"
            let connection = try RawHTTP.connect(port: server.port, timeout: .seconds(5))
            defer { connection.close() }
            try connection.send("POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nExpect: 100-continue\r\n"
                + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n")
            let interim = await connection.receive(until: "\r\n\r\n")
            #expect(interim.hasPrefix("HTTP/1.1 100 Continue"), "\(interim)")
            try connection.send(body)
            let answer = String(decoding: await connection.receiveAll(), as: UTF8.self)
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
            // A body its length already puts over the limit gets no 100, only the 413.
            let large = try await RawHTTP.exchange(port: server.port, "POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
                + "Expect: 100-continue\r\nContent-Length: \(2 << 20)\r\nConnection: close\r\n\r\n")
            #expect(large.status == 413, "\(large.text.prefix(200))")
        }
    }

    @Test func headIsAnsweredOnEveryGetRoute() async throws {
        try await LiveServer.with { (server: LiveServer) async throws in
            for route in ArbiterService.routes where route.method == "GET" {
                let path = route.path.replacingOccurrences(of: "{id}", with: "DA-BIO-001")
                let answer = try await RawHTTP.exchange(port: server.port, "HEAD \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                #expect(answer.status == 200, "HEAD \(path): \(answer.status)")
                #expect(answer.text.hasSuffix("\r\n\r\n"), "HEAD \(path) has no body")
            }
        }
    }

    @Test func aClientThatHangsUpIsNotCountedAsAServerError() async throws {
        try await LiveServer.with { (server: LiveServer) async throws in
            let connection = try RawHTTP.connect(port: server.port)
            try connection.send("POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 1000\r\n\r\nid: x\n")
            try await Task.sleep(for: .milliseconds(200))
            connection.close()
            // The server notices the hang-up on its own time: poll rather than guess a delay.
            var metrics = ""
            for _ in 0..<200 {
                metrics = try await server.request("GET", "/metrics").text
                if metrics.contains("status=\"499\"") { break }
                try await Task.sleep(for: .milliseconds(25))
            }
            #expect(!metrics.contains("status=\"500\""), "\(metrics)")
            #expect(metrics.contains("status=\"499\""), "\(metrics)")
        }
    }

    @Test func metricsAndReadinessTellNothingWithoutTheToken() async throws {
        try await LiveServer.with({ $0.token = Self.token }) { (server: LiveServer) async throws in
            #expect(try await server.request("GET", "/metrics").status == 401)
            let ready = try await server.request("GET", "/readyz").json()
            #expect(ready["status"] as? String == "ready" && ready["packs"] == nil)
            let signed = try await server.request("GET", "/readyz", headers: ["Authorization": "Bearer \(Self.token)"]).json()
            #expect((signed["packs"] as? [String])?.isEmpty == false)
        }
        try await LiveServer.with({
            $0.token = Self.token
            $0.publicMetrics = true
        }) { (server: LiveServer) async throws in
            #expect(try await server.request("GET", "/metrics").status == 200)
        }
    }

    /// A decision that cannot be logged is counted, and the server stops saying it is ready.
    @Test func aFailingDecisionLogFailsReadiness() async throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        try await LiveServer.with({ $0.decisionLog = "/dev/full" }) { (server: LiveServer) async throws in
            #expect(try await server.request("GET", "/readyz").status == 200)
            let dossier = String(decoding: try LiveServer.fixture(Self.belgrade), as: UTF8.self)
            #expect(try await server.post("/v1/score", yaml: dossier).status == 200)
            let ready = try await server.request("GET", "/readyz")
            #expect(ready.status == 503 && ready.text.contains("decision log"), "\(ready.text)")
            #expect(try await server.request("GET", "/metrics").text.contains("arbiter_decision_log_failures_total 1"))
        }
    }

    /// After log rotation moves the file away, a reopen writes to a new file at the path.
    @Test func theDecisionLogIsReopenedAtItsPath() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-rotate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("decisions.jsonl").path
        try await LiveServer.with({ $0.decisionLog = log }) { (server: LiveServer) async throws in
            let dossier = String(decoding: try LiveServer.fixture(Self.belgrade), as: UTF8.self)
            _ = try await server.post("/v1/score", yaml: dossier)
            try FileManager.default.moveItem(atPath: log, toPath: log + ".1")
            #expect(server.service.reopenLogs() == nil)
            _ = try await server.post("/v1/score", yaml: dossier)
            #expect(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count == 1)
            #expect(try String(contentsOfFile: log + ".1", encoding: .utf8).split(separator: "\n").count == 1)
        }
    }
}
