import ArbiterCore
import ArbiterYAML
import ArgumentParser
import Foundation

/// Everything a command needs before it reads a dossier: the configuration file, the
/// compiled packs and the waivers, found the documented way:
/// `--rules`, else `rules:` in `.arbiter.yaml` (searched upward from the working
/// directory), else `./Rules`, else the packs installed beside the binary.
struct Workspace {
    var config: ProjectConfig
    var configFolder: String?
    var ruleSet: RuleSet
    var packFiles: [String]
    /// The packs as parsed, so that each extra worker thread can decode and compile a
    /// copy of its own without parsing them again (see `privateRuleSet`).
    var parsedPacks: [RuleSetLoader.ParsedPack] = []
    var waivers: [Waiver]
    var asOf: CivilDate
    var loaderLimits = LoaderLimits()

    /// Loads the workspace, or prints every problem and throws exit code 2.
    /// `examples`: decode rules' examples, which only `test` runs and `lint` checks.
    static func load(_ options: PackOptions, waiversPath: String? = nil, examples: Bool = false) throws -> Workspace {
        do {
            return try loadReportingDiagnostics(options, waiversPath: waiversPath, examples: examples)
        } catch let error as CLIError {
            Terminal.writeError(error.description + "\n")
            throw ExitCode(2)
        }
    }

    private static func loadReportingDiagnostics(_ options: PackOptions, waiversPath: String?, examples: Bool) throws -> Workspace {
        var problems: [Diagnostic] = []
        var sources: [SourceText] = []
        let (config, configFolder) = try loadConfig(into: &problems, sources: &sources)
        // A broken configuration would otherwise surface as a confusing follow-on error
        // (no packs found); report it on its own.
        if problems.hasErrors {
            Console.print(problems, sources: sources)
            throw ExitCode(2)
        }

        let packPaths = try discoverPacks(options.rules, config: config, configFolder: configFolder)
        var files: [(path: String, bytes: [UInt8])] = []
        for path in packPaths {
            switch FileInput.read(path, limit: LoaderLimits().maxFileSize) {
            case .success(let bytes):
                files.append((path, bytes))
            case .failure(let failure):
                problems.append(FileInput.diagnostic(failure, path: path, limit: LoaderLimits().maxFileSize))
            }
        }
        var ruleSet: RuleSet?
        var parsedPacks: [RuleSetLoader.ParsedPack] = []
        if problems.isEmpty {
            switch RuleSetLoader(compiler: RuleSetCompiler(decodesExamples: examples)).loadKeepingDocuments(files) {
            case .success(let loaded): (ruleSet, parsedPacks) = loaded
            case .failure(let error): problems += error.diagnostics
            }
        }

        var waivers: [Waiver] = []
        let waiverFile = waiversPath ?? config.waivers.map { resolve($0, against: configFolder) }
        if let waiverFile, let ruleSet {
            switch FileInput.read(waiverFile, limit: LoaderLimits().maxFileSize) {
            case .success(let bytes):
                sources.append(SourceText(file: waiverFile, bytes: bytes))
                let known = Set(ruleSet.allRules.map(\.id))
                switch YAMLLoader().load(file: waiverFile, bytes: bytes).flatMap({ WaiverDecoder().decode($0, knownRules: known) }) {
                case .success(let list): waivers = list
                case .failure(let error): problems += error.diagnostics
                }
            case .failure(let failure):
                problems.append(FileInput.diagnostic(failure, path: waiverFile, limit: LoaderLimits().maxFileSize))
            }
        }

        let asOf = try options.evaluationDate()
        guard problems.isEmpty, let ruleSet else {
            // Pack texts are indexed for quoting only when there is something to quote.
            Console.print(problems, sources: sources + files.map { SourceText(file: $0.path, bytes: $0.bytes) })
            throw ExitCode(2)
        }
        return Workspace(config: config, configFolder: configFolder, ruleSet: ruleSet, packFiles: packPaths,
                         parsedPacks: parsedPacks, waivers: waivers, asOf: asOf)
    }

