import ArbiterCore
import ArbiterEngine
import ArbiterReport
import ArbiterYAML
import HTTPTypes
import Hummingbird
import Logging

/// The handlers behind `ArbiterService.routes`. Each one reads the request, asks the
/// current `ScoringSession`, and answers with the CLI's own report or a JSON document.
struct APIHandlers: Sendable {
    let service: ArbiterService
    let logger: Logger

    /// Media types a dossier may be sent as; JSON is YAML 1.2, so one loader reads both.
    static let bodyTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "application/json", "text/plain"]

    // MARK: scoring

    func score(_ request: Request, _ context: BasicRequestContext, gate: Bool) async throws -> Response {
        let route = gate ? "/v1/gate" : "/v1/score"
        do {
            let options = try RequestOptions(request)
            let settings = try RequestOptions.gateSettings(request)
            let bytes = try await body(of: request)
            let served = service.store.served
            let session = served.session
            let policy = gate ? settings.policy(config: served.config) : nil
            let overrides = try RequestOptions.overrides(request, schema: session.ruleSet.schema)
            let limit = service.configuration.maxResponseBytes
            let scored = try await service.limiter.run { () throws -> (Result<ProjectOutcome, Diagnostics>, [ByteBuffer]) in
                let outcome = session.score(bytes: bytes, name: options.file, asOf: options.asOf, policy: policy, overrides: overrides)
                guard case .success(let project) = outcome else { return (outcome, []) }
                var report = StreamedReport(served: served, options: options, gated: gate, limit: limit)
                _ = try report.add(project, ordinal: 0)
                return (outcome, try report.finish(errors: []))
            }
            switch scored.0 {
            case .failure(let problems):
                let refusal = APIError.refused(problems)
                service.metrics.refused(route: route, status: Int(refusal.status.code))
                throw refusal
            case .success(let outcome):
                decided([Decision(outcome.project, bytes: bytes)], session: session, route: route, context: context)
                var headers = packHeaders(session)
                if let decision = outcome.project.gate { headers[.gateResult] = decision.passed ? "passed" : "failed" }
                return response(scored.1, format: options.format, headers: headers)
            }
        }
    }

    /// Several dossiers, one report over all of them: a YAML stream (documents separated
    /// by `---`), or one document that is a list of dossiers (how JSON sends several).
    /// Each is scored on its own; a bad one gets its located errors without spoiling the
    /// others. 422 only when not one of them could be scored.
    func audit(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        do {
            let options = try RequestOptions(request)
            // The gate's parameters are checked whether or not the gate is asked for.
            let settings = try RequestOptions.gateSettings(request)
            let gated = try RequestOptions.flag(request, "gate")
            let bytes = try await body(of: request)
            let served = service.store.served
            let session = served.session
            let policy = gated ? settings.policy(config: served.config) : nil
            let dossiers = try self.dossiers(in: bytes, file: options.file, session: session)
            let limit = service.configuration.maxResponseBytes
            // Scoring a large body leaves freed memory in the allocator's arenas, refused or not.
            let scored = try await service.limiter.run(releasingHeap: bytes.count >= HeapRelease.bodyThreshold) { () throws -> AuditResult in
                // Each project is rendered as soon as it is scored and its result dropped,
                // so an audit holds its answer's bytes, not every result, and stops at once
                // when the answer outgrows the limit.
                var result = AuditResult()
                var report = StreamedReport(served: served, options: options, gated: policy != nil, limit: limit)
                for (position, dossier) in dossiers.enumerated() {
                    let scored = switch dossier.content {
                    case .bytes(let bytes): session.score(bytes: bytes, name: dossier.name, asOf: options.asOf, policy: policy)
                    case .document(let document): session.score(document: document, asOf: options.asOf, policy: policy)
                    }
                    switch scored {
                    case .failure(let problems):
                        result.refusals.append(Int(APIError.refused(problems).status.code))
                        result.errors += problems.errors
                    case .success(let outcome):
                        if let first = try report.add(outcome, ordinal: position) {
                            result.errors.append(ScoringRun.duplicate(outcome.project.id, firstUsedBy: dossiers[first].name, file: dossier.name,
                                                                      range: outcome.project.idRange))
                            continue
                        }
                        result.decisions.append(Decision(outcome.project, bytes: dossier.fingerprintBytes))
                    }
                }
                if !result.decisions.isEmpty { result.body = try report.finish(errors: result.errors) }
                return result
            }
            for status in scored.refusals { service.metrics.refused(route: "/v1/audit", status: status) }
            if scored.decisions.isEmpty {
                throw APIError(.unprocessableContent, "not one dossier in the body could be scored", diagnostics: scored.errors)
            }
            decided(scored.decisions, session: session, route: "/v1/audit", context: context)
            // Formats without a place for errors (CSV, say) still tell the client how many there were.
            var headers = packHeaders(session)
            headers[.arbiterErrors] = String(scored.errors.count)
            return response(scored.body, format: options.format, headers: headers)
        }
    }

    /// What an audit's scoring hands back from the scoring pool.
    private struct AuditResult: Sendable {
        var decisions: [Decision] = []
        var errors: [Diagnostic] = []
        /// The status each refused dossier would have had on its own, for the metrics.
        var refusals: [Int] = []
        var body: [ByteBuffer] = []
    }

    /// One dossier of an audit body, named `file#n` in reports and diagnostics.
    private struct AuditItem: Sendable {
        enum Content: Sendable {
            case bytes([UInt8])
            case document(Document)
        }

        var name: String
        var content: Content
        /// What the decision log fingerprints: the document's own bytes, or the whole body.
        var fingerprintBytes: [UInt8]
    }

    /// The dossiers of an audit body: the documents of a YAML stream, or the items of a
    /// body that is one list.
    private func dossiers(in bytes: [UInt8], file: String, session: ScoringSession) throws -> [AuditItem] {
        let limit = service.configuration.maxAuditDocuments
        let (documents, count) = YAMLStream.documents(in: bytes, limit: limit)
        guard count <= limit else { throw Self.tooManyDossiers(count, limit: limit) }
        guard !documents.isEmpty else {
            throw APIError(.badRequest, "the body holds no dossier",
                           hints: ["send YAML documents separated by a line of ---, or a JSON list of dossiers"])
        }
        var loader = YAMLLoader(limits: session.options.limits)
        loader.freeFormKeyPrefix = "x-"
        if documents.count == 1, case .success(let document) = loader.load(file: file, bytes: bytes),
           let items = document.root.items {
            guard !items.isEmpty else { throw APIError(.badRequest, "the list of dossiers is empty") }
            guard items.count <= limit else { throw Self.tooManyDossiers(items.count, limit: limit) }
            return items.enumerated().map { index, item in
                let name = "\(file)#\(index + 1)"
                return AuditItem(name: name, content: .document(Document(file: name, root: item)), fingerprintBytes: bytes)
            }
        }
        return documents.map { document in
            AuditItem(name: "\(file)#\(document.index)", content: .bytes(document.bytes), fingerprintBytes: document.bytes)
        }
    }

    /// The refusal of a body with more dossiers than a request may hold.
    private static func tooManyDossiers(_ count: Int, limit: Int) -> APIError {
        APIError(.contentTooLarge, "the body holds \(count) dossiers, over the server's limit of \(limit) a request",
                 hints: ["send at most \(limit) dossiers a request, or audit a folder with `arbiter audit`"])
    }

    /// Counts scored dossiers and their bands, and logs the decisions when a log is kept.
    private func decided(_ decisions: [Decision], session: ScoringSession, route: String, context: BasicRequestContext) {
        for decision in decisions {
            service.metrics.scored(decision, route: route)
            if let reason = service.decisionLog?.record(decision, packs: session.ruleSet.packs, route: route, requestID: context.id) {
                service.metrics.decisionLogFailed()
                logger.error("the decision log cannot be written: \(reason)", metadata: ["request_id": .string(context.id)])
            }
        }
    }

    /// What would change the verdict: the facts to collect first (`collect=true`) and the
    /// mitigations that bring each pack to `target` (default moderate), as `arbiter plan`.
    func plan(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let options = try RequestOptions(request)
        guard PlanReporter.formats.contains(options.format) else {
            throw APIError(.badRequest, "plans come as \(PlanReporter.formats.map(\.rawValue).joined(separator: ", ")), not \(options.format.rawValue)")
        }
        let query = request.uri.queryParameters
        var target: Band?
        if let text = query["target"].map(String.init) {
            guard let band = Band(rawValue: text) else {
                throw APIError(.badRequest, "unknown band '\(text)'", hints: ["use one of \(Band.allCases.map(\.rawValue).joined(separator: ", "))"])
            }
            target = band
        }
        let collect = try RequestOptions.flag(request, "collect")
        let settings = try RequestOptions.gateSettings(request)
        let bytes = try await body(of: request)
        let served = service.store.served
        let session = served.session
        let unknown = settings.policy(config: served.config).unknown
        let only = query.getAll("pack").map { String($0) }
        for id in only where !session.ruleSet.packs.contains(where: { $0.id == id }) {
            throw APIError(.badRequest, "no loaded pack is called '\(id)'", hints: ["loaded packs: \(PackSummary.versions(session.ruleSet.packs).joined(separator: ", "))"])
        }
        let overrides = try RequestOptions.overrides(request, schema: session.ruleSet.schema)
        let goal = target ?? (collect ? nil : .moderate)
        let plan = try await service.limiter.run { () throws -> ProjectPlan in
            switch session.decode(bytes: bytes, name: options.file) {
            case .failure(let problems): throw APIError.refused(problems)
            case .success(let dossier):
                return ProjectPlan.make(dossier, ruleSet: session.ruleSet, asOf: options.asOf, overrides: overrides, collect: collect,
                                        target: goal, unknown: unknown, only: only)
            }
        }
        var headers = packHeaders(session)
        headers[.contentType] = RequestOptions.contentType(of: options.format)
        return Response(status: .ok, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: PlanReporter.render(plan, format: options.format, toolVersion: ToolVersion.current))))
    }

    /// An answer from rendered buffers, written one after another rather than copied
    /// into one; a large one hands its memory back to the system once it is sent.
    private func response(_ buffers: [ByteBuffer], format: ReportFormat, headers: HTTPFields) -> Response {
        var fields = headers
        fields[.contentType] = RequestOptions.contentType(of: format)
        let length = buffers.reduce(0) { $0 + $1.readableBytes }
        let body = ResponseBody(contentLength: length) { writer in
            for buffer in buffers { try await writer.write(buffer) }
            try await writer.finish(nil)
            if length >= HeapRelease.threshold { HeapRelease.now() }
        }
        return Response(status: .ok, headers: fields, body: body)
    }

    /// The request body, after its media type and size are checked.
    private func body(of request: Request) async throws -> [UInt8] {
        var isJSON = false
        if let type = request.headers[.contentType] {
            let bare = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard Self.bodyTypes.contains(bare) else {
                throw APIError(.unsupportedMediaType, "a dossier cannot be sent as \(bare)",
                               hints: ["send Content-Type: application/yaml (or application/json)"])
            }
            isJSON = bare == "application/json"
        }
        let limit = service.configuration.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError(.contentTooLarge, "the body is \(length) bytes, over the server's limit of \(limit)",
                           hints: ["a dossier needs only a few kilobytes"])
        }
        let deadline = service.configuration.bodyTimeout
        let buffer = try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            group.addTask { try await request.body.collect(upTo: limit) }
            group.addTask {
                try await Task.sleep(for: deadline)
                throw APIError(.requestTimeout, "the body did not arrive within \(deadline.components.seconds) seconds",
                               hints: ["send the whole body at once"], headers: [.connection: "close"])
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
        let bytes = Array(buffer.readableBytesView)
        return isJSON ? JSONText.yamlCompatible(bytes) : bytes
    }

    /// A JSON document as an answer.
    static func json(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Names the pack versions that produced an answer.
    private func packHeaders(_ session: ScoringSession) -> HTTPFields {
        [.arbiterPacks: PackSummary.versions(session.ruleSet.packs).joined(separator: ", ")]
    }

    // MARK: packs and rules

    func packs(_ request: Request, _ context: BasicRequestContext) -> Response {
        let session = service.store.session
        return Self.json(ServiceDocument.packs(session.ruleSet.packs), headers: packHeaders(session))
    }

    func rules(_ request: Request, _ context: BasicRequestContext) -> Response {
        let session = service.store.session
        return Self.json(ServiceDocument.rules(session.ruleSet.allRules), headers: packHeaders(session))
    }

    func rule(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        let session = service.store.session
        let id = context.parameters.get("id") ?? ""
        guard let rule = session.ruleSet.rule(id) ?? session.ruleSet.rule(id.uppercased()),
              let pack = session.ruleSet.packs.first(where: { $0.id == rule.pack }) else {
            let suggestion = Spelling.suggestion(for: id, among: session.ruleSet.allRules.map(\.id))
            throw APIError(.notFound, "no loaded pack defines rule '\(id)'",
                           hints: suggestion.map { ["did you mean '\($0)'?"] } ?? ["list the rules at /v1/rules"])
        }
        return Self.json(RuleDocument.render(rule, pack: pack, schema: session.ruleSet.schema), headers: packHeaders(session))
    }

    func schema(_ request: Request, _ context: BasicRequestContext) -> Response {
        let session = service.store.session
        var headers = packHeaders(session)
        headers[.contentType] = "application/schema+json; charset=utf-8"
        let text = DossierSchemaWriter.render(session.ruleSet, toolVersion: ToolVersion.current)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func template(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        let session = service.store.session
        let id = request.uri.queryParameters["id"].map(String.init)
        if let id, !DossierDecoder.isValidIdentifier(id) {
            throw APIError(.badRequest, "'\(id)' is not a valid project id",
                           hints: ["use \(DossierDecoder.identifierRule)"])
        }
        var headers = packHeaders(session)
        headers[.contentType] = "application/yaml; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: DossierTemplateWriter.render(session.ruleSet, id: id))))
    }

    // MARK: operations

    /// Loads the packs again; needs the server's token, so with none configured it is off.
    func reload(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        guard service.configuration.token != nil else {
            throw APIError(.forbidden, "reloading over HTTP needs a token", hints: ["start the server with --token-file, or send it SIGHUP"])
        }
        switch service.store.reload() {
        case .success(let session):
            return Self.json(ServiceDocument.packs(session.ruleSet.packs), headers: packHeaders(session))
        case .failure(let problems):
            throw APIError(.unprocessableContent, "the packs did not load; the previous packs keep serving", diagnostics: problems.diagnostics)
        }
    }

    func health(_ request: Request, _ context: BasicRequestContext) -> Response {
        Self.json(ServiceDocument.status("ok"))
    }

    /// Ready, with the pack versions served; without the token (when one is configured)
    /// the status alone, since pack versions tell an outsider what the server judges by.
    func ready(_ request: Request, _ context: BasicRequestContext) -> Response {
        // A server that cannot log its decisions must not be sent more of them.
        if let problem = service.decisionLog?.problem {
            return Self.json(ServiceDocument.status("failing", reason: "the decision log cannot be written: \(problem)"), status: .serviceUnavailable)
        }
        if let token = service.configuration.token, !TokenMiddleware.authorized(request, token: token) {
            return Self.json(ServiceDocument.status("ready"))
        }
        let session = service.store.session
        return Self.json(ServiceDocument.status("ready", packs: PackSummary.versions(session.ruleSet.packs)))
    }

    func metricsText(_ request: Request, _ context: BasicRequestContext) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: service.metrics.text)))
    }

    func openAPI(_ request: Request, _ context: BasicRequestContext) -> Response {
        Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.text)))
    }
}

extension HTTPField.Name {
    /// The packs (`id@version`) behind an answer.
    static let arbiterPacks = Self("Arbiter-Packs")!
    /// `passed` or `failed`, on gate answers.
    static let gateResult = Self("Arbiter-Gate")!
    /// How many dossiers of an audit could not be scored; JSON lists each in `errors`.
    static let arbiterErrors = Self("Arbiter-Errors")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
