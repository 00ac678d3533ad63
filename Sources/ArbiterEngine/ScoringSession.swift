import ArbiterCore
import ArbiterYAML

/// The one scoring pipeline: built once from packs, waivers and options, then asked to
/// score any number of dossiers, from any number of threads at once.
///
/// `score(bytes:name:)` loads the YAML, decodes the dossier against the schema,
/// evaluates every rule, applies the waivers and, when the session gates, decides the
/// gate. Immutable: the compiled rule set is shared read-only by every caller, and each
/// call keeps its own scratch state, so no lock is taken while scoring.
public final class ScoringSession: Sendable {
    public let ruleSet: RuleSet
    package let waivers: WaiverBook
    public let options: SessionOptions
    /// The pack files the set was compiled from, as named by the caller.
    public let packFiles: [String]
    private let evaluator: Evaluator
    private let dossiers: DossierLoader

    init(ruleSet: RuleSet, waivers: [Waiver], options: SessionOptions, packFiles: [String]) {
        self.ruleSet = ruleSet
        self.waivers = WaiverBook(waivers: waivers, asOf: options.asOf)
        self.options = options
        self.packFiles = packFiles
        self.evaluator = Evaluator(ruleSet: ruleSet, asOf: options.asOf)
        self.dossiers = DossierLoader(schema: ruleSet.schema, loader: YAMLLoader(limits: options.limits))
    }

    /// Builds a session from packs and an optional waivers file already in memory:
    /// every problem in every file is reported together.
    public static func make(packs: [(path: String, bytes: [UInt8])], waivers: (path: String, bytes: [UInt8])? = nil,
                            options: SessionOptions) -> Result<ScoringSession, Diagnostics> {
        let loader = RuleSetLoader(loader: YAMLLoader(limits: options.limits),
                                   compiler: RuleSetCompiler(decodesExamples: options.decodesExamples))
        let packSources = packs.map { SourceText(file: $0.path, bytes: $0.bytes) }
        let ruleSet: RuleSet
        switch loader.load(packs) {
        case .success(let loaded): ruleSet = loaded
        case .failure(let error): return .failure(Diagnostics(error.diagnostics, sources: packSources))
        }
        var list: [Waiver] = []
        if let waivers {
            let known = Set(ruleSet.allRules.map(\.id))
            let decoded = YAMLLoader(limits: options.limits).load(file: waivers.path, bytes: waivers.bytes)
                .flatMap { WaiverDecoder().decode($0, knownRules: known) }
            switch decoded {
            case .success(let read): list = read
            case .failure(let error):
                return .failure(Diagnostics(error.diagnostics, sources: [SourceText(file: waivers.path, bytes: waivers.bytes)]))
            }
        }
        return .success(ScoringSession(ruleSet: ruleSet, waivers: list, options: options, packFiles: packs.map(\.path)))
    }

    /// Reads the pack files and the waivers file, then builds the session. A file that
    /// cannot be read is reported beside the problems of the others.
    public static func load(packFiles: [String], waiversFile: String? = nil, options: SessionOptions) -> Result<ScoringSession, Diagnostics> {
        let limit = options.limits.maxFileSize
        var unreadable: [Diagnostic] = []
        var packs: [(path: String, bytes: [UInt8])] = []
        for path in packFiles {
            switch FileInput.read(path, limit: limit) {
            case .success(let bytes): packs.append((path, bytes))
            case .failure(let failure): unreadable.append(FileInput.diagnostic(failure, path: path, limit: limit))
            }
        }
        guard unreadable.isEmpty else { return .failure(Diagnostics(unreadable)) }
        var waivers: (path: String, bytes: [UInt8])?
        if let waiversFile {
            switch FileInput.read(waiversFile, limit: limit) {
            case .success(let bytes): waivers = (waiversFile, bytes)
            case .failure(let failure):
                // Pack problems come first: a waiver file is checked against the rules.
                if case .failure(let packProblems) = make(packs: packs, options: options) {
                    return .failure(packProblems)
                }
                return .failure(Diagnostics([FileInput.diagnostic(failure, path: waiversFile, limit: limit)]))
            }
        }
        return make(packs: packs, waivers: waivers, options: options)
    }

    /// The same packs and waivers, gated by `policy` against `baseline`.
    public func gated(by policy: GatePolicy?, baseline: Baseline?) -> ScoringSession {
        var changed = options
        changed.policy = policy
        changed.baseline = baseline
        return ScoringSession(ruleSet: ruleSet, waivers: waivers.waivers, options: changed, packFiles: packFiles)
    }

    /// Scores one dossier. `name` is the file name diagnostics and reports show.
    /// `asOf` and `policy` override the session's for this call alone.
    /// `overrides` change facts before evaluation (what-if); the outcome then says which,
    /// and each pack's verdict without them.
    public func score(bytes: [UInt8], name: String, asOf: CivilDate? = nil, policy: GatePolicy? = nil,
                      overrides: [FactOverride] = []) -> Result<ProjectOutcome, Diagnostics> {
        decode(bytes: bytes, name: name).map { evaluate($0, asOf: asOf, policy: policy, overrides: overrides) }
    }

    /// Scores a dossier already loaded as a YAML document (an item of a list, say):
    /// decode, evaluate, waive and gate, as `score(bytes:)` does after loading.
    package func score(document: Document, asOf: CivilDate? = nil, policy: GatePolicy? = nil) -> Result<ProjectOutcome, Diagnostics> {
        dossiers.decoder.decode(document).mapError { Diagnostics($0) }.map { evaluate($0, asOf: asOf, policy: policy) }
    }

    /// Evaluates a decoded dossier, applies the waivers and decides the gate.
    package func evaluate(_ dossier: Dossier, asOf: CivilDate? = nil, policy: GatePolicy? = nil,
                         overrides: [FactOverride] = []) -> ProjectOutcome {
        let date = asOf ?? options.asOf
        let sameDate = date == options.asOf
        let evaluator = sameDate ? self.evaluator : Evaluator(ruleSet: ruleSet, asOf: date)
        var project = evaluator.evaluate(dossier.applying(overrides))
        if !overrides.isEmpty {
            project.whatIf = WhatIf(overrides: overrides, before: evaluator.evaluate(dossier).packs.map(WhatIf.Before.init))
        }
        let book = sameDate ? waivers : WaiverBook(waivers: waivers.waivers, asOf: date)
        let matched = book.apply(to: &project)
        if let policy = policy ?? options.policy {
            project.gate = Gate.decide(project, policy: policy, baseline: options.baseline?.projects[project.id])
        }
        return ProjectOutcome(project: project, matchedWaivers: matched)
    }

    /// The evaluator for `asOf`, for analyses that evaluate many variants of one dossier.
    package func evaluator(asOf: CivilDate? = nil) -> Evaluator {
        let date = asOf ?? options.asOf
        return date == options.asOf ? evaluator : Evaluator(ruleSet: ruleSet, asOf: date)
    }

    /// Decodes a dossier without evaluating it: for `lint`, which checks files only.
    public func decode(bytes: [UInt8], name: String) -> Result<Dossier, Diagnostics> {
        dossiers.load(path: name, bytes: bytes).mapError { Diagnostics($0, source: SourceText(file: name, bytes: bytes)) }
    }
}
