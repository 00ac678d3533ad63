import ArbiterCore

/// Machine-readable report with the stable keys documented in the README
/// (`schema` 2: scores are risk points, scoring model 3). Also the input of
/// `arbiter gate --baseline`; `diff` and `--baseline` read schema 1 too.
public struct JSONReporter: Reporter {
    public static let schemaVersion = 2

    /// Every rule's own keys, rendered once for the run by `prepared(for:)`.
    private let fragments: JSONRuleFragments?

    /// Where findings sit in a project chunk: project, packs, pack, findings, finding;
    /// chunks are indented two levels for their place in the report.
    static let findingDepth = 5
    static let chunkBaseDepth = 2

    public init() {
        fragments = nil
    }

    private init(fragments: JSONRuleFragments) {
        self.fragments = fragments
    }

    public func prepared(for context: ReportContext) -> any Reporter {
        JSONReporter(fragments: JSONRuleFragments(rules: context.rules))
    }

    public func begin(_ context: ReportContext) -> String {
        var json = JSONWriter()
        json.open()
        json.int("schema", Self.schemaVersion)
        json.open("arbiter")
        json.string("version", context.toolVersion)
        if let configuration = context.configuration { json.string("configuration", configuration) }
        json.close()
        json.string("as_of", context.asOf.description)
        json.open("packs", array: true)
        for pack in context.packs {
            json.open()
            json.string("id", pack.id)
            json.string("version", pack.version)
            json.string("title", pack.title)
            // The thresholds and every rule's weight, so `arbiter diff` can say what a new
            // pack version changed and not only what moved.
            Self.writeThresholds(of: pack, into: &json)
            json.open("rules")
            for rule in pack.rules {
                json.open(key: rule.id)
                json.string("severity", rule.severity.rawValue)
                json.number("weight", rule.weight)
                json.close()
            }
            json.close()
            // Findings name their references by id; the documents are listed once here.
            json.open("references")
            var seen: Set<String> = []
            for reference in pack.rules.flatMap(\.references) where seen.insert(reference.id).inserted {
                json.open(key: reference.id)
                json.string("title", reference.title)
                json.string("url", reference.url)
                if let mirror = reference.mirror { json.string("mirror", mirror) }
                json.close()
            }
            json.close()
            json.close()
        }
        json.close(array: true)
        // Leave the projects array open; each project chunk continues it.
        return json.text + ",\n  \"projects\": ["
    }

    public var separator: String { "," }

    public func project(_ project: ProjectResult, context: ReportContext) -> String {
        chunk(for: project, context: context).string
    }

    public func chunk(for project: ProjectResult, context: ReportContext) -> ReportChunk {
        var json = JSONWriter(baseDepth: Self.chunkBaseDepth, prefix: "\n    ", capacity: 1 << 16)
        // Unprepared, the rules of this project alone are rendered for it.
        let fragments = fragments ?? JSONRuleFragments(rules: project.packs.flatMap { $0.findings.rules })
        write(project, into: &json, fragments: fragments, listing: context.listing)
        return json.chunk()
    }

    public func end(_ summary: RunSummary, context: ReportContext) -> String {
        var json = JSONWriter()
        json.open()
        json.open("errors", array: true)
        for error in summary.errors where error.severity == .error { DiagnosticJSON.write(error, into: &json) }
        json.close(array: true)
        json.open("waivers", array: true)
        for outcome in summary.waivers {
            json.open()
            json.string("project", outcome.waiver.project)
            json.string("rule", outcome.waiver.rule)
            json.string("state", outcome.state.rawValue)
            json.int("matched", outcome.matched)
            json.string("expires", outcome.waiver.expires.description)
            json.string("approved_by", outcome.waiver.approvedBy)
            json.string("reason", outcome.waiver.reason)
            json.close()
        }
        json.close(array: true)
        json.open("summary")
        json.int("projects", summary.projectCount)
        json.int("errors", summary.errors.filter { $0.severity == .error }.count)
        json.open("bands")
        for band in Band.allCases { json.int(key: band.rawValue, summary.verdictCounts[.band(band), default: 0]) }
        json.close()
        json.open("verdicts")
        for verdict in Verdict.allCases.reversed() { json.int(key: verdict.rawValue, summary.verdictCounts[verdict, default: 0]) }
        json.close()
        if context.gated { json.int("gate_failures", summary.gateFailures) }
        json.close()
        json.close()
        // The writer's keys without its own "{" and "\n}": they continue the top-level object.
        let tail = json.text.dropFirst().dropLast(2)
        let opening = summary.projectCount == 0 ? "]," : "\n  ],"
        return opening + tail + "\n}\n"
    }

