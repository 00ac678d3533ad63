import ArbiterCore
import ArbiterServer

/// One generated HTTP/1.1 request: a route's path, spelled rightly or not, with a query,
/// headers and a body, each drawn from what clients send and from what attackers try.
struct RequestGenerator {
    let bodies: [[UInt8]]
    let token: String

    struct Request {
        var bytes: [UInt8]
        var isProtected: Bool
        var carriesToken: Bool
        /// The request's first 300 bytes, printable, for a failure report.
        var shown: String {
            String(decoding: bytes.prefix(300), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0).showingControlCharacters }.joined(separator: "\n")
        }
    }

    static let publicPaths: Set<String> = ["/", "/assets/page.css", "/assets/page.js", "/healthz", "/readyz"]
    static let queryKeys = ["format", "as_of", "file", "set", "unset", "unknown", "fail_on", "fail_on_severity", "gate", "target",
                            "collect", "pack", "id", "fail_on_unknown", "min_completeness"]
    static let queryValues = ["json", "sarif", "csv", "html", "markdown", "junit", "text", "github", "2026-11-29", "1999-02-30", "",
                              "high", "critical", "best", "worst", "true", "false", "financing.lender_type=china-exim",
                              "surveillance.cameras=-1", "%00", "%FF%FE", "a%2Fb", "x=1=2", "DA-BIO-001", "../../etc/passwd"]
    static let contentTypes = ["application/yaml", "application/json", "text/plain", "application/x-yaml; charset=utf-8",
                               "multipart/form-data; boundary=x", "", "application/yaml;;;", "\u{1}"]
    static let accepts = ["*/*", "application/json", "text/markdown", "text/csv;q=0.5, text/html", "image/png", "", "application/sarif+json"]

    func make(using generator: inout SplitMix) -> Request {
        let route = generator.pick(ArbiterService.routes)
        var path = route.path.replacingOccurrences(of: "{id}", with: generator.pick(["DA-BIO-001", "da-bio-001", "NOPE", "%41", "x" + String(repeating: "y", count: 300)]))
        let canonical = path
        if generator.chance(0.3) { path = Self.mangle(path, using: &generator) }
        // The absolute form; a path without its leading '/' would read as part of the host.
        if generator.chance(0.05), path.hasPrefix("/") { path = "http://127.0.0.1" + path }
        let method = generator.chance(0.85) ? route.method : generator.pick(["GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "get", "BREW"])
        var target = path
        if generator.chance(0.6) {
            let pairs = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                generator.pick(Self.queryKeys) + "=" + generator.pick(Self.queryValues)
            }
            target += "?" + pairs.joined(separator: "&")
        }
        let carriesToken = generator.chance(0.6)
        var headers = ["Host: 127.0.0.1"]
        if carriesToken {
            headers.append("Authorization: Bearer \(token)")
        } else if generator.chance(0.3) {
            headers.append(generator.pick(["Authorization: Bearer wrong", "Authorization: bearer \(token)", "Authorization: Basic eDp5",
                                           "Authorization: Bearer \(token)x", "Authorization: Bearer"]))
        }
        if generator.chance(0.7) { headers.append("Content-Type: " + generator.pick(Self.contentTypes)) }
        if generator.chance(0.5) { headers.append("Accept: " + generator.pick(Self.accepts)) }
        if generator.chance(0.1) { headers.append("Expect: 100-continue") }
        if generator.chance(0.05) { headers.append("X-" + String(repeating: "h", count: Int.random(in: 1...9000, using: &generator)) + ": v") }
        var body: [UInt8] = []
        if method == "POST" || generator.chance(0.1) { body = mutate(generator.pick(bodies), using: &generator) }
        var framing: [UInt8]
        switch Int.random(in: 0..<10, using: &generator) {
        case 0:
            // Chunked, sometimes broken.
            headers.append("Transfer-Encoding: chunked")
            let cut = generator.chance(0.3) ? Int.random(in: 0...body.count, using: &generator) : body.count
            framing = Array("\(String(body.count, radix: 16))\r\n".utf8) + body[..<cut] + Array("\r\n0\r\n\r\n".utf8)
        case 1:
            headers.append("Content-Length: \(generator.pick([body.count + 10, max(0, body.count - 3), -1, Int.max]))")
            framing = body
        case 2:
            headers.append("Content-Length: \(body.count)")
            headers.append("Content-Length: \(body.count + 1)")
            framing = body
        default:
            headers.append("Content-Length: \(body.count)")
            framing = body
        }
        headers.append("Connection: close")
        let head = "\(method) \(target) HTTP/1.1\r\n" + headers.joined(separator: "\r\n") + "\r\n\r\n"
        return Request(bytes: Array(head.utf8) + framing, isProtected: !Self.publicPaths.contains(canonical), carriesToken: carriesToken)
    }

    static func mangle(_ path: String, using generator: inout SplitMix) -> String {
        var path = path
        switch Int.random(in: 0..<9, using: &generator) {
        case 0: path = "/" + path
        case 1: path += "/"
        case 2: path = path.replacingOccurrences(of: "/", with: "//")
        case 3: path = path.replacingOccurrences(of: "/v1/", with: "/v1/./")
        case 4: path = path.replacingOccurrences(of: "/v1/", with: "/v1/../v1/")
        case 5: path = path.replacingOccurrences(of: "/v1/", with: "/v1%2F")
        case 6: path = String(path.dropFirst())
        case 7: path = path.uppercased()
        default: path += generator.pick(["%00", "%", "%zz", ";x", "#frag", "\u{7F}", "é"])
        }
        return path
    }

    func mutate(_ seed: [UInt8], using generator: inout SplitMix) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 0...4, using: &generator) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: bytes[at] ^= UInt8.random(in: 1...255, using: &generator)
            case 1: bytes.removeSubrange(at...)
            case 2: bytes.insert(contentsOf: Array(generator.pick(["\n---\n", "&a [*a, *a]", "\t", "\u{0}", ": :", "{", "!!binary x", "<<: *a"]).utf8), at: at)
            case 3: bytes += bytes.prefix(Int.random(in: 0...min(4096, bytes.count), using: &generator))
            case 4: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &generator)))
            default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: at)
            }
        }
        return bytes
    }
}
