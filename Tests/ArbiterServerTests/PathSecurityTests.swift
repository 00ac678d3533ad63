@testable import ArbiterServer
import Foundation
import Testing

/// The token cannot be walked around: every spelling of a route that the router would
/// still match is refused before any handler runs, with the token or without it.
@Suite(.serialized)
struct PathSecurityTests {
    static let token = "path-token-0123456789abcdef"

    /// Every route, its `{id}` filled in.
    static var routes: [(method: String, path: String)] {
        ArbiterService.routes.map { ($0.method, $0.path.replacingOccurrences(of: "{id}", with: "DA-BIO-001")) }
    }

    /// Spellings of `path` that are not its canonical form.
    static func variants(of path: String, port: Int) -> [String] {
        var spellings = [
            "/" + path,                                     // //v1/packs
            "/." + path,                                    // /./v1/packs
            path + "/",                                     // /v1/packs/
            "http://127.0.0.1:\(port)/" + path,             // absolute form, doubled slash
            "/x/.." + path,                                 // a dot-dot segment
            path + "%2F",
            path + "%2e",
            path.replacingOccurrences(of: "/", with: "\\"),
        ]
        if path.count > 1 { spellings.append(String(path.dropFirst())) }          // v1/packs, no leading slash
        let segments = path.split(separator: "/")
        if segments.count > 1 {
            spellings.append("/" + segments.joined(separator: "//"))              // /v1//packs
            spellings.append("/" + segments.joined(separator: "/./"))             // /v1/./packs
            spellings.append("/" + segments[0] + "/../" + segments.joined(separator: "/")) // /v1/../v1/packs
            spellings.append("/" + segments.joined(separator: "%2F"))             // /v1%2Fpacks
            spellings.append("/" + segments.joined(separator: "%2f"))
            spellings.append("/" + segments.joined(separator: "%5C"))             // an encoded backslash
        }
        return spellings
    }

    static func request(_ method: String, _ target: String, token: String?) -> String {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if let token { text += "Authorization: Bearer \(token)\r\n" }
        if method == "POST" { text += "Content-Type: application/yaml\r\nContent-Length: 6\r\n\r\nid: x\n" } else { text += "\r\n" }
        return text
    }

    @Test func noSpellingOfARouteGetsPastTheTokenOrTheRouter() async throws {
        try await LiveServer.with({ $0.token = Self.token }) { (server: LiveServer) async throws in
            for route in Self.routes {
                for variant in Self.variants(of: route.path, port: server.port) {
                    for token in [nil, Self.token] {
                        let answer = try await RawHTTP.exchange(port: server.port, Self.request(route.method, variant, token: token))
                        #expect(answer.status == 400, "\(route.method) \(variant) \(token == nil ? "without" : "with") the token: \(answer.status)")
                    }
                }
            }
        }
    }

    @Test func theCanonicalPathNeedsTheTokenOnEveryNonPublicRoute() async throws {
        try await LiveServer.with({ $0.token = Self.token }) { (server: LiveServer) async throws in
            for route in Self.routes {
                let anonymous = try await RawHTTP.exchange(port: server.port, Self.request(route.method, route.path, token: nil))
                let absolute = try await RawHTTP.exchange(port: server.port, Self.request(route.method, "http://127.0.0.1:\(server.port)" + route.path, token: nil))
                let signed = try await RawHTTP.exchange(port: server.port, Self.request(route.method, route.path, token: Self.token))
                if TokenMiddleware.publicPaths.contains(route.path) {
                    #expect(anonymous.status == 200, "\(route.method) \(route.path) is public: \(anonymous.status)")
                } else {
                    #expect(anonymous.status == 401, "\(route.method) \(route.path) without the token: \(anonymous.status)")
                    #expect(absolute.status == 401, "\(route.method) absolute \(route.path) without the token: \(absolute.status)")
                }
                #expect(signed.status != 401 && signed.status != 400, "\(route.method) \(route.path) with the token: \(signed.status)")
            }
        }
    }

    /// Without a token the paths are held to the same canonical form.
    @Test func nonCanonicalPathsAreRefusedWithoutATokenConfigured() async throws {
        try await LiveServer.with { (server: LiveServer) async throws in
            for variant in Self.variants(of: "/v1/packs", port: server.port) {
                let answer = try await RawHTTP.exchange(port: server.port, Self.request("GET", variant, token: nil))
                #expect(answer.status == 400, "GET \(variant): \(answer.status)")
                // HTTP's own parser refuses a target without a leading '/' or with a
                // backslash before any route runs, with an empty 400.
                let parsedByHTTP = !variant.hasPrefix("/") || variant.contains("\\")
                #expect(parsedByHTTP || answer.text.contains("canonical"), "GET \(variant): \(answer.text)")
            }
            #expect(try await RawHTTP.exchange(port: server.port, Self.request("GET", "/v1/packs", token: nil)).status == 200)
            #expect(try await RawHTTP.exchange(port: server.port, Self.request("GET", "/v1/packs?x=a//b", token: nil)).status == 200)
        }
    }
}
