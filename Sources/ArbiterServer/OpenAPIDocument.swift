/// The OpenAPI 3.1 description of every route, served at `/v1/openapi.yaml`. A test holds
/// its paths and methods to `ArbiterService.routes`, and `make test-api` runs
/// schemathesis against a live server with it.
enum OpenAPIDocument {
    static let text = #"""
        openapi: 3.1.0
        info:
          title: Arbiter
          version: 0.1.0
          summary: Score surveillance and infrastructure projects against digital-authoritarianism and debt-risk rule packs.
          description: |
            The same scoring as the `arbiter` command line, over HTTP. A dossier is posted as YAML or
            JSON; the answer is the report the CLI writes (`arbiter score --format json` for JSON).
            Bad input is a 4xx with the CLI's located diagnostics, never a 5xx.
          license:
            name: Apache-2.0
        servers:
          - url: http://127.0.0.1:8080
        security:
          - {}
          - bearer: []
        paths:
          /healthz:
            get:
              summary: The process is up.
              operationId: health
              security: []
              responses:
                "200": {description: Up., content: {application/json: {schema: {$ref: "#/components/schemas/Status"}}}}
          /readyz:
            get:
              summary: The packs are loaded, and which (the pack versions only with the token, when one is configured).
              operationId: ready
              security: []
              responses:
                "200": {description: Ready., content: {application/json: {schema: {$ref: "#/components/schemas/Readiness"}}}}
                "503": {description: Not ready (the decision log cannot be written)., content: {application/json: {schema: {$ref: "#/components/schemas/Readiness"}}}}
          /metrics:
            get:
              summary: Prometheus metrics in the text exposition format.
              description: Needs the token when one is configured, unless the server runs with --public-metrics.
              operationId: metrics
              responses:
                "200": {description: Metrics., content: {text/plain: {schema: {type: string}}}}
                "401": {$ref: "#/components/responses/Unauthorized"}
          /v1/openapi.yaml:
            get:
              summary: This document.
              operationId: openapi
              responses:
                "200": {description: The OpenAPI document., content: {application/yaml: {schema: {type: object}}}}
                "401": {$ref: "#/components/responses/Unauthorized"}
          /v1/score:
            post:
              summary: Score one dossier.
              description: The report `arbiter score` writes, in the format asked for by `format` or `Accept`.
              operationId: score
              parameters:
                - $ref: "#/components/parameters/AsOf"
                - $ref: "#/components/parameters/Format"
                - $ref: "#/components/parameters/File"
                - $ref: "#/components/parameters/Set"
                - $ref: "#/components/parameters/Unset"
              requestBody: {$ref: "#/components/requestBodies/Dossier"}
              responses:
                "200": {$ref: "#/components/responses/Report"}
                "400": {$ref: "#/components/responses/BadRequest"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "406": {$ref: "#/components/responses/NotAcceptable"}
                "408": {$ref: "#/components/responses/Timeout"}
                "413": {$ref: "#/components/responses/TooLarge"}
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "422": {$ref: "#/components/responses/InvalidDossier"}
                "503": {$ref: "#/components/responses/Busy"}
          /v1/gate:
            post:
              summary: Score one dossier and decide the gate.
              description: Always 200 when the dossier is valid; the decision is `projects[].gate.passed` and the `Arbiter-Gate` header.
              operationId: gate
              parameters:
                - $ref: "#/components/parameters/AsOf"
                - $ref: "#/components/parameters/Format"
                - $ref: "#/components/parameters/File"
                - $ref: "#/components/parameters/Set"
                - $ref: "#/components/parameters/Unset"
                - $ref: "#/components/parameters/FailOn"
                - $ref: "#/components/parameters/FailOnSeverity"
                - $ref: "#/components/parameters/FailOnUnknown"
                - $ref: "#/components/parameters/MinCompleteness"
                - $ref: "#/components/parameters/Unknown"
              requestBody: {$ref: "#/components/requestBodies/Dossier"}
              responses:
                "200": {$ref: "#/components/responses/Report"}
                "400": {$ref: "#/components/responses/BadRequest"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "406": {$ref: "#/components/responses/NotAcceptable"}
                "408": {$ref: "#/components/responses/Timeout"}
                "413": {$ref: "#/components/responses/TooLarge"}
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "422": {$ref: "#/components/responses/InvalidDossier"}
                "503": {$ref: "#/components/responses/Busy"}
          /v1/audit:
            post:
              summary: Score several dossiers.
              description: |
                A YAML stream (documents separated by a line of `---`), or one document that is a
                list of dossiers (how JSON sends several). One report over all of them, in order; a
                bad dossier is listed in `errors` with its location and does not spoil the others.
                422 only when not one dossier could be scored.
              operationId: audit
              parameters:
                - $ref: "#/components/parameters/AsOf"
                - $ref: "#/components/parameters/Format"
                - $ref: "#/components/parameters/File"
                - name: gate
                  in: query
                  description: Decide the gate for each project, with the gate parameters below.
                  schema: {type: string, enum: ["true", "false"]}
                - $ref: "#/components/parameters/FailOn"
                - $ref: "#/components/parameters/FailOnSeverity"
                - $ref: "#/components/parameters/FailOnUnknown"
                - $ref: "#/components/parameters/MinCompleteness"
                - $ref: "#/components/parameters/Unknown"
              requestBody:
                required: true
                content:
                  application/yaml: {schema: {$ref: "#/components/schemas/DossierList"}}
                  application/json: {schema: {$ref: "#/components/schemas/DossierList"}}
              responses:
                "200": {$ref: "#/components/responses/Report"}
                "400": {$ref: "#/components/responses/BadRequest"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "406": {$ref: "#/components/responses/NotAcceptable"}
                "408": {$ref: "#/components/responses/Timeout"}
                "413": {$ref: "#/components/responses/TooLarge"}
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "422": {$ref: "#/components/responses/InvalidDossier"}
                "503": {$ref: "#/components/responses/Busy"}
          /v1/plan:
            post:
              summary: What would change the verdict, as `arbiter plan`.
              description: |
                Per pack, the smallest set of the pack's mitigations that brings its band to
                `target` (its worst band with `unknown=worst`), as steps with the verdict after
                each and the `--set` options that reproduce them; with `collect=true`, the unknown
                facts ranked by how far knowing each could move the pack.
              operationId: plan
              parameters:
                - $ref: "#/components/parameters/AsOf"
                - {name: format, in: query, description: "The plan's format; JSON by default.", schema: {type: string, enum: [text, json, markdown, html]}}
                - $ref: "#/components/parameters/File"
                - {name: target, in: query, description: "The band to bring each pack to, or below (moderate unless collect=true alone).", schema: {type: string, enum: [low, moderate, high, critical]}}
                - {name: collect, in: query, description: Rank the unknown facts too., schema: {type: string, enum: ["true", "false"]}}
                - {name: pack, in: query, description: Plan only for these packs (repeatable)., schema: {type: string, enum: [debt-risk, digital-authoritarianism]}}
                - $ref: "#/components/parameters/Unknown"
                - $ref: "#/components/parameters/Set"
                - $ref: "#/components/parameters/Unset"
              requestBody: {$ref: "#/components/requestBodies/Dossier"}
              responses:
                "200":
                  description: The plan.
                  content:
                    application/json: {schema: {$ref: "#/components/schemas/Plan"}}
                    text/plain: {schema: {type: string}}
                    text/markdown: {schema: {type: string}}
                    text/html: {schema: {type: string}}
                "400": {$ref: "#/components/responses/BadRequest"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "406": {$ref: "#/components/responses/NotAcceptable"}
                "408": {$ref: "#/components/responses/Timeout"}
                "413": {$ref: "#/components/responses/TooLarge"}
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "422": {$ref: "#/components/responses/InvalidDossier"}
                "503": {$ref: "#/components/responses/Busy"}
          /v1/packs:
            get:
              summary: The loaded packs.
              operationId: packs
              responses:
                "200": {description: The packs., content: {application/json: {schema: {$ref: "#/components/schemas/PackList"}}}}
                "401": {$ref: "#/components/responses/Unauthorized"}
          /v1/rules:
            get:
              summary: Every loaded rule.
              operationId: rules
              responses:
                "200": {description: The rules., content: {application/json: {schema: {$ref: "#/components/schemas/RuleList"}}}}
                "401": {$ref: "#/components/responses/Unauthorized"}
          /v1/rules/{id}:
            get:
              summary: One rule, as `arbiter explain` prints it.
              operationId: rule
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}, example: DA-BIO-001}
              responses:
                "200": {description: The rule., content: {application/json: {schema: {$ref: "#/components/schemas/RuleDetail"}}}}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
          /v1/schema:
            get:
              summary: The JSON Schema of dossiers for the loaded packs, for editors.
              operationId: schema
              responses:
                "200": {description: The schema., content: {application/schema+json: {schema: {type: object}}}}
                "401": {$ref: "#/components/responses/Unauthorized"}
          /v1/template:
            get:
              summary: A dossier template listing every input, documented (what `arbiter init` prints).
              operationId: template
              parameters:
                - name: id
                  in: query
                  description: The project id to fill in, such as rs-belgrade-safe-city.
                  schema: {type: string, pattern: "^[A-Za-z0-9._-]{1,128}$"}
              responses:
                "200": {description: "The template, a YAML mapping with every input unset.", content: {application/yaml: {schema: {type: object}}}}
                "400": {$ref: "#/components/responses/BadRequest"}
                "401": {$ref: "#/components/responses/Unauthorized"}
          /v1/reload:
            post:
              summary: Load the packs again; the old set keeps serving if the new one is broken.
              description: Needs the server's bearer token; off when the server has none.
              operationId: reload
              responses:
                "200": {description: Reloaded., content: {application/json: {schema: {$ref: "#/components/schemas/PackList"}}}}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "403": {$ref: "#/components/responses/Forbidden"}
                "422": {$ref: "#/components/responses/InvalidDossier"}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
          parameters:
            AsOf:
              name: as_of
              in: query
              description: The evaluation date (YYYY-MM-DD); today in UTC by default.
              schema: {type: string, format: date, pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example: "2026-11-29"}
            Format:
              name: format
              in: query
              description: The report format; overrides `Accept`. JSON by default.
              schema: {type: string, enum: [text, json, markdown, sarif, junit, csv, html, github]}
            File:
              name: file
              in: query
              description: The name reports and diagnostics give the dossier; `<request>` by default.
              schema: {type: string, minLength: 1, maxLength: 200, pattern: "^[^\\u0000-\\u001f\\u007f]+$"}
            Set:
              name: set
              in: query
              description: "PATH=VALUE: a fact changed before evaluation (what-if), checked like the dossier's own; repeatable."
              schema: {type: string, enum: ["governance.legal_basis=statute", "governance.authorisation=prior-judicial", "surveillance.realtime_identification=false", "financing.interest_rate_pct=2"]}
            Unset:
              name: unset
              in: query
              description: "A fact made unknown before evaluation; repeatable."
              schema: {type: string, enum: [governance.legal_basis, surveillance.cameras, financing.lender_type]}
            FailOn:
              name: fail_on
              in: query
              description: Fail when a pack's gate band reaches this band (default high).
              schema: {type: string, enum: [low, moderate, high, critical]}
            FailOnSeverity:
              name: fail_on_severity
              in: query
              description: Fail on any enforced finding of this severity or worse, or none (default critical).
              schema: {type: string, enum: [none, info, low, medium, high, critical]}
            Unknown:
              name: unknown
              in: query
              description: "decisive: fail on the known band, a decisive unknown or too little known; worst: count every unknown at its worst; best: ignore unknowns (default decisive)."
              schema: {type: string, enum: [decisive, worst, best]}
            FailOnUnknown:
              name: fail_on_unknown
              in: query
              description: With unknown=decisive, fail when an enforced rule of this severity or worse is unknown, or none (default critical).
              schema: {type: string, enum: [none, info, low, medium, high, critical]}
            MinCompleteness:
              name: min_completeness
              in: query
              description: With unknown=decisive, fail a pack that knows less than this share of its applicable weight (default 0.5).
              schema: {type: number, minimum: 0, maximum: 1}
          requestBodies:
            Dossier:
              required: true
              description: |
                One dossier, as YAML or as JSON (JSON is YAML 1.2, so the same loader reads both). The
                schema here holds only what every dossier has; `GET /v1/schema` is the full schema of
                the facts the loaded packs read.
              content:
                application/yaml: {schema: {$ref: "#/components/schemas/Dossier"}}
                application/json: {schema: {$ref: "#/components/schemas/Dossier"}}
          responses:
            Report:
              description: The report, in the format asked for.
              headers:
                Arbiter-Packs: {description: "The packs behind the answer, as id@version.", schema: {type: string}}
                Arbiter-Gate: {description: "passed or failed, when the gate was decided.", schema: {type: string, enum: [passed, failed]}}
                Arbiter-Errors: {description: "On audits, how many dossiers could not be scored (JSON lists each in errors).", schema: {type: string}}
              content:
                application/json: {schema: {$ref: "#/components/schemas/Report"}}
                application/sarif+json: {schema: {type: object}}
                text/markdown: {schema: {type: string}}
                text/html: {schema: {type: string}}
                text/csv: {schema: {type: string}}
                application/xml: {schema: {type: string}}
                text/plain: {schema: {type: string}}
            BadRequest:
              description: Not readable YAML, or a bad parameter.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            InvalidDossier:
              description: YAML that does not fit the dossier schema, with every located diagnostic.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            Unauthorized:
              description: A bearer token is needed, or it is not the server's.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            Forbidden:
              description: Not enabled on this server.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            NotFound:
              description: No such rule.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            NotAcceptable:
              description: No report format matches `Accept`.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            Timeout:
              description: The body did not arrive within the server's body deadline; the connection is closed.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            TooLarge:
              description: The body, its number of dossiers, or the answer would be over the server's limit, which the message names.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            UnsupportedMediaType:
              description: The body is not YAML or JSON.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            Busy:
              description: Too many evaluations at once; retry after the `Retry-After` seconds.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
          schemas:
            Dossier:
              type: object
              required: [id, name]
              additionalProperties: false
              patternProperties:
                "^x-": {$ref: "#/components/schemas/FreeForm"}
              properties:
                id: {type: string, pattern: "^[a-z][a-z0-9-]{0,63}$", example: rs-belgrade-safe-city}
                name:
                  type: string
                  pattern: "^[\\u0000-\\ud7ff\\ue000-\\ufffd\U00010000-\U0010FFFF]+$"
                  description: "Any text but the empty string, control characters included; reports meant for people show its control characters as escapes (\\u{1B}), so a name cannot move a terminal's cursor."
                  example: Safe City, Belgrade
            FreeForm:
              description: "The analyst's own data under an x- key: any YAML or JSON, ignored."
            DossierList:
              type: array
              minItems: 1
              items: {$ref: "#/components/schemas/Dossier"}
            Status:
              type: object
              required: [status]
              properties: {status: {type: string}}
            Readiness:
              type: object
              required: [status]
              properties:
                status: {type: string}
                packs: {type: array, items: {type: string}}
                reason: {type: string}
            Error:
              type: object
              required: [error]
              properties:
                error:
                  type: object
                  required: [status, message, hints, diagnostics]
                  properties:
                    status: {type: integer}
                    message: {type: string}
                    hints: {type: array, items: {type: string}}
                    diagnostics: {type: array, items: {$ref: "#/components/schemas/Diagnostic"}}
            Diagnostic:
              type: object
              required: [file, line, column, end_line, end_column, severity, code, message, hints, notes]
              properties:
                file: {type: string}
                line: {type: integer}
                column: {type: integer}
                end_line: {type: integer}
                end_column: {type: integer}
                severity: {type: string, enum: [error, warning, note]}
                code: {type: string}
                message: {type: string}
                hints: {type: array, items: {type: string}}
                notes:
                  type: array
                  items:
                    type: object
                    required: [message]
                    properties:
                      message: {type: string}
                      file: {type: string}
                      line: {type: integer}
                      column: {type: integer}
            Report:
              description: "The CLI's JSON report (schema 1); its keys are documented in the README."
              type: object
              required: [schema, arbiter, as_of, packs, projects, errors, waivers, summary]
              properties:
                schema: {type: integer}
                arbiter: {type: object, required: [version], properties: {version: {type: string}}}
                as_of: {type: string}
                packs: {type: array, items: {type: object, required: [id, version]}}
                projects:
                  type: array
                  items:
                    type: object
                    required: [file, id, name, score, score_range, band, packs]
                errors: {type: array, items: {type: object, required: [file, line, column, message]}}
                waivers: {type: array}
                summary: {type: object}
            Plan:
              type: object
              required: [schema, arbiter, as_of, project, overrides, packs]
              properties:
                packs:
                  type: array
                  items:
                    type: object
                    required: [id, version, start]
            PackList:
              type: object
              required: [packs]
              properties:
                packs:
                  type: array
                  items:
                    type: object
                    required: [id, version, title, description, rules, total_weight, bands, caps, categories]
            RuleList:
              type: object
              required: [rules]
              properties:
                rules:
                  type: array
                  items:
                    type: object
                    required: [id, pack, title, category, severity, weight]
            RuleDetail:
              type: object
              required: [id, title, pack, pack_version, category, severity, weight, pack_weight, when, reads, rationale, mitigations, references, defined_in]
        """#
}
