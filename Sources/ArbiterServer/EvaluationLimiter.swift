import Hummingbird
import NIOPosix
import Synchronization

/// Where scoring runs: a thread pool of the server's own, off Swift's cooperative pool,
/// so that a heavy audit never keeps `/healthz`, `/readyz` or the HTTP event loops from
/// running. A cap on evaluations admitted at once: past it a request is answered at once
/// with 503 and a `Retry-After`, rather than queued behind the others.
final class EvaluationLimiter: Sendable {
    let limit: Int
    private let admitted = Atomic<Int>(0)
    private let pool: NIOThreadPool

    /// `threads`: the pool's size, one per core by default; `limit`: evaluations admitted
    /// at once (running, or waiting for a thread).
    init(limit: Int, threads: Int) {
        self.limit = max(1, limit)
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
    }

    /// Evaluations admitted now.
    var admittedCount: Int { admitted.load(ordering: .relaxed) }

    deinit {
        pool.shutdownGracefully { _ in }
    }

    /// `releasingHeap`: trim the heap once `body` has returned and its working memory is
    /// freed (a large audit's), on the thread that freed it.
    func run<Result: Sendable>(releasingHeap: Bool = false, _ body: @escaping @Sendable () throws -> Result) async throws -> Result {
        let now = admitted.wrappingAdd(1, ordering: .relaxed).newValue
        defer { admitted.wrappingSubtract(1, ordering: .relaxed) }
        guard now <= limit else {
            throw APIError(.serviceUnavailable, "the server is evaluating \(limit) requests already", hints: ["retry in a second"],
                           headers: [.retryAfter: "1"])
        }
        guard releasingHeap else { return try await pool.runIfActive(body) }
        return try await pool.runIfActive {
            let outcome = Swift.Result { try body() }
            HeapRelease.now()
            return try outcome.get()
        }
    }
}
