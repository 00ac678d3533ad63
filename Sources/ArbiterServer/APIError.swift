import ArbiterCore
import ArbiterEngine
import Foundation
import Hummingbird

/// A refused request: its status, a message that says what to do, and, for a bad
/// dossier, the same located diagnostics the CLI prints. Rendered as JSON:
///
///     {"error": {"status": 422, "message": "…", "diagnostics": [{"file": "<request>", "line": 4, …}]}}
struct APIError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    var hints: [String] = []
    var diagnostics: [Diagnostic] = []
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, hints: [String] = [], diagnostics: [Diagnostic] = [], headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.hints = hints
        self.diagnostics = diagnostics
        self.headers = headers
    }

    /// A dossier the pipeline refused: 400 when it is not well-formed YAML (or too big or
    /// too deep to read), 422 when it is YAML that does not fit the dossier schema.
    static func refused(_ problems: Diagnostics) -> APIError {
        let syntax = problems.errors.contains { $0.code.hasPrefix("yaml.") }
        return APIError(syntax ? .badRequest : .unprocessableContent,
                        syntax ? "the body is not a YAML or JSON document Arbiter can read" : "the dossier does not fit the dossier schema",
                        diagnostics: problems.diagnostics)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ErrorBody(error: .init(status: Int(status.code), message: message, hints: hints,
                                          diagnostics: diagnostics.map(DiagnosticBody.init)))
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: JSONBody.encode(body))))
    }

    struct ErrorBody: Encodable {
        struct Content: Encodable {
            var status: Int
            var message: String
            var hints: [String]
            var diagnostics: [DiagnosticBody]
        }

        var error: Content
    }
}

/// A diagnostic as JSON: where (1-based line and column), what, and what to do.
struct DiagnosticBody: Encodable {
    struct Note: Encodable {
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
    }

    var file: String
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
    var severity: String
    var code: String
    var message: String
    var hints: [String]
    var notes: [Note]

    init(_ diagnostic: Diagnostic) {
        file = diagnostic.file
        line = diagnostic.range.start.line
        column = diagnostic.range.start.column
        endLine = diagnostic.range.end.line
        endColumn = diagnostic.range.end.column
        severity = diagnostic.severity.rawValue
        code = diagnostic.code
        message = diagnostic.message
        hints = diagnostic.notes.filter { $0.range == nil }.map(\.message)
        notes = diagnostic.notes.compactMap { note in
            note.range.map { Note(message: note.message, file: note.file ?? diagnostic.file, line: $0.start.line, column: $0.start.column) }
        }
    }

    enum CodingKeys: String, CodingKey {
        case file, line, column, severity, code, message, hints, notes
        case endLine = "end_line", endColumn = "end_column"
    }
}

/// JSON for the API's own documents (errors, packs, rules), with sorted keys so the
/// bytes are stable. Reports keep their own writers.
enum JSONBody {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8)) + [UInt8(ascii: "\n")]
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: encode(value))))
    }
}
