import ArbiterCore
import ArbiterEngine
import ArbiterReport
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
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let body = DiagnosticJSON.errorDocument(status: Int(status.code), message: message, hints: hints, diagnostics: diagnostics)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
