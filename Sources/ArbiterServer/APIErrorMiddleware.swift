import Hummingbird
import NIOCore

/// Every refusal as JSON in the API's error shape: an unknown path is 404, a known path
/// asked with another method 405 (with `Allow`), a body over the limit 413.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the body is over the server's limit", hints: ["a dossier needs only a few kilobytes"])
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = ArbiterService.methods(allowedFor: request.uri.path)
            if !allowed.isEmpty {
                throw APIError(.methodNotAllowed, "\(request.uri.path) does not take \(request.method)",
                               hints: ["use \(allowed.joined(separator: " or "))"], headers: [.allow: allowed.joined(separator: ", ")])
            }
            throw APIError(.notFound, "no route \(request.method) \(request.uri.path)",
                           hints: ["the API is described at /v1/openapi.yaml"])
        } catch let error as HTTPError {
            throw APIError(error.status, error.body ?? error.status.reasonPhrase)
        }
    }
}
