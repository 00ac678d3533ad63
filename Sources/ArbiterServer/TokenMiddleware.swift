import Hummingbird

/// With a token configured, every path needs `Authorization: Bearer <token>` but the few
/// that reveal nothing: the page and its assets, `/healthz`, and `/readyz` (which
/// answers only its status without the token). `/metrics` joins them only with
/// `--public-metrics`. Access is denied by default, so a route added later is guarded
/// until someone decides otherwise. The comparison takes the same time wherever the
/// first difference is.
struct TokenMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let token: String?
    let publicMetrics: Bool

    /// The paths anyone may ask for; `CanonicalPathMiddleware` runs first, so a path is
    /// compared here in the one spelling the router resolves.
    static let publicPaths: Set<String> = ["/", "/assets/page.css", "/assets/page.js", "/healthz", "/readyz"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token else { return try await next(request, context) }
        let path = request.uri.path
        if Self.publicPaths.contains(path) || (publicMetrics && path == "/metrics") { return try await next(request, context) }
        guard Self.authorized(request, token: token) else {
            let header = request.headers[.authorization] ?? ""
            throw APIError(.unauthorized, header.isEmpty ? "this server needs a bearer token" : "the bearer token is not the server's",
                           hints: ["send Authorization: Bearer <token>"], headers: [.wwwAuthenticate: "Bearer realm=\"arbiter\""])
        }
        return try await next(request, context)
    }

    /// Whether the request carries the token.
    static func authorized(_ request: Request, token: String) -> Bool {
        let header = request.headers[.authorization] ?? ""
        let prefix = "Bearer "
        return header.hasPrefix(prefix) && equal(Array(header.utf8.dropFirst(prefix.utf8.count)), Array(token.utf8))
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
