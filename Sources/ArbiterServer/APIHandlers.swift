import ArbiterCore
import ArbiterEngine
import ArbiterReport
import ArbiterYAML
import HTTPTypes
import Hummingbird

/// The handlers behind `ArbiterService.routes`. Each one reads the request, asks the
/// current `ScoringSession`, and answers with the CLI's own report or a JSON document.
struct APIHandlers: Sendable {
    let service: ArbiterService

    /// Media types a dossier may be sent as; JSON is YAML 1.2, so one loader reads both.
    static let bodyTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "application/json", "text/plain"]

    // MARK: scoring

    func score(_ request: Request, _ context: BasicRequestContext, gate: Bool) async throws -> Response {
        let route = gate ? "/v1/gate" : "/v1/score"
        return try await withDeadline {
            let options = try RequestOptions(request)
            let policy = gate ? try RequestOptions.policy(request) : nil
            let bytes = try await body(of: request)
            let session = service.store.session
            let outcome = try service.limiter.run {
                session.score(bytes: bytes, name: options.file, asOf: options.asOf, policy: policy)
            }
            switch outcome {
            case .failure(let problems):
                let refusal = APIError.refused(problems)
                service.metrics.refused(route: route, status: Int(refusal.status.code))
                throw refusal
            case .success(let outcome):
                service.metrics.scored(outcome.project, route: route)
                service.decisionLog?.record(outcome.project, bytes: bytes, packs: session.ruleSet.packs, route: route, requestID: context.id)
                var headers = packHeaders(session)
                if let decision = outcome.project.gate { headers[.gateResult] = decision.passed ? "passed" : "failed" }
                return report([outcome], errors: [], session: session, options: options, gated: gate, headers: headers)
            }
        }
    }

    /// A YAML stream of dossiers, one report over all of them: each document is scored
    /// on its own, and a bad one gets its located errors without spoiling the others.
    func audit(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try await withDeadline {
            let options = try RequestOptions(request)
            let policy = request.uri.queryParameters["gate"] == "true" ? try RequestOptions.policy(request) : nil
            let documents = YAMLStream.documents(in: try await body(of: request))
            guard !documents.isEmpty else {
                throw APIError(.badRequest, "the body holds no YAML document", hints: ["separate dossiers with a line of ---"])
            }
            let session = service.store.session
            var outcomes: [ProjectOutcome] = []
            var errors: [Diagnostic] = []
            var ids = ProjectIDRegistry()
            var names: [String] = []
            try service.limiter.run {
                for document in documents {
                    let name = "\(options.file)#\(document.index)"
                    names.append(name)
                    switch session.score(bytes: document.bytes, name: name, asOf: options.asOf, policy: policy) {
                    case .failure(let problems):
                        service.metrics.refused(route: "/v1/audit", status: Int(APIError.refused(problems).status.code))
                        errors += problems.errors
                    case .success(let outcome):
                        if let first = ids.claim(outcome.project.id, ordinal: names.count - 1) {
                            errors.append(ProjectIDRegistry.duplicate(outcome.project.id, firstUsedBy: names[first], file: name,
                                                                      range: outcome.project.idRange))
                            continue
                        }
                        service.metrics.scored(outcome.project, route: "/v1/audit")
                        service.decisionLog?.record(outcome.project, bytes: document.bytes, packs: session.ruleSet.packs,
                                                    route: "/v1/audit", requestID: context.id)
                        outcomes.append(outcome)
                    }
                }
            }
            return report(outcomes, errors: errors, session: session, options: options, gated: policy != nil, headers: packHeaders(session))
        }
    }

    /// The report the CLI would write for these outcomes, in the format asked for.
    private func report(_ outcomes: [ProjectOutcome], errors: [Diagnostic], session: ScoringSession, options: RequestOptions,
                        gated: Bool, headers: HTTPFields) -> Response {
        var matchCounts: [Int: Int] = [:]
        for outcome in outcomes { for waiver in outcome.matchedWaivers { matchCounts[waiver, default: 0] += 1 } }
        let waivers = WaiverBook(waivers: session.waivers.waivers, asOf: options.asOf).outcomes(matchCounts: matchCounts)
        let context = ReportContext(toolVersion: ToolVersion.current, asOf: options.asOf, packs: session.ruleSet.packs, gated: gated)
        let text = options.format.reporter.render(outcomes.map(\.project), errors: errors, waivers: waivers, context: context)
        var fields = headers
        fields[.contentType] = RequestOptions.contentType(of: options.format)
        return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The request body, after its media type and size are checked.
    private func body(of request: Request) async throws -> [UInt8] {
        if let type = request.headers[.contentType] {
            let bare = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard Self.bodyTypes.contains(bare) else {
                throw APIError(.unsupportedMediaType, "a dossier cannot be sent as \(bare)",
                               hints: ["send Content-Type: application/yaml (or application/json)"])
            }
        }
        let limit = service.configuration.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError(.contentTooLarge, "the body is \(length) bytes, over the server's limit of \(limit)",
                           hints: ["a dossier needs only a few kilobytes"])
        }
        let buffer = try await request.body.collect(upTo: limit)
        return Array(buffer.readableBytesView)
    }

    /// Runs `body`, or answers 503 once the configured request timeout has passed.
    private func withDeadline(_ body: @Sendable @escaping () async throws -> Response) async throws -> Response {
        let timeout = service.configuration.requestTimeout
        return try await withThrowingTaskGroup(of: Response.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw APIError(.serviceUnavailable, "the request took longer than the server allows (\(timeout))",
                               hints: ["send the dossier again; large streams can be split"], headers: [.retryAfter: "1"])
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }

    /// Names the pack versions that produced an answer.
    private func packHeaders(_ session: ScoringSession) -> HTTPFields {
        [.arbiterPacks: session.ruleSet.packs.map { "\($0.id)@\($0.version)" }.joined(separator: ", ")]
    }

    // MARK: packs and rules

    func packs(_ request: Request, _ context: BasicRequestContext) -> Response {
        let session = service.store.session
        return JSONBody.response(PackList(packs: session.ruleSet.packs.map(PackSummary.init)), headers: packHeaders(session))
    }

    func rules(_ request: Request, _ context: BasicRequestContext) -> Response {
        let session = service.store.session
        return JSONBody.response(RuleList(rules: session.ruleSet.allRules.map(RuleSummary.init)), headers: packHeaders(session))
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
        return JSONBody.response(RuleDetail(rule, pack: pack, schema: session.ruleSet.schema), headers: packHeaders(session))
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
                           hints: ["use lowercase letters, digits and hyphens, such as rs-belgrade-safe-city"])
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
            return JSONBody.response(PackList(packs: session.ruleSet.packs.map(PackSummary.init)), headers: packHeaders(session))
        case .failure(let problems):
            throw APIError(.unprocessableContent, "the packs did not load; the previous packs keep serving", diagnostics: problems.diagnostics)
        }
    }

    func health(_ request: Request, _ context: BasicRequestContext) -> Response {
        JSONBody.response(["status": "ok"])
    }

    func ready(_ request: Request, _ context: BasicRequestContext) -> Response {
        let session = service.store.session
        return JSONBody.response(Readiness(status: "ready", packs: session.ruleSet.packs.map { "\($0.id)@\($0.version)" }))
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
}
