import ArbiterCore
import ArbiterYAML
import Foundation

/// `arbiter test` as data: every rule's examples, the rule that each rule needs a firing
/// and a passing example, and the expected-band cases in a `tests` folder beside the packs.
public struct PackSelfTest: Sendable {
    /// One pack's examples.
    public struct PackLine: Sendable {
        public var pack: String
        public var version: String
        public var rules: Int
        public var examples: Int
        /// Rules with at least one firing and one passing example.
        public var covered: Int
        /// Every check in rule order, passed or not.
        public var checks: [Check]
    }

    /// One check: an example run, a rule's example coverage, or one pack's band in a case.
    public struct Check: Sendable {
        public var passed: Bool
        public var text: String
    }

    public var packs: [PackLine] = []
    public var cases: [Check] = []
    /// Whether any case file was found at all.
    public var hasCases = false
    /// Case files or dossiers that could not be read or decoded: the run is invalid.
    public var invalid: Diagnostics?

    public var checkCount: Int { packs.reduce(0) { $0 + $1.checks.count } + cases.count }
    public var failureCount: Int { packs.reduce(0) { $0 + $1.checks.filter { !$0.passed }.count } + cases.filter { !$0.passed }.count }

    /// Runs every check of `session`'s packs (built with `decodesExamples`) and of the
    /// case files in each pack's `tests` folder; paths are shown relative to `workingDirectory`.
    public static func run(_ session: ScoringSession, workingDirectory: String = FileManager.default.currentDirectoryPath) -> PackSelfTest {
        var result = PackSelfTest()
        let examples = ExampleCheck.run(session.ruleSet, asOf: session.options.asOf)
        let evaluator = session.evaluator()
        for pack in session.ruleSet.packs {
            var line = PackLine(pack: pack.id, version: pack.version, rules: pack.rules.count,
                                examples: examples.filter { $0.pack == pack.id }.count, covered: 0, checks: [])
            for rule in pack.rules {
                let mine = examples.filter { $0.rule == rule.id }
                for check in mine {
                    let kind = check.expectation == .fired ? "fires" : "passes"
                    let missing = check.missing.isEmpty ? "" : " (missing: \(check.missing.joined(separator: ", ")))"
                    line.checks.append(Check(passed: check.passed, text: check.passed
                        ? "\(rule.id) \(kind) example \(check.index)"
                        : "\(rule.id) \(kind) example \(check.index): got \(check.actual.rawValue)\(missing)"))
                }
                // A mitigation that names the facts it changes must make its rule pass
                // wherever the rule's own examples make it fire.
                for (index, lever) in rule.levers.enumerated() where lever.isLever {
                    for (number, example) in rule.fires.enumerated() {
                        let outcome = evaluator.evaluate(rule, on: example.applying(lever.changes)).outcome
                        line.checks.append(Check(passed: outcome.isClear, text: outcome.isClear
                            ? "\(rule.id) mitigation \(index + 1) makes fires example \(number + 1) pass"
                            : "\(rule.id) mitigation \(index + 1) (\(lever.changes.options)) leaves fires example \(number + 1) \(outcome.rawValue)"))
                    }
                }
                let covered = mine.contains { $0.expectation == .fired } && mine.contains { $0.expectation == .passed }
                if covered { line.covered += 1 }
                line.checks.append(Check(passed: covered, text: covered
                    ? "\(rule.id) has a firing and a passing example"
                    : "\(rule.id) needs at least one 'fires' and one 'passes' example"))
            }
            result.packs.append(line)
        }
        result.runCases(session, workingDirectory: workingDirectory)
        return result
    }

    /// Case files live in a `tests` folder beside each pack file. A vocabulary's folder
    /// is not searched: a third-party pack that reads the shipped vocabulary is not
    /// answerable for the shipped packs' cases.
    private mutating func runCases(_ session: ScoringSession, workingDirectory: String) {
        let folders = Set(session.ruleSet.packs.map(\.file).map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: workingDirectory + "/"))
            .deletingLastPathComponent().appendingPathComponent("tests").path })
        var files: [String] = []
        for folder in folders.sorted() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { PackDiscovery.relativePath(folder + "/" + $0, from: workingDirectory) }
        }
        hasCases = !files.isEmpty
        var problems: [Diagnostic] = []
        var sources: [SourceText] = []
        let limit = session.options.limits.maxFileSize
        let packs = Set(session.ruleSet.packs.map(\.id))
        func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : workingDirectory + "/" + path }
        for file in files {
            let bytes: [UInt8]
            switch FileInput.read(absolute(file), limit: limit) {
            case .success(let read): bytes = read
            case .failure(let failure):
                // A folder or a dangling link named like a case file is a broken test suite.
                problems.append(FileInput.diagnostic(failure, path: file, limit: limit))
                continue
            }
            sources.append(SourceText(file: file, bytes: bytes))
            let decoded = YAMLLoader(limits: session.options.limits).load(file: file, bytes: bytes)
                .flatMap { BandExpectationDecoder().decode($0, knownPacks: packs) }
            let expectations: [BandExpectation]
            switch decoded {
            case .success(let read): expectations = read
            case .failure(let error):
                problems += error.diagnostics
                continue
            }
            for expectation in expectations {
                let path = (PackDiscovery.resolve(expectation.dossier, against: (file as NSString).deletingLastPathComponent) as NSString)
                    .standardizingPath
                guard case .success(let dossierBytes) = FileInput.read(absolute(path), limit: limit) else {
                    problems.append(.error("test.unreadable-dossier", "cannot read dossier '\(expectation.dossier)'",
                                           file: file, range: expectation.range))
                    continue
                }
                switch session.score(bytes: dossierBytes, name: path) {
                case .failure(let error):
                    problems += error.diagnostics
                    sources += error.sources
                case .success(let outcome):
                    for (pack, allowed) in expectation.bands {
                        guard let result = outcome.project.packs.first(where: { $0.pack == pack }) else { continue }
                        let verdict = result.isDecided ? result.band.rawValue : "\(result.verdict) (\(result.band.rawValue))"
                        cases.append(Check(passed: BandExpectation.holds(allowed, for: result), text:
                            "\(outcome.project.id) \(pack): \(verdict), expected \(allowed.joined(separator: " or ")) — \(expectation.reason)"))
                    }
                }
            }
        }
        if !problems.isEmpty { invalid = Diagnostics(problems, sources: sources) }
    }
}
