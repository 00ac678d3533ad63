import ArbiterServer
import Foundation
import Logging
import ServiceLifecycle
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `ArbiterService` on an ephemeral loopback port, for the length of one test,
/// spoken to over HTTP.
struct LiveServer {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let port: Int
    let service: ArbiterService
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
        }
    }

    /// The shipped packs unless `configure` says otherwise.
    static func start(_ configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> LiveServer {
        var configuration = ServerConfiguration(workingDirectory: root.path)
        configuration.port = 0
        configuration.packPaths = [root.appendingPathComponent("Rules").path]
        configure(&configuration)
        let store = try SessionStore(load: SessionStore.discovering(configuration))
        let service = try ArbiterService(configuration: configuration, store: store)
        var logger = Logger(label: "arbiter-test")
        logger.logLevel = .error
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let group = service.serviceGroup(logger: logger, signals: []) { port in continuation.yield(port) }
        let task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CocoaError(.fileReadUnknown) }
        return LiveServer(port: port, service: service, group: group, task: task)
    }

    /// Runs `body` against a server started for it, and stops the server afterwards.
    static func with(_ configure: (inout ServerConfiguration) -> Void = { _ in }, _ body: (LiveServer) async throws -> Void) async throws {
        let server = try await start(configure)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// Shuts the server down the way SIGTERM does: requests in flight finish first.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }

    func request(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        // A session of its own per request: the shared one kept connections alive across the
        // servers of tests running in parallel, and a connection to a port since reused by
        // another test's server answered for the wrong one (seen as "HTTP/0.9" and -1002).
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    func post(_ path: String, yaml: String, headers: [String: String] = ["Content-Type": "application/yaml"]) async throws -> Reply {
        try await request("POST", path, body: Data(yaml.utf8), headers: headers)
    }

    static func fixture(_ relative: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relative))
    }
}
