import ArbiterCore
import Metrics
import Prometheus

/// The service's metrics, in a registry of its own (no process-wide bootstrap, so any
/// number of servers can run in one process), exposed at `/metrics` in Prometheus text.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(1000),
        ]
        self.factory = factory
    }

    /// One answered request, by route pattern (never the raw path, which a client
    /// controls), method and status.
    func request(route: String, method: String, status: Int, duration: Duration) {
        Counter(label: "arbiter_http_requests_total", dimensions: [("route", route), ("method", method), ("status", String(status))],
                factory: factory).increment()
        Metrics.Timer(label: "arbiter_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// One dossier scored, and the verdict each pack gave it (a band, insufficient-data
    /// or not-applicable: a dashboard never counts missing data as low risk).
    func scored(_ decision: Decision, route: String) {
        Counter(label: "arbiter_dossiers_scored_total", dimensions: [("route", route)], factory: factory).increment()
        for pack in decision.packVerdicts {
            Counter(label: "arbiter_verdicts_issued_total", dimensions: [("pack", pack.pack), ("verdict", pack.verdict)], factory: factory)
                .increment()
        }
    }

    /// One dossier refused, by the class of problem.
    func refused(route: String, status: Int) {
        Counter(label: "arbiter_dossiers_refused_total", dimensions: [("route", route), ("status", String(status))], factory: factory)
            .increment()
    }

    /// A decision that could not be written to the decision log.
    func decisionLogFailed() {
        Counter(label: "arbiter_decision_log_failures_total", factory: factory).increment()
    }

    var text: String { registry.emitToString() }
}

extension Duration {
    var nanoseconds: Int64 {
        let parts = components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }
}
