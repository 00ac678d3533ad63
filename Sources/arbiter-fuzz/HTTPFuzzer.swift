import ArbiterCore
import ArbiterServer
import Foundation
import Logging
import ServiceLifecycle

/// Generated requests against an in-process `arbiter serve` with a token, byte for byte
/// over loopback, so the HTTP parser, the canonical-path check, the token, the routes and
/// the handlers all see them. What must hold for every request:
/// - an answer comes within the timeout, or the server closes a request it cannot parse;
/// - no answer is a 5xx but 503 (a full scoring pool);
/// - no protected route answers 2xx to a request without the token;
/// - `/healthz` answers after every request.
struct HTTPFuzzer {
    let root: String
    let seed: UInt64
    static let token = "fuzz-token-0123456789abcdef"

    func run(seconds: Double) async -> String? {
        var configuration = ServerConfiguration(workingDirectory: root)
        configuration.port = 0
        configuration.packPaths = [root + "/Rules"]
        configuration.token = Self.token
        configuration.bodyTimeout = .seconds(2)
        configuration.maxBodyBytes = 64 << 10
        var logger = Logger(label: "arbiter-fuzz")
        logger.logLevel = .critical
        let service: ArbiterService
        do {
            service = try ArbiterService(configuration: configuration, store: SessionStore(load: SessionStore.discovering(configuration)))
        } catch {
            return "the server did not start: \(error)"
        }
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let group = service.serviceGroup(logger: logger, signals: []) { continuation.yield($0) }
        let server = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return "the server reported no port" }

        let bodies = Self.seedBodies(root: root)
        let result: String? = await withCheckedContinuation { done in
            Thread {
                var generator = SplitMix(seed: seed)
                let deadline = Date().addingTimeInterval(seconds)
                var count = 0
                var failure: String?
                while Date() < deadline, failure == nil {
                    let request = RequestGenerator(bodies: bodies, token: Self.token).make(using: &generator)
                    failure = Self.check(request, port: port).map { "request \(count) of seed \(seed): \($0)\n\(request.shown)" }
                    count += 1
                }
                print("http: \(count) requests, seed \(seed), \(failure == nil ? "nothing found" : "FAILED")")
                done.resume(returning: failure)
            }.start()
        }
        if let result { print(result) }
        await group.triggerGracefulShutdown()
        _ = await server.result
        return result
    }

    /// The problem with the server's answer to `request`, or nil.
    static func check(_ request: RequestGenerator.Request, port: Int) -> String? {
        guard let answer = Socket.exchange(port: port, request.bytes, timeout: 10) else { return "no connection" }
        if answer.timedOut { return "no answer within 10 s" }
        if let status = answer.status {
            if status >= 500 && status != 503 { return "answered \(status)" }
            if (200..<300).contains(status), request.isProtected, !request.carriesToken { return "answered \(status) without the token" }
        }
        guard let health = Socket.exchange(port: port, Array("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), timeout: 5),
              health.status == 200 else { return "/healthz stopped answering after it" }
        return nil
    }

    static func seedBodies(root: String) -> [[UInt8]] {
        let folder = root + "/Fixtures/projects"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().filter { $0.hasSuffix(".yaml") }
        return names.prefix(6).compactMap { FileManager.default.contents(atPath: folder + "/" + $0).map { Array($0) } }
            + [Array("id: x\nname: X\n".utf8), Array("[{\"id\": \"a\", \"name\": \"A\"}]".utf8)]
    }
}