    private func write(_ project: ProjectResult, into json: inout JSONWriter, fragments: JSONRuleFragments, listing: FindingFilter) {
        json.open()
        json.string("file", project.file)
        json.string("id", project.id)
        json.string("name", project.name)
        json.string("country", project.country)
        if let description = project.description { json.string("description", description) }
        Self.writeScore(project.score, worst: project.worst, band: project.band, worstBand: project.worstBand, into: &json)
        json.string("verdict", project.verdict.rawValue)
        json.open("packs", array: true)
        // Where each fact's evidence object was first written in this project: the same
        // fact is evidence for many findings, and its object is the same bytes each time.
        var evidence: [Int: Range<Int>] = [:]
        evidence.reserveCapacity(32)
        for pack in project.packs { write(pack, of: project, into: &json, evidence: &evidence, fragments: fragments, listing: listing) }
        json.close(array: true)
        if !project.searches.isEmpty || !project.staleSearches.isEmpty {
            json.open("searches", array: true)
            for (search, fresh) in project.searches.map({ ($0, true) }) + project.staleSearches.map({ ($0, false) }) {
                json.open()
                json.string("path", plain: search.path)
                json.string("on", search.on.description)
                json.strings("sources", search.sources)
                json.bool("fresh", fresh)
                json.string("valid_until", search.freshUntil.description)
                json.close()
            }
            json.close(array: true)
        }
        if let gate = project.gate {
            json.open("gate")
            json.bool("passed", gate.passed)
            json.strings("reasons", gate.reasons)
            json.strings("causes", gate.causes.map(\.rawValue))
            json.strings("warnings", gate.warnings.map(\.text))
            json.close()
        }
        if let whatIf = project.whatIf {
            // The facts overridden (a null value: made unknown) and each pack's verdict
            // without them; evidence from an override stands at line 0.
            json.open("what_if")
            json.open("overrides", array: true)
            for override in whatIf.overrides { Self.write(override, into: &json) }
            json.close(array: true)
            json.open("before", array: true)
            for before in whatIf.before {
                json.open()
                json.string("id", before.pack)
                Self.writeScore(before.score, worst: before.worst, band: before.band, worstBand: before.worstBand, into: &json)
                json.close()
            }
            json.close(array: true)
            json.close()
        }
        json.close()
    }

    /// A pack's `bands` (lower bounds in points) and `caps` (the declared ones, in the
    /// pack's category order): the report header and `GET /v1/packs` say them alike.
    static func writeThresholds(of pack: CompiledPack, into json: inout JSONWriter) {
        json.open("bands")
        json.number("moderate", pack.bands.moderate)
        json.number("high", pack.bands.high)
        json.number("critical", pack.bands.critical)
        json.close()
        json.open("caps")
        for (category, cap) in zip(pack.categories, pack.caps) {
            if let cap { json.number(key: category, cap) }
        }
        json.close()
    }

    /// The score keys shared by projects and packs.
    static func writeScore(_ score: Double, worst: Double, band: Band, worstBand: Band, into json: inout JSONWriter) {
        json.number("score", score)
        json.open("score_range", array: true)
        json.number(nil, score)
        json.number(nil, worst)
        json.close(array: true)
        json.string("band", band.rawValue)
        json.string("worst_band", worstBand.rawValue)
    }

