import ArbiterCore
import ArbiterYAML
import Foundation

/// Finds the configuration and the rule packs the documented way: `--rules`, else
/// `rules:` in `.arbiter.yaml` (searched upward from the working directory), else
/// `./Rules`, else the packs installed beside the binary (or those of the checkout it
/// was built from). Returns diagnostics; never
/// prints and never exits.
public struct PackDiscovery: Sendable {
    /// The folder paths are shown relative to, and the configuration is searched from.
    public var workingDirectory: String

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory
    }

    /// `.arbiter.yaml` and the folder it lives in, as shown to the user.
    public struct Configuration: Sendable {
        public var config = ProjectConfig()
        /// The configuration file's folder relative to the working directory; nil without one.
        public var folder: String?

        public init(config: ProjectConfig = ProjectConfig(), folder: String? = nil) {
            self.config = config
            self.folder = folder
        }

        /// A path from the configuration, as seen from the working directory.
        public func resolve(_ path: String) -> String { PackDiscovery.resolve(path, against: folder) }
    }

    /// Reads `.arbiter.yaml` from the working directory or the nearest folder above it.
    public func configuration() -> Result<Configuration, Diagnostics> {
        var folder = URL(fileURLWithPath: workingDirectory).standardizedFileURL
        let cwd = folder.path
        while true {
            let candidate = folder.appendingPathComponent(".arbiter.yaml").path
            if FileManager.default.fileExists(atPath: candidate) {
                let display = Self.relativePath(candidate, from: cwd)
                let displayFolder = Self.relativePath(folder.path, from: cwd)
                let limit = LoaderLimits().maxFileSize
                switch FileInput.read(candidate, limit: limit) {
                case .success(let bytes):
                    let source = SourceText(file: display, bytes: bytes)
                    switch YAMLLoader().load(file: display, bytes: bytes).flatMap(ProjectConfigDecoder().decode) {
                    case .success(let config): return .success(Configuration(config: config, folder: displayFolder))
                    case .failure(let error): return .failure(Diagnostics(error, source: source))
                    }
                case .failure(let failure):
                    return .failure(Diagnostics([FileInput.diagnostic(failure, path: display, limit: limit)]))
                }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return .success(Configuration()) }
            folder = parent
        }
    }

    /// The pack files to load: each `explicit` path (a file, or a folder of `*.yaml`),
    /// else the configuration's, else `./Rules`, else the installed packs.
    public func packFiles(explicit: [String], configuration: Configuration, installed: String? = PackDiscovery.installedRules())
        -> Result<[String], Diagnostics> {
        var roots = explicit
        if roots.isEmpty { roots = configuration.config.rules.map(configuration.resolve) }
        if roots.isEmpty, FileManager.default.fileExists(atPath: absolute("Rules")) { roots = ["Rules"] }
        if roots.isEmpty, let installed { roots = [installed] }
        guard !roots.isEmpty else {
            return .failure(Self.unlocated("config.no-packs", "no rule packs found",
                                           hint: "pass --rules PATH, add `rules:` to .arbiter.yaml, or run from a folder with a Rules/ folder"))
        }
        var files: [String] = []
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute(root), isDirectory: &isFolder) else {
                return .failure(Self.unlocated("config.missing-packs", "rule pack path '\(root)' does not exist",
                                               hint: "check the --rules argument or `rules:` in .arbiter.yaml"))
            }
            guard isFolder.boolValue else {
                // A pack named on its own still reads the shared vocabulary beside it.
                let folder = (root as NSString).deletingLastPathComponent
                let vocabulary = folder.isEmpty ? "vocabulary.yaml" : folder + "/vocabulary.yaml"
                if !root.hasSuffix("vocabulary.yaml"), FileManager.default.fileExists(atPath: absolute(vocabulary)),
                   !files.contains(vocabulary) {
                    files.append(vocabulary)
                }
                if !files.contains(root) { files.append(root) }
                continue
            }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute(root)) else {
                return .failure(Self.unlocated("io.unreadable", "cannot list the rule pack folder '\(root)'",
                                               hint: "check that the folder is readable"))
            }
            files += names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
                .sorted()
                .map { root.hasSuffix("/") ? root + $0 : root + "/" + $0 }
                .filter { !files.contains($0) }
        }
        if files.isEmpty {
            return .failure(Self.unlocated("config.no-packs", "no rule packs (*.yaml) in \(roots.joined(separator: ", "))",
                                           hint: "point --rules at a pack file or a folder of packs"))
        }
        return .success(files)
    }

    /// `PREFIX/share/arbiter/rules` for a binary installed at `PREFIX/bin/arbiter`, else the
    /// `Rules` folder of the source checkout the binary was built in.
    public static func installedRules() -> String? {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        let rules = folder.deletingLastPathComponent().appendingPathComponent("share/arbiter/rules").path
        if FileManager.default.fileExists(atPath: rules) { return rules }
        // A binary built from a checkout (`swift build`, or pre-commit's build of the hook
        // repository, in `<checkout>/swift_env-default/.build/<triple>/release`) reads
        // the packs of the checkout it was built from.
        var ancestor = folder
        for _ in 0..<5 {
            ancestor = ancestor.deletingLastPathComponent()
            let packs = ancestor.appendingPathComponent("Rules")
            if FileManager.default.fileExists(atPath: ancestor.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: packs.appendingPathComponent("vocabulary.yaml").path) {
                return packs.path
            }
        }
        return nil
    }

    public static func resolve(_ path: String, against folder: String?) -> String {
        guard let folder, !path.hasPrefix("/") else { return path }
        let joined = folder + "/" + path
        return joined.hasPrefix("./") ? String(joined.dropFirst(2)) : joined
    }

    /// A path as the user would write it from `base`.
    public static func relativePath(_ path: String, from base: String) -> String {
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

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }

    /// A problem with no place in any file: rendered as `error: message`, then the hint.
    static func unlocated(_ code: String, _ message: String, hint: String) -> Diagnostics {
        Diagnostics([.error(code, message, file: "", range: .fileStart, notes: [.hint(hint)])])
    }
}
