import Foundation
import Testing

/// Every entry a folder walk cannot read or will not follow is reported at its path and
/// fails the run (exit 2), while the rest of the batch is still scored: a dossier the
/// walk silently missed would let a gate pass with a failing project in the tree.
struct WalkProblemTests {
    static let norwich = CLIRunner.root.appendingPathComponent("Fixtures/projects/gb-norwich-cctv.yaml")
    /// Fails the default gate (a high band).
    static let belgrade = CLIRunner.root.appendingPathComponent("Fixtures/projects/rs-belgrade-safe-city.yaml")

    /// A scratch folder, removed by `rm -rf`: `FileManager` cannot remove a tree whose paths
    /// pass PATH_MAX.
    final class Scratch {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-walk-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit {
            let remove = Process()
            remove.executableURL = URL(fileURLWithPath: "/bin/rm")
            remove.arguments = ["-rf", url.path]
            try? remove.run()
            remove.waitUntilExit()
        }

        var path: String { url.path }
    }

    /// Nests folders under `root` until a folder's path is longer than PATH_MAX, working by
    /// handle (no call takes a path that long), and writes `contents` there as `deep.yaml`.
    /// Returns the deepest folder's path.
    static func writePastPathMax(under root: String, contents: Data) throws -> String {
        let name = String(repeating: "d", count: 200)
        var folder = open(root, O_RDONLY | O_DIRECTORY)
        var path = root
        while path.utf8.count <= Int(PATH_MAX) {
            #expect(mkdirat(folder, name, 0o755) == 0)
            let next = openat(folder, name, O_RDONLY | O_DIRECTORY)
            close(folder)
            folder = next
            path += "/" + name
        }
        defer { close(folder) }
        let file = openat(folder, "deep.yaml", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(file >= 0)
        defer { close(file) }
        let written = contents.withUnsafeBytes { Foundation.write(file, $0.baseAddress, $0.count) }
        #expect(written == contents.count)
        return path
    }

    /// Writes `contents` at `folder/name` where `name` is raw bytes, not necessarily UTF-8.
    static func write(_ contents: Data, in folder: String, nameBytes: [UInt8]) throws {
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + nameBytes + [0]
        let file = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        try #require(file >= 0)
        defer { close(file) }
        let written = contents.withUnsafeBytes { Foundation.write(file, $0.baseAddress, $0.count) }
        #expect(written == contents.count)
    }

    static func withID(_ url: URL, _ id: String) throws -> Data {
        let text = try String(contentsOf: url, encoding: .utf8)
        let original = try #require(text.split(separator: "\n").first { $0.hasPrefix("id: ") })
        return Data(text.replacingOccurrences(of: String(original), with: "id: \(id)").utf8)
    }

    @Test func aFolderPastPathMaxFailsTheGateAndLint() throws {
        let scratch = try Scratch()
        try Data(contentsOf: Self.norwich).write(to: scratch.url.appendingPathComponent("norwich.yaml"))
        let deep = try Self.writePastPathMax(under: scratch.path, contents: try Self.withID(Self.belgrade, "deep-belgrade"))

        let gate = try CLIRunner.run(["gate", scratch.path, "--format", "csv", "--as-of", "2026-11-29"])
        #expect(gate.status == 2, "\(gate.stderr)")
        #expect(gate.stderr.contains("[io.path-too-long]"), "\(gate.stderr)")
        // Reported at the first folder whose path is too long, which is the deepest one.
        #expect(gate.stderr.contains(deep + ": error:"))
        // The batch went on: the good dossier is scored.
        #expect(gate.stdout.contains("gb-norwich-cctv"))

        let lint = try CLIRunner.run(["lint", scratch.path])
        #expect(lint.status == 2)
        #expect(lint.stderr.contains("[io.path-too-long]"))
        #expect(!lint.stdout.contains("no problems"))
    }

    @Test func linksTheWalkWillNotFollowAreReported() throws {
        let scratch = try Scratch()
        let manager = FileManager.default
        let projects = scratch.url.appendingPathComponent("projects")
        let nested = projects.appendingPathComponent("nested")
        try manager.createDirectory(at: nested, withIntermediateDirectories: true)
        try Data(contentsOf: Self.norwich).write(to: nested.appendingPathComponent("norwich.yaml"))
        let outside = scratch.url.appendingPathComponent("outside")
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try Self.withID(Self.belgrade, "outside-belgrade").write(to: outside.appendingPathComponent("belgrade.yaml"))

        let dangling = projects.appendingPathComponent("dangling.yaml")
        try manager.createSymbolicLink(atPath: dangling.path, withDestinationPath: "nowhere.yaml")
        let loop = nested.appendingPathComponent("loop")
        try manager.createSymbolicLink(atPath: loop.path, withDestinationPath: "..")
        let selfLoop = projects.appendingPathComponent("spin.yaml")
        try manager.createSymbolicLink(atPath: selfLoop.path, withDestinationPath: "spin.yaml")
        let escapeFolder = projects.appendingPathComponent("escape")
        try manager.createSymbolicLink(at: escapeFolder, withDestinationURL: outside)
        let escapeFile = projects.appendingPathComponent("escape.yaml")
        try manager.createSymbolicLink(at: escapeFile, withDestinationURL: outside.appendingPathComponent("belgrade.yaml"))
        // A link out of the folder to a file that is no dossier is not a dossier either.
        try Data("notes".utf8).write(to: outside.appendingPathComponent("notes.txt"))
        try manager.createSymbolicLink(at: projects.appendingPathComponent("notes.txt"),
                                       withDestinationURL: outside.appendingPathComponent("notes.txt"))

        for command in ["gate", "audit"] {
            let output = try CLIRunner.run([command, projects.path, "--format", "csv", "--as-of", "2026-11-29", "--jobs", "2"])
            #expect(output.status == 2, "\(command): \(output.stderr)")
            #expect(output.stderr.contains("\(dangling.path): error:") && output.stderr.contains("[io.dangling-link]"), "\(output.stderr)")
            #expect(output.stderr.contains("\(loop.path): error:") && output.stderr.contains("[io.link-loop]"), "\(output.stderr)")
            #expect(output.stderr.contains("\(selfLoop.path): error:"), "\(output.stderr)")
            #expect(output.stderr.contains("\(escapeFolder.path): error:") && output.stderr.contains("[io.link-outside]"), "\(output.stderr)")
            #expect(output.stderr.contains("\(escapeFile.path): error:"), "\(output.stderr)")
            #expect(!output.stderr.contains("notes.txt"), "\(output.stderr)")
            // The rest is scored, and nothing outside the folder is.
            let rows = output.stdout.split(separator: "\r\n").dropFirst()
            #expect(rows.count == 2 && rows.allSatisfy { $0.contains("gb-norwich-cctv") }, "\(output.stdout)")
        }
        let lint = try CLIRunner.run(["lint", projects.path])
        #expect(lint.status == 2)
        #expect(lint.stderr.contains("5 problems"), "\(lint.stderr)")
    }

    /// A FIFO named like a dossier is reported, not read (which would block) nor skipped.
    @Test func aFIFONamedLikeADossierIsReported() throws {
        let scratch = try Scratch()
        try Data(contentsOf: Self.norwich).write(to: scratch.url.appendingPathComponent("norwich.yaml"))
        let fifo = scratch.url.appendingPathComponent("pipe.yaml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        for command in ["gate", "audit"] {
            let output = try CLIRunner.run([command, scratch.path, "--format", "csv", "--as-of", "2026-11-29"])
            #expect(output.status == 2, "\(command): \(output.stderr)")
            #expect(output.stderr.contains("\(fifo): error:") && output.stderr.contains("[io.not-a-file]"), "\(output.stderr)")
            #expect(output.stdout.contains("gb-norwich-cctv"))
        }
        let lint = try CLIRunner.run(["lint", scratch.path])
        #expect(lint.status == 2 && lint.stderr.contains("[io.not-a-file]"), "\(lint.stderr)")
    }

    /// A name that is not UTF-8 is opened by its bytes and shown with the odd bytes escaped.
    @Test func aNameThatIsNotUTF8IsReadByItsBytes() throws {
        let scratch = try Scratch()
        try Self.write(try Self.withID(Self.norwich, "latin-1-name"), in: scratch.path, nameBytes: Array("caf".utf8) + [0xE9] + Array(".yaml".utf8))
        let audit = try CLIRunner.run(["audit", scratch.path, "--format", "csv", "--as-of", "2026-11-29"])
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(audit.stdout.contains("\(scratch.path)/caf\\xE9.yaml,latin-1-name,"), "\(audit.stdout)")
        let lint = try CLIRunner.run(["lint", scratch.path])
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stdout.contains("no problems"))
    }
}
