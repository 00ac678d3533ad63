import ArbiterCore
import ArbiterEngine
import ArbiterReport
import Hummingbird
import HummingbirdCore

/// What a scoring request asks for besides its body, read from the query and headers:
/// the evaluation date, the report format, the gate policy and the dossier's name.
struct RequestOptions {
    var asOf: CivilDate
    var format: ReportFormat
    var file: String

    static let mediaTypes: [(ReportFormat, [String])] = [
        (.json, ["application/json"]),
        (.sarif, ["application/sarif+json"]),
        (.markdown, ["text/markdown"]),
        (.html, ["text/html"]),
        (.csv, ["text/csv"]),
        (.junit, ["application/xml", "text/xml", "application/junit+xml"]),
        (.text, ["text/plain"]),
    ]

    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        if let text = query["as_of"].map(String.init) {
            guard let date = CivilDate(text) else {
                throw APIError(.badRequest, "'\(text)' is not a date", hints: ["write as_of=YYYY-MM-DD, for example as_of=2026-03-31"])
            }
            asOf = date
        } else {
            asOf = Clock.today()
        }
        format = try Self.format(request)
        file = try Self.file(request)
    }

    /// `format=` wins over `Accept`; without either, JSON.
    private static func format(_ request: Request) throws -> ReportFormat {
        let names = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        if let name = request.uri.queryParameters["format"].map(String.init) {
            guard let format = ReportFormat(rawValue: name) else {
                throw APIError(.badRequest, "unknown format '\(name)'", hints: ["use one of \(names)"])
            }
            return format
        }
        guard let accept = request.headers[.accept], !accept.isEmpty else { return .json }
        for part in accept.split(separator: ",") {
            let type = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if type == "*/*" || type == "application/*" { return .json }
            if let match = mediaTypes.first(where: { $0.1.contains(type) }) { return match.0 }
            if type == "text/*" { return .text }
        }
        throw APIError(.notAcceptable, "no report format matches Accept: \(accept)",
                       hints: ["ask for application/json, or pass format= with one of \(names)"])
    }

    /// The name reports and diagnostics give the dossier; `<request>` unless `file=` says.
    private static func file(_ request: Request) throws -> String {
        guard let name = request.uri.queryParameters["file"].map(String.init) else { return "<request>" }
        guard !name.isEmpty, name.count <= 200, !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            throw APIError(.badRequest, "file= must be a name of 1 to 200 printable characters")
        }
        return name
    }

    /// The gate's parameters of a request (`fail_on`, `fail_on_severity`, `unknown`,
    /// `fail_on_unknown`, `min_completeness`), to be resolved over the served folder's
    /// `.arbiter.yaml`, as `arbiter gate`'s flags are.
    /// `none` or a severity under `key`, nil when absent; 400 when it is neither.
    private static func severityThreshold(_ query: FlatDictionary<Substring, Substring>, _ key: String) throws -> Severity?? {
        guard let text = query[Substring(key)].map(String.init) else { return nil }
        guard let threshold = GateSettings.severityThreshold(text) else {
            throw APIError(.badRequest, "unknown severity '\(text)'", hints: ["use none, \(Severity.allCases.map(\.rawValue).joined(separator: ", "))"])
        }
        return threshold
    }

    static func gateSettings(_ request: Request) throws -> GateSettings {
        var settings = GateSettings()
        let query = request.uri.queryParameters
        if let text = query["fail_on"].map(String.init) {
            guard let band = Band(rawValue: text) else {
                throw APIError(.badRequest, "unknown band '\(text)'", hints: ["use one of \(Band.allCases.map(\.rawValue).joined(separator: ", "))"])
            }
            settings.failOn = band
        }
        if let threshold = try severityThreshold(query, "fail_on_severity") { settings.failOnSeverity = threshold }
        if let text = query["unknown"].map(String.init) {
            guard let treatment = GatePolicy.UnknownTreatment(rawValue: text) else {
                throw APIError(.badRequest, "unknown must be decisive, worst or best, not '\(text)'")
            }
            settings.unknown = treatment
        }
        if let threshold = try severityThreshold(query, "fail_on_unknown") { settings.failOnUnknown = threshold }
        if let text = query["min_completeness"].map(String.init) {
            guard let share = Double(text), (0...1).contains(share) else {
                throw APIError(.badRequest, "min_completeness must be a share between 0 and 1, not '\(text)'")
            }
            settings.minCompleteness = share
        }
        return settings
    }

    /// `set=PATH=VALUE` and `unset=PATH` (each repeatable): facts changed before
    /// evaluation, checked by the schema like the dossier's own; 400 with the located
    /// diagnostics otherwise.
    static func overrides(_ request: Request, schema: InputSchema) throws -> [FactOverride] {
        let query = request.uri.queryParameters
        let set = query.getAll("set").map { String($0) }, unset = query.getAll("unset").map { String($0) }
        if set.isEmpty && unset.isEmpty { return [] }
        switch FactOverrideParser.parse(set: set, unset: unset, schema: schema) {
        case .success(let overrides): return overrides
        case .failure(let problems):
            throw APIError(.badRequest, "a set= or unset= parameter does not fit the dossier schema", diagnostics: problems.diagnostics)
        }
    }

    /// `true` or `false`, for flags such as `collect` and `gate`.
    static func flag(_ request: Request, _ name: String) throws -> Bool {
        switch request.uri.queryParameters[name[...]].map(String.init) {
        case nil, "false": return false
        case "true": return true
        case let other?: throw APIError(.badRequest, "\(name) must be true or false, not '\(other)'")
        }
    }

    /// The content type a report is sent with.
    static func contentType(of format: ReportFormat) -> String {
        switch format {
        case .json: "application/json; charset=utf-8"
        case .sarif: "application/sarif+json; charset=utf-8"
        case .markdown: "text/markdown; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .junit: "application/xml; charset=utf-8"
        case .text, .github: "text/plain; charset=utf-8"
        }
    }
}
