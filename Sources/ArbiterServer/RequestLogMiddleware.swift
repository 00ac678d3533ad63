import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// One log line per request (method, path, status, duration, request id) and the
/// request metrics, by route pattern.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// nginx's status for a client that closed the connection before it was answered:
    /// not the server's error, so not a 500 in the logs and the metrics.
    static let clientClosedRequest = 499

    /// Whether an error means the connection went away under the request (the body's
    /// stream ended early, or the task was cancelled with the connection).
    static func clientWentAway(_ error: any Error) -> Bool {
        if let parser = error as? HTTPParserError { return parser == .invalidEOFState }
        return error is CancellationError || error is ChannelError || error is IOError
    }

    let metrics: ServerMetrics
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let duration = ContinuousClock.now - start
            // An unmatched path is counted under one name: the raw path is the client's to choose.
            let route = context.endpointPath ?? "unmatched"
            metrics.request(route: route, method: request.method.rawValue, status: status, duration: duration)
            let milliseconds = Double(duration.nanoseconds) / 1_000_000
            logger.info("\(request.method) \(request.uri.path) \(status) \((milliseconds * 100).rounded() / 100) ms",
                        metadata: ["request_id": .string(context.id)])
        }
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            status = Int(error.status.code)
            throw error
        } catch {
            if Self.clientWentAway(error) { status = Self.clientClosedRequest }
            throw error
        }
    }
}
