import ArbiterCore
import ArbiterYAML
import Foundation

/// Finds the configuration and the rule packs the documented way: `--rules`, else
/// `rules:` in `.arbiter.yaml` (searched upward from the working directory to the
/// repository's root or the home folder), else
/// `./Rules`, else the packs installed beside the binary (or those of the checkout it
/// was built from). Returns diagnostics; never
/// prints and never exits.
public struct PackDiscovery: Sendable {
    /// The folder paths are shown relative to, and the configuration is searched from.
    public var workingDirectory: String
    /// Where the search for `.arbiter.yaml` ends if no repository's root comes first.
    public var homeDirectory: String?

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath,
                homeDirectory: String? = ProcessInfo.processInfo.environment["HOME"]) {
        self.workingDirectory = workingDirectory
        self.homeDirectory = homeDirectory
    }

    /// `.arbiter.yaml` and the folder it lives in, as shown to the user.
    public struct Configuration: Sendable {
        public var config = ProjectConfig()
        /// The configuration file's folder relative to the working directory; nil without one.
        public var folder: String?
        /// The configuration file relative to the working directory; nil without one.
        public var file: String?
        /// Configurations found and not obeyed, and why.
        public var warnings: [Diagnostic] = []

        public init(config: ProjectConfig = ProjectConfig(), folder: String? = nil, file: String? = nil) {
            self.config = config
            self.folder = folder
            self.file = file
        }

        /// A path from the configuration, as seen from the working directory.
        public func resolve(_ path: String) -> String { PackDiscovery.resolve(path, against: folder) }
    }

    /// Reads `.arbiter.yaml` from the working directory or the nearest folder above it,
    /// up to the repository's root (the folder holding `.git`) or the home folder: a
    /// folder above those is shared with others, and a configuration planted there could
    /// turn a failing gate into a passing one. A file found but not to be trusted is
    /// passed over with a warning.
    public func configuration() -> Result<Configuration, Diagnostics> {
        var folder = URL(fileURLWithPath: workingDirectory).standardizedFileURL
        let cwd = folder.path
        let home = homeDirectory.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        var warnings: [Diagnostic] = []
        while true {
            let candidate = folder.appendingPathComponent(".arbiter.yaml").path
            if FileManager.default.fileExists(atPath: candidate) {
                let display = Self.relativePath(candidate, from: cwd)
                if let distrust = Self.distrust(candidate, shownAs: display) {
                    warnings.append(distrust)
                } else {
                    return load(candidate, shownAs: display, folder: Self.relativePath(folder.path, from: cwd), warnings: warnings)
                }
            }
            let parent = folder.deletingLastPathComponent()
            let isRepositoryRoot = FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path)
            if isRepositoryRoot || folder.path == home || parent.path == folder.path {
                var none = Configuration()
                none.warnings = warnings
                return .success(none)
            }
            folder = parent
        }
    }

    private func load(_ path: String, shownAs display: String, folder: String, warnings: [Diagnostic]) -> Result<Configuration, Diagnostics> {
        let limit = LoaderLimits().maxFileSize
        switch FileInput.read(path, limit: limit) {
        case .success(let bytes):
            let source = SourceText(file: display, bytes: bytes)
            switch YAMLLoader().load(file: display, bytes: bytes).flatMap(ProjectConfigDecoder().decode) {
            case .success(let config):
                var found = Configuration(config: config, folder: folder, file: display)
                found.warnings = warnings
                return .success(found)
            case .failure(let error): return .failure(Diagnostics(error, source: source))
            }
        case .failure(let failure):
            return .failure(Diagnostics([FileInput.diagnostic(failure, path: display, limit: limit)]))
        }
    }

    /// A warning when the configuration at `path` belongs to another user and others can
    /// write it, as git's `safe.directory` refuses such a repository: whoever changed it
    /// would choose the gate's thresholds. Nil when it may be read.
    static func distrust(_ path: String, shownAs display: String) -> Diagnostic? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_uid != geteuid(), info.st_mode & (S_IWGRP | S_IWOTH) != 0 else { return nil }
        var warning = Diagnostic(.warning, code: "config.untrusted",
                                 message: "ignoring '\(display)': it belongs to another user (uid \(info.st_uid)) and others can write it",
                                 file: display, range: .fileStart,
                                 notes: [.hint("if it is yours, take it (`chown`) or close it to others (`chmod go-w`)")])
        warning.hasPosition = false
        return warning
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
        // A pack that names a vocabulary (`vocabulary: dossier@1`) finds it in the folders
        // loaded first, then among the packs that ship with the binary, as a program
        // finds its standard library: a third-party pack need not name Rules/ too.
        if let installed, !files.contains(where: { $0.hasSuffix("vocabulary.yaml") }),
           files.contains(where: { Self.namesAVocabulary(absolute($0)) }) {
            let shipped = installed + "/vocabulary.yaml"
            if FileManager.default.fileExists(atPath: shipped) { files.insert(shipped, at: 0) }
        }
        return .success(files)
    }

    /// Whether a pack file has a top-level `vocabulary: NAME@MAJOR` line: a reference to
    /// a vocabulary, not a vocabulary itself (whose line names no version). Only picks
    /// the files to load; the compiler checks the reference.
    static func namesAVocabulary(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 64 << 10)) ?? Data(), as: UTF8.self)
        return head.split(separator: "\n").contains { line in
            line.hasPrefix("vocabulary:") && line.dropFirst("vocabulary:".count).split(separator: "#").first?.contains("@") == true
        }
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
