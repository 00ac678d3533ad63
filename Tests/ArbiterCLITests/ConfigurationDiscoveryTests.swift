import Foundation
import Testing

/// `.arbiter.yaml` is looked for from the working folder up to the repository's root (the
/// folder holding `.git`) or the home folder, never above: a configuration planted in a
/// shared parent folder once turned a failing gate into a passing one without a word.
struct ConfigurationDiscoveryTests {
    /// Settings that let the Belgrade dossier (band high) through the gate.
    static let lenient = "gate:\n  fail_on: critical\n  fail_on_severity: none\n  unknown: best\n"
    static let rules = CLIRunner.root.appendingPathComponent("Rules").path

    /// `root/repo` with a `.git` folder and a failing dossier in `projects/`.
    static func repository() throws -> (root: URL, repo: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-config-\(UUID().uuidString)")
        let repo = root.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("projects"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("Fixtures/projects/rs-belgrade-safe-city.yaml"),
                                         to: repo.appendingPathComponent("projects/belgrade.yaml"))
        return (root, repo)
    }

    static func gate(in folder: URL, _ extra: [String] = [], environment: [String: String] = [:]) throws -> CLIRunner.Output {
        try CLIRunner.run(["gate", "--rules", rules, "--as-of", "2026-11-29", "--format", "csv"] + extra, cwd: folder.path,
                          environment: environment)
    }

    @Test func aConfigurationAboveTheRepositoryIsIgnored() throws {
        let (root, repo) = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Self.lenient.utf8).write(to: root.appendingPathComponent(".arbiter.yaml"))
        for folder in [repo, repo.appendingPathComponent("projects")] {
            let output = try Self.gate(in: folder, ["--verbose"])
            #expect(output.status == 1, "\(folder.path): \(output.stderr)")
            #expect(output.stderr.contains("configuration: none"), "\(output.stderr)")
        }
    }

    @Test func theHomeFolderEndsTheSearch() throws {
        let (root, _) = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Self.lenient.utf8).write(to: root.appendingPathComponent(".arbiter.yaml"))
        let home = root.appendingPathComponent("home")
        let work = home.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("Fixtures/projects/rs-belgrade-safe-city.yaml"),
                                         to: work.appendingPathComponent("belgrade.yaml"))
        let output = try Self.gate(in: work, environment: ["HOME": home.path])
        #expect(output.status == 1, "\(output.stderr)")
    }

    @Test func theRepositorysOwnConfigurationIsObeyedAndNamed() throws {
        let (root, repo) = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(Self.lenient.utf8).write(to: repo.appendingPathComponent(".arbiter.yaml"))
        let output = try Self.gate(in: repo.appendingPathComponent("projects"), ["--verbose"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("configuration: ../.arbiter.yaml"), "\(output.stderr)")
        // Named only on request.
        #expect(!(try Self.gate(in: repo.appendingPathComponent("projects"))).stderr.contains("configuration:"))
    }

    /// As git's `safe.directory`: a file another user owns and others can write is
    /// ignored, with a warning. Needs root, to give the file away.
    @Test(.enabled(if: getuid() == 0)) func anotherUsersWritableConfigurationIsIgnored() throws {
        let (root, repo) = try Self.repository()
        defer { try? FileManager.default.removeItem(at: root) }
        let config = repo.appendingPathComponent(".arbiter.yaml")
        try Data(Self.lenient.utf8).write(to: config)
        #expect(chown(config.path, 65_534, 65_534) == 0)
        #expect(chmod(config.path, 0o666) == 0)
        let output = try Self.gate(in: repo, ["--verbose"])
        #expect(output.status == 1, "\(output.stderr)")
        #expect(output.stderr.contains("warning: ignoring '.arbiter.yaml'"), "\(output.stderr)")
        #expect(output.stderr.contains("[config.untrusted]"), "\(output.stderr)")
        #expect(output.stderr.contains("configuration: none"), "\(output.stderr)")
    }
}
