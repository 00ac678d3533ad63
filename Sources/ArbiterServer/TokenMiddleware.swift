import Hummingbird

/// With a token configured, every `/v1` route needs `Authorization: Bearer <token>`.
/// The comparison takes the same time wherever the first difference is.
struct TokenMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token, request.uri.path.hasPrefix("/v1") else { return try await next(request, context) }
        let header = request.headers[.authorization] ?? ""
        let prefix = "Bearer "
        guard header.hasPrefix(prefix), Self.equal(Array(header.utf8.dropFirst(prefix.utf8.count)), Array(token.utf8)) else {
            throw APIError(.unauthorized, header.isEmpty ? "this server needs a bearer token" : "the bearer token is not the server's",
                           hints: ["send Authorization: Bearer <token>"], headers: [.wwwAuthenticate: "Bearer realm=\"arbiter\""])
        }
        return try await next(request, context)
    }

    /// Equal bytes, compared in time that depends on the lengths alone.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