    private func write(_ pack: PackResult, of project: ProjectResult, into json: inout JSONWriter, evidence: inout [Int: Range<Int>],
                       fragments: JSONRuleFragments, listing: FindingFilter) {
        json.open()
        json.string("id", pack.pack)
        json.string("version", pack.version)
        Self.writeScore(pack.score, worst: pack.worst, band: pack.band, worstBand: pack.worstBand, into: &json)
        json.string("verdict", pack.verdict)
        Self.write(pack.floor, as: "floor", into: &json)
        Self.write(pack.worstFloor, as: "worst_floor", into: &json)
        json.number("completeness", pack.completeness)
        json.open("categories", array: true)
        for category in pack.categories {
            json.open()
            json.string("category", category.category)
            json.number("score", category.score)
            json.number("worst", category.worst)
            if let cap = category.cap { json.number("cap", cap) }
            json.close()
        }
        json.close(array: true)
        json.open("findings", array: true)
        for position in pack.reportedOrder(listing) {
            write(pack.findings[position], in: pack, of: project, into: &json, evidence: &evidence, fragments: fragments)
        }
        json.close(array: true)
        // Rules whose relevance guard is false: listed apart, counted nowhere.
        json.open("not_applicable", array: true)
        for position in pack.findings.indices where pack.findings.outcome(at: position) == .notApplicable {
            json.string(nil, plain: pack.findings.rules[position].id)
        }
        json.close(array: true)
        json.close()
    }

    private func write(_ finding: Finding, in pack: PackResult, of project: ProjectResult, into json: inout JSONWriter,
                       evidence: inout [Int: Range<Int>], fragments: JSONRuleFragments) {
        json.open()
        fragments.writeHead(of: finding.definition, into: &json)
        json.string("status", finding.status.rawValue)
        json.bool("advisory", finding.advisory)
        json.number("weight", finding.weight)
        json.number("contribution", finding.contribution)
        json.number("max_contribution", finding.maxContribution)
        // The points it counts for once its category's cap binds, and its share of the
        // pack's points: the points of a pack's findings add up to its score.
        json.number("points", Scoring.oneDecimal(pack.points(of: finding)))
        json.number("share", (pack.share(of: finding) * 1000).rounded() / 1000)
        json.string("message", finding.message)
        json.open("evidence", array: true)
        finding.forEachEvidence { slot, path, fact, sources in
            if let written = evidence[slot] {
                json.repeatItem(written)
                return
            }
            let start = json.openRecorded()
            json.string("path", plain: path)
            json.value("value", fact.value)
            if let search = finding.search(atSlot: slot) { json.string("searched_on", search.on.description) }
            json.int("line", fact.range.start.line)
            json.int("column", fact.range.start.column)
            json.open("sources", array: true)
            for id in sources {
                let source = project.source(id)
                json.open()
                json.string("id", id)
                json.string("title", source?.title)
                json.string("url", source?.url)
                json.close()
            }
            json.close(array: true)
            json.close()
            evidence[slot] = start..<json.position
        }
        json.close(array: true)
        json.open("missing", array: true)
        finding.forEachMissingPath { json.string(nil, plain: $0) }
        json.close(array: true)
        if let fault = finding.fault { json.string("fault", fault) }
        fragments.writeTail(of: finding.definition, into: &json)
        if let waiver = finding.waiver {
            json.open("waiver")
            json.string("state", waiver.state.rawValue)
            json.string("reason", waiver.reason)
            json.string("approved_by", waiver.approvedBy)
            json.string("expires", waiver.expires.description)
            json.close()
        }
        json.close()
    }

    /// The floor that set a band above its score's band, or null.
    static func write(_ floor: AppliedFloor?, as key: StaticString, into json: inout JSONWriter) {
        guard let floor else {
            json.null(key)
            return
        }
        json.open(key)
        json.string("band", floor.band.rawValue)
        json.string("reason", floor.reason)
        json.strings("rules", floor.rules)
        json.close()
    }

    /// A changed fact: its path and new value, null when it was made unknown.
    static func write(_ override: FactOverride, into json: inout JSONWriter) {
        json.open()
        json.string("path", override.path)
        if let value = override.value { json.value("value", value) } else { json.null("value") }
        json.close()
    }

    /// A finding's first keys, which depend only on its rule.
    static func writeRuleHead(_ rule: CompiledRule, _ json: inout JSONWriter) {
        json.string("rule", rule.id)
        json.string("title", rule.title)
        json.string("category", rule.category)
        json.string("severity", rule.severity.rawValue)
    }

    /// A finding's references and mitigations, which depend only on its rule.
    static func writeRuleTail(_ rule: CompiledRule, _ json: inout JSONWriter) {
        json.open("references", array: true)
        for reference in rule.references { json.string(nil, reference.id) }
        json.close(array: true)
        json.strings("mitigations", rule.mitigations)
    }
}
