import ArbiterCore
import ArbiterEngine
import ArbiterReport
import ArbiterYAML
import Hummingbird
import Logging
import NIOCore
import HummingbirdCore
import ServiceLifecycle
import UnixSignals

/// `arbiter serve`: the scoring pipeline over HTTP. As thin over `ScoringSession` as the
/// CLI is: each handler reads the request, calls the session, and renders the same report
/// documents the CLI writes.
public struct ArbiterService: Sendable {
    public let configuration: ServerConfiguration
    public let store: SessionStore
    let metrics = ServerMetrics()
    let limiter: EvaluationLimiter
    let decisionLog: DecisionLog?

    /// The analyst's page and its assets, outside the API.
    public static let pageRoutes: [(method: String, path: String)] = [
        ("GET", "/"), ("GET", "/assets/page.css"), ("GET", "/assets/page.js"),
    ]

    /// Every route, for 405 answers.
    public static var routes: [(method: String, path: String)] { pageRoutes + apiRoutes }

    /// The API's routes, each described by the OpenAPI document (a test holds them equal).
    public static let apiRoutes: [(method: String, path: String)] = [
        ("GET", "/healthz"), ("GET", "/readyz"), ("GET", "/metrics"),
        ("GET", "/v1/openapi.yaml"),
        ("POST", "/v1/score"), ("POST", "/v1/gate"), ("POST", "/v1/audit"), ("POST", "/v1/plan"),
        ("GET", "/v1/packs"), ("GET", "/v1/rules"), ("GET", "/v1/rules/{id}"),
        ("GET", "/v1/schema"), ("GET", "/v1/template"),
        ("POST", "/v1/reload"),
    ]

    public init(configuration: ServerConfiguration, store: SessionStore) throws {
        self.configuration = configuration
        self.store = store
        self.limiter = EvaluationLimiter(limit: configuration.maxConcurrentEvaluations, threads: configuration.scoringThreads)
        self.decisionLog = try configuration.decisionLog.map { path throws(APIError) in try DecisionLog(path: path) }
    }

    /// The application, ready to run; `onRunning` gets the port it listens on.
    public func application(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        // HEAD is answered on every GET route, with the GET answer's headers and no body.
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        // Middleware first: Hummingbird wraps each route in the middleware added before it.
        // The path is held to its canonical form before the token is checked on it.
        router.add(middleware: RequestLogMiddleware(metrics: metrics, logger: logger))
        router.add(middleware: APIErrorMiddleware())
        router.add(middleware: CanonicalPathMiddleware())
        router.add(middleware: TokenMiddleware(token: configuration.token, publicMetrics: configuration.publicMetrics))
        let handlers = APIHandlers(service: self, logger: logger)
        router.get("/") { _, _ in Self.asset(AnalystPage.html, type: "text/html; charset=utf-8") }
        router.get("/assets/page.css") { _, _ in Self.asset(PageStyle.css, type: "text/css; charset=utf-8") }
        router.get("/assets/page.js") { _, _ in Self.asset(PageScript.js, type: "text/javascript; charset=utf-8") }
        router.get("/healthz") { request, context in handlers.health(request, context) }
        router.get("/readyz") { request, context in handlers.ready(request, context) }
        router.get("/metrics") { request, context in handlers.metricsText(request, context) }
        router.get("/v1/openapi.yaml") { request, context in handlers.openAPI(request, context) }
        router.post("/v1/score") { request, context in try await handlers.score(request, context, gate: false) }
        router.post("/v1/gate") { request, context in try await handlers.score(request, context, gate: true) }
        router.post("/v1/audit") { request, context in try await handlers.audit(request, context) }
        router.post("/v1/plan") { request, context in try await handlers.plan(request, context) }
        router.get("/v1/packs") { request, context in handlers.packs(request, context) }
        router.get("/v1/rules") { request, context in handlers.rules(request, context) }
        router.get("/v1/rules/{id}") { request, context in try handlers.rule(request, context) }
        router.get("/v1/schema") { request, context in handlers.schema(request, context) }
        router.get("/v1/template") { request, context in try handlers.template(request, context) }
        router.post("/v1/reload") { request, context in try handlers.reload(request, context) }
        let idle = TimeAmount.nanoseconds(configuration.idleTimeout.nanoseconds)
        let maxBody = configuration.maxBodyBytes
        return Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [ContinueHandler(maxBodyBytes: maxBody)], idleTimeout: idle)),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "arbiter",
                                 availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections, logger: logger)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// The application in a service group that stops it gracefully on `signals`, and
    /// cancels what is still running once `shutdownTimeout` has passed, so a client
    /// holding a connection open cannot keep the server from stopping.
    public func serviceGroup(logger: Logger, signals: [UnixSignal] = [.sigterm, .sigint],
                             onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> ServiceGroup {
        var group = ServiceGroupConfiguration(services: [application(logger: logger, onRunning: onRunning)],
                                              gracefulShutdownSignals: signals, logger: logger)
        group.maximumGracefulShutdownDuration = configuration.shutdownTimeout
        return ServiceGroup(configuration: group)
    }

    /// Opens the decision log anew (after log rotation moved it away); the reason when
    /// it cannot be, in which case the old file is kept.
    public func reopenLogs() -> String? {
        decisionLog?.reopen()
    }

    /// The page or one of its assets, under the page's Content-Security-Policy.
    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok,
                 headers: [.contentType: type, .contentSecurityPolicy: AnalystPage.contentSecurityPolicy,
                           .xContentTypeOptions: "nosniff", .referrerPolicy: "no-referrer", .cacheControl: "no-cache"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The route patterns that match `path`, with their methods, for 405 answers.
    static func methods(allowedFor path: String) -> [String] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return routes.filter { route in
            let pattern = route.path.split(separator: "/", omittingEmptySubsequences: false)
            return pattern.count == parts.count && zip(pattern, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }.map(\.method)
    }
}
