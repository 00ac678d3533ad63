import Foundation
import Testing

/// Walks survive symbolic-link loops, links out of the folder, unreadable files and
/// folders named like files; reports survive a killed process.
struct FileSystemTests {
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-fs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func walksSurviveLoopsLinksAndOddEntries() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        let projects = root.appendingPathComponent("projects")
        try manager.createDirectory(at: projects.appendingPathComponent("nested"), withIntermediateDirectories: true)
        let good = try Data(contentsOf: CLIRunner.root.appendingPathComponent("Fixtures/projects/gb-norwich-cctv.yaml"))
        try good.write(to: projects.appendingPathComponent("nested/norwich.yaml"))
        // A loop back to the top, a link out of the folder, a folder named like a dossier,
        // a hidden folder and an unreadable file.
        try manager.createSymbolicLink(at: projects.appendingPathComponent("nested/loop"), withDestinationURL: projects)
        let outside = root.appendingPathComponent("outside")
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try good.write(to: outside.appendingPathComponent("secret.yaml"))
        try manager.createSymbolicLink(at: projects.appendingPathComponent("escape"), withDestinationURL: outside)
        try manager.createDirectory(at: projects.appendingPathComponent("folder.yaml"), withIntermediateDirectories: true)
        try manager.createDirectory(at: projects.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        try good.write(to: projects.appendingPathComponent(".hidden/ignored.yaml"))
        let locked = projects.appendingPathComponent("locked.yaml")
        try good.write(to: locked)
        try manager.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? manager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: locked.path) }
        // Root can read anything; only check the unreadable case when permissions bite.
        let lockedIsReadable = FileManager.default.isReadableFile(atPath: locked.path)

        let output = try CLIRunner.run(["audit", projects.path, "--format", "csv", "--as-of", "2026-11-29"])
        let rows = output.stdout.split(separator: "\r\n").dropFirst()
        #expect(rows.allSatisfy { !$0.contains("secret") && !$0.contains("ignored") })
        if lockedIsReadable {
            // locked.yaml (readable as root) holds the same id as nested/norwich.yaml.
            #expect(output.stderr.contains("dossier.duplicate-id"))
        } else {
            #expect(output.stderr.contains("locked.yaml:1:1: error: cannot read"))
        }
        #expect(output.status == 2)
        // One project, scored once through its two packs, never twice through the loop.
        #expect(rows.count == 2)
    }

    /// The walk is streamed and keeps no list of paths, so a duplicate id's message finds
    /// the first file by walking again; it must name the right one, in walk order, with a
    /// problem item (a missing path) ahead of it and two workers racing.
    @Test(arguments: [1, 2])
    func aDuplicateIdNamesTheFirstFileInWalkOrder(jobs: Int) throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try String(contentsOf: CLIRunner.root.appendingPathComponent("Fixtures/projects/gb-norwich-cctv.yaml"), encoding: .utf8)
        for (folder, id) in [("a", "shared-id"), ("b", "other-id"), ("c", "third-id"), ("d", "shared-id")] {
            let url = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(source.replacingOccurrences(of: "id: gb-norwich-cctv", with: "id: \(id)").utf8)
                .write(to: url.appendingPathComponent("project.yaml"))
        }
        let missing = root.appendingPathComponent("missing.yaml").path
        let output = try CLIRunner.run(["audit", missing, root.path, "--format", "csv", "--jobs", "\(jobs)", "--as-of", "2026-11-29"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("cannot read '\(missing)'"))
        let idLine = try #require(source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("id: ") }) + 1
        #expect(output.stderr.contains("\(root.path)/d/project.yaml:\(idLine):5: error: project id 'shared-id' is already used by \(root.path)/a/project.yaml"))
        // Three distinct projects, two packs each.
        #expect(output.stdout.split(separator: "\r\n").dropFirst().count == 6)
    }

    /// A duplicate id's message names the first file by walking again, once for the whole
    /// run: walking once per duplicate made a run of copies quadratic (4,000 copies took
    /// seconds per thousand files more than as many distinct dossiers).
    @Test func duplicateIdsCostOneMoreWalkNotOnePerDuplicate() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let distinct = root.appendingPathComponent("distinct"), copies = root.appendingPathComponent("copies")
        for folder in [distinct, copies] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let count = 2_000
        for index in 0..<count {
            try Data("id: project-\(index)\nname: P\n".utf8).write(to: distinct.appendingPathComponent("d\(index).yaml"))
            try Data("id: project\nname: P\n".utf8).write(to: copies.appendingPathComponent("d\(index).yaml"))
        }
        func timed(_ folder: URL) throws -> (seconds: Double, output: CLIRunner.Output) {
            let start = Date()
            let output = try CLIRunner.run(["audit", folder.path, "--format", "csv", "--as-of", "2026-11-29", "--jobs", "1"])
            return (Date().timeIntervalSince(start), output)
        }
        let baseline = try timed(distinct)
        #expect(baseline.output.status == 0)
        let duplicated = try timed(copies)
        #expect(duplicated.output.status == 2)
        #expect(duplicated.output.stderr.components(separatedBy: "[dossier.duplicate-id]").count - 1 == count - 1)
        #expect(duplicated.output.stderr.contains("is already used by \(copies.path)/d0.yaml"))
        #expect(!duplicated.output.stderr.contains("is already used by \(copies.path)/d1.yaml"))
        #expect(duplicated.seconds < 3 * baseline.seconds + 2, "\(duplicated.seconds) s with duplicates, \(baseline.seconds) s without")
    }

    /// Directory records are only as long as their names. Names were once copied out at
    /// their declared 256 bytes, which read past the end of the listing buffer and
    /// crashed an audit of the benchmark corpus; `make test-sanitize` runs this under
    /// AddressSanitizer, where any such read fails at once.
    @Test func aFolderOfManyNamesOfEveryLengthIsListedCompletely() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let good = try Data(contentsOf: CLIRunner.root.appendingPathComponent("Fixtures/projects/gb-norwich-cctv.yaml"))
        for index in 0..<1_500 {
            let name = String(repeating: "n", count: 1 + index % 240) + "-\(index).txt"
            #expect(FileManager.default.createFile(atPath: root.appendingPathComponent(name).path, contents: nil))
        }
        try good.write(to: root.appendingPathComponent(String(repeating: "z", count: 240) + ".yaml"))
        let output = try CLIRunner.run(["audit", root.path, "--format", "csv", "--as-of", "2026-11-29"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.split(separator: "\r\n").dropFirst().count == 2)
    }

    @Test func aKilledRunLeavesNoPartialReport() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        // Enough work that the run is still going when it is killed.
        let source = try String(contentsOf: CLIRunner.root.appendingPathComponent("Fixtures/projects/rs-belgrade-safe-city.yaml"), encoding: .utf8)
        let corpus = root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for index in 0..<1_500 {
            try Data(source.replacingOccurrences(of: "id: rs-belgrade-safe-city", with: "id: copy-\(index)").utf8)
                .write(to: corpus.appendingPathComponent("d\(index).yaml"))
        }
        let report = root.appendingPathComponent("report.json")
        let arguments = ["audit", corpus.path, "--format", "json", "--output", report.path, "--jobs", "1", "--as-of", "2026-11-29"]
        /// The temporary files of the report, once the run has written into one.
        func temporaries() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".report.json.arbiter-") }
        }
        /// Starts a run and returns once it is writing its report, not after a guessed time.
        func startWriting() throws -> Process {
            let before = Set(try temporaries())
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.currentDirectoryURL = CLIRunner.root
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            while process.isRunning {
                let written = try temporaries().filter { !before.contains($0) }.contains { name in
                    ((try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(name).path)[.size] as? Int) ?? 0) > 0
                }
                if written { break }
                usleep(2_000)
            }
            return process
        }

        // SIGKILL mid-write: no report at all, only the temporary, which the next run removes.
        let killed = try startWriting()
        #expect(killed.isRunning, "the run finished before it could be killed; give it more work")
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: report.path), "a killed run left a report")
        let stale = try temporaries()
        #expect(stale.count == 1, "\(stale)")

        // SIGTERM mid-write is caught: the temporary goes too, and the stale one is gone.
        let stopped = try startWriting()
        #expect(stopped.isRunning)
        kill(stopped.processIdentifier, SIGTERM)
        stopped.waitUntilExit()
        #expect(stopped.terminationStatus == 128 + SIGTERM)
        let left = try temporaries()
        #expect(left.isEmpty, "temporary files left: \(left)")
        #expect(!FileManager.default.fileExists(atPath: report.path))
    }
}

extension FileSystemTests {
    /// A case file `arbiter test` cannot read (a folder or a dangling link named like one)
    /// is an error, never a silently skipped file under "0 failed".
    @Test func testReportsCaseFilesItCannotRead() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        let rules = root.appendingPathComponent("Rules")
        try manager.createDirectory(at: rules.appendingPathComponent("tests/folder.yaml"), withIntermediateDirectories: true)
        for pack in ["digital-authoritarianism.yaml", "debt-risk.yaml", "vocabulary.yaml"]
        where manager.fileExists(atPath: CLIRunner.root.appendingPathComponent("Rules/\(pack)").path) {
            try manager.copyItem(at: CLIRunner.root.appendingPathComponent("Rules/\(pack)"), to: rules.appendingPathComponent(pack))
        }
        try manager.createSymbolicLink(at: rules.appendingPathComponent("tests/dangling.yaml"),
                                       withDestinationURL: root.appendingPathComponent("nowhere.yaml"))

        let output = try CLIRunner.run(["test", "--rules", rules.path])
        #expect(output.status == 2)
        #expect(output.stderr.contains("tests/folder.yaml"))
        #expect(output.stderr.contains("tests/dangling.yaml"))
        #expect(!output.stdout.contains("0 failed"))
    }
}
