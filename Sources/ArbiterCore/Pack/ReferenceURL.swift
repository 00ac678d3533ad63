/// What makes a reference address citable: `https`, a registered domain name for a
/// host (not a raw address, not a trailing dot), no explicit port. A source a reviewer
/// cannot open and trust is no source.
package enum ReferenceURL {
    /// Why `url` cannot be cited, or nil when it can.
    package static func problem(with url: String) -> String? {
        guard url.hasPrefix("https://") else { return "'\(url)' is not an https address" }
        let rest = url.dropFirst("https://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") { return "'\(url)' carries credentials in its host" }
        if authority.hasPrefix("[") { return "'\(url)' names a raw IP address, not a domain" }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        let host = parts[0]
        if parts.count > 1 { return "'\(url)' names a port; cite the page at its ordinary https address" }
        if host.hasSuffix(".") { return "'\(url)' has a trailing dot after its host" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 || labels.contains(where: \.isEmpty) { return "'\(url)' has no registered domain name as its host" }
        if labels.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return "'\(url)' names a raw IP address, not a domain" }
        let allowed = host.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
        }
        if !allowed { return "'\(url)' has characters a domain name cannot hold in its host" }
        if labels.last!.allSatisfy(\.isNumber) { return "'\(url)' has no registered domain name as its host" }
        return nil
    }
}
