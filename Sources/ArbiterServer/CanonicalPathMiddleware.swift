import ArbiterCore
import Hummingbird

/// Refuses, before the token check or any route sees it, a request whose path is not the
/// one spelling the server answers to. The router matches `//v1/packs`, `/v1/packs/` and
/// `v1/packs` as `/v1/packs`, because it skips empty segments; deciding access on any
/// other spelling than the router's would let one of them past the token. One canonical
/// form makes the path the token check reads the path the router resolves.
struct CanonicalPathMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if let problem = Self.problem(in: path) {
            throw APIError(.badRequest, "the path '\(Self.visible(path))' is not canonical: \(problem)",
                           hints: ["send the path as the API documents it, such as /v1/packs (see /v1/openapi.yaml)"])
        }
        return try await next(request, context)
    }

    /// Why `path` is not canonical, or nil when it is: it starts with `/`, has no empty,
    /// `.` or `..` segment, no trailing `/` (but for `/` itself), no backslash or control
    /// character, and no percent-encoded `/`, `\` or `.`, which a proxy or a later
    /// decoding could turn into one of the above.
    static func problem(in path: String) -> String? {
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return "it does not start with '/'" }
        if bytes.count == 1 { return nil }
        if bytes.last == UInt8(ascii: "/") { return "it ends with '/'" }
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20 || byte == 0x7F { return "it holds a control character" }
            if byte == UInt8(ascii: "\\") { return "it holds a backslash" }
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count {
                let code = String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self).uppercased()
                if ["2F", "5C", "2E", "00"].contains(code) { return "it holds an encoded '/', '\\', '.' or NUL (%\(code))" }
            }
        }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            if segment.isEmpty { return "it holds an empty segment ('//')" }
            if segment == "." || segment == ".." { return "it holds a '\(segment)' segment" }
        }
        return nil
    }

    /// The path as it can be shown in a message: at most 200 characters, control
    /// characters escaped.
    static func visible(_ path: String) -> String {
        String(path.unicodeScalars.prefix(200)).showingControlCharacters + (path.unicodeScalars.count > 200 ? "…" : "")
    }
}
