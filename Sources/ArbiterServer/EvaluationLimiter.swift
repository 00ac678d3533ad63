import Hummingbird
import Synchronization

/// A cap on evaluations running at once: past it a request is answered at once with
/// 503 and a `Retry-After`, rather than queued behind the others.
final class EvaluationLimiter: Sendable {
    let limit: Int
    private let running = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    func run<Result>(_ body: () throws -> Result) throws -> Result {
        let now = running.wrappingAdd(1, ordering: .relaxed).newValue
        defer { running.wrappingSubtract(1, ordering: .relaxed) }
        guard now <= limit else {
            throw APIError(.serviceUnavailable, "the server is evaluating \(limit) requests already", hints: ["retry in a second"],
                           headers: [.retryAfter: "1"])
        }
        return try body()
    }
}