    /// The same rule set decoded and compiled again from the same documents, sharing no object with
    /// `ruleSet`. Findings retain their rules and strings; when two threads retain the
    /// same objects, every count update bounces a cache line between the cores, which
    /// cost a second thread most of its gain. The packs compiled once already, so this
    /// cannot fail; if it somehow did, the shared set is still correct, only slower.
    func privateRuleSet() -> RuleSet {
        (try? RuleSetLoader(compiler: RuleSetCompiler(decodesExamples: false)).recompile(parsedPacks).get()) ?? ruleSet
    }

    static func resolve(_ path: String, against folder: String?) -> String {
        guard let folder, !path.hasPrefix("/") else { return path }
        let joined = folder + "/" + path
        return joined.hasPrefix("./") ? String(joined.dropFirst(2)) : joined
    }

    /// Finds `.arbiter.yaml` in the working directory or the nearest folder above it.
    private static func loadConfig(into problems: inout [Diagnostic], sources: inout [SourceText]) throws -> (ProjectConfig, String?) {
        let manager = FileManager.default
        var folder = URL(fileURLWithPath: manager.currentDirectoryPath).standardizedFileURL
        let cwd = folder.path
        while true {
            let candidate = folder.appendingPathComponent(".arbiter.yaml").path
            if manager.fileExists(atPath: candidate) {
                let display = relativePath(candidate, from: cwd)
                let displayFolder = relativePath(folder.path, from: cwd)
                switch FileInput.read(candidate, limit: LoaderLimits().maxFileSize) {
                case .success(let bytes):
                    sources.append(SourceText(file: display, bytes: bytes))
                    switch YAMLLoader().load(file: display, bytes: bytes).flatMap(ProjectConfigDecoder().decode) {
                    case .success(let config): return (config, displayFolder)
                    case .failure(let error): problems += error.diagnostics
                    }
                case .failure(let failure):
                    problems.append(FileInput.diagnostic(failure, path: display, limit: LoaderLimits().maxFileSize))
                }
                return (ProjectConfig(), displayFolder)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return (ProjectConfig(), nil) }
            folder = parent
        }
    }

    /// A path as the user would write it from the working directory.
    static func relativePath(_ path: String, from base: String) -> String {
        if path == base { return "." }
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        var up = ""
        var ancestor = base
        while !ancestor.isEmpty && ancestor != "/" {
            ancestor = (ancestor as NSString).deletingLastPathComponent
            up += "../"
            if path == ancestor { return String(up.dropLast()) }
            if path.hasPrefix(ancestor == "/" ? "/" : ancestor + "/") {
                return up + path.dropFirst(ancestor == "/" ? 1 : ancestor.count + 1)
            }
        }
        return path
    }

    private static func discoverPacks(_ explicit: [String], config: ProjectConfig, configFolder: String?) throws -> [String] {
        var roots = explicit
        if roots.isEmpty { roots = config.rules.map { resolve($0, against: configFolder) } }
        if roots.isEmpty, FileManager.default.fileExists(atPath: "Rules") { roots = ["Rules"] }
        if roots.isEmpty, let installed = installedRules() { roots = [installed] }
        guard !roots.isEmpty else {
            throw CLIError.invalid("no rule packs found",
                                   hint: "pass --rules PATH, add `rules:` to .arbiter.yaml, or run from a folder with a Rules/ folder")
        }
        var files: [String] = []
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else {
                throw CLIError.invalid("rule pack path '\(root)' does not exist", hint: "check the --rules argument or `rules:` in .arbiter.yaml")
            }
            if isFolder.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: root)
                    .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
                    .sorted()
                files += names.map { root.hasSuffix("/") ? root + $0 : root + "/" + $0 }
            } else {
                files.append(root)
            }
        }
        if files.isEmpty {
            throw CLIError.invalid("no rule packs (*.yaml) in \(roots.joined(separator: ", "))", hint: "point --rules at a pack file or a folder of packs")
        }
        return files
    }

    /// `PREFIX/share/arbiter/rules` for a binary installed at `PREFIX/bin/arbiter`.
    private static func installedRules() -> String? {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let prefix = URL(fileURLWithPath: executable).deletingLastPathComponent().deletingLastPathComponent()
        let rules = prefix.appendingPathComponent("share/arbiter/rules").path
        return FileManager.default.fileExists(atPath: rules) ? rules : nil
    }
}
