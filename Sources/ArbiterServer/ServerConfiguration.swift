import ArbiterCore
import Foundation

/// How `arbiter serve` runs: where it listens, what it loads, and the limits every
/// request is held to.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback unless the operator says otherwise.
    public var host = "127.0.0.1"
    /// The port; 0 picks a free one (the one chosen is reported when the server runs).
    public var port = 8080
    /// Pack files or folders (`--rules`); empty means the CLI's discovery.
    public var packPaths: [String] = []
    /// A waivers file applied to every request.
    public var waiversFile: String?
    /// When set, every route but the page, `/healthz` and `/readyz` needs
    /// `Authorization: Bearer <token>`.
    public var token: String?
    /// Serve `/metrics` without the token (for a scraper on a private network).
    public var publicMetrics = false
    /// A file that gets one JSON line per decision.
    public var decisionLog: String?
    /// The largest request body; the loader's file-size limit by default.
    public var maxBodyBytes = 1 << 20
    /// Threads that score, one per core: scoring never runs on Swift's cooperative pool,
    /// which answers `/healthz` and drives the connections.
    public var scoringThreads = ServerConfiguration.cores
    /// Requests admitted to scoring at once (running or waiting for a scoring thread);
    /// more get 503 and a `Retry-After`. Eight a core: a dossier scores in well under a
    /// millisecond, so sixteen clients on two cores wait briefly rather than being
    /// refused, and a flood beyond that is refused rather than queued without bound.
    public var maxConcurrentEvaluations = 8 * ServerConfiguration.cores
    /// Dossiers one `/v1/audit` request may hold; more are refused with 413. A JSON
    /// report runs to about 65 KB a project, so 500 fit the default answer limit.
    public var maxAuditDocuments = 500
    /// The largest answer; one that would be larger is refused with 413 before a byte
    /// of it is sent.
    public var maxResponseBytes = 64 << 20
    /// Open connections at once; further ones wait in the listen backlog.
    public var maxConnections = 512
    /// How long a connection may sit idle (a client sending its request slowly, or a
    /// kept-alive connection between requests) before it is closed. Evaluation itself
    /// is bounded by the loader's limits and each expression's step budget.
    public var idleTimeout: Duration = .seconds(10)
    /// How long a request's whole body may take to arrive, however steadily it
    /// dribbles: the idle timeout restarts with every byte, this deadline does not.
    public var bodyTimeout: Duration = .seconds(30)
    /// How long a graceful shutdown waits for requests in flight before it cancels them.
    public var shutdownTimeout: Duration = .seconds(10)
    /// Where `.arbiter.yaml` is searched from; relative paths are read from the
    /// process's working directory, as the CLI reads them.
    public var workingDirectory: String

    public init(workingDirectory: String) {
        self.workingDirectory = workingDirectory
    }

    /// The cores this process may use.
    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
