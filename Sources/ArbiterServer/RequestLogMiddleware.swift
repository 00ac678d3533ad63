import Hummingbird
import Logging

/// One log line per request (method, path, status, duration, request id) and the
/// request metrics, by route pattern.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

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
        }
    }
}
