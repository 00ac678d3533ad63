import Foundation
import Testing

/// `--output` and `--report` write atomically over regular files and new paths only;
/// anything else is written in place, an output is never an input, and an interrupted
/// run's temporary files are recognised and removed by the next run.
@Suite(.serialized)
struct OutputWriterTests {
    static let belgrade = "Fixtures/projects/rs-belgrade-safe-city.yaml"

    /// A fresh folder under the system's temporary folder, removed afterwards.
    static func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    static func status(_ path: String) -> stat {
        var info = stat()
        lstat(path, &info)
        return info
    }

    static func score(_ extra: [String]) throws -> CLIRunner.Output {
        try CLIRunner.run(["score", belgrade, "--as-of", "2026-11-29"] + extra)
    }

    @Test func aCharacterDeviceIsWrittenInPlaceNotReplaced() throws {
        guard getuid() == 0 else { return } // mknod needs root; the FIFO test covers the rest
        try Self.withFolder { folder in
            let device = folder.appendingPathComponent("null").path
            #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
            let output = try Self.score(["--format", "json", "--output", device, "--report", "sarif=\(device).copy"])
            #expect(output.status != 2, "\(output.stderr)")
            #expect(Self.status(device).st_mode & S_IFMT == S_IFCHR, "the device is still a device")
        }
    }

    @Test func aFIFOIsWrittenInPlaceToItsReader() throws {
        try Self.withFolder { folder in
            let fifo = folder.appendingPathComponent("pipe").path
            #expect(mkfifo(fifo, 0o600) == 0)
            let received = ReaderBox()
            let reader = Thread {
                // A plain blocking open and read: the writer's open waits for this reader.
                let descriptor = open(fifo, O_RDONLY)
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 65_536)
                while descriptor >= 0 {
                    let count = read(descriptor, &chunk, chunk.count)
                    if count <= 0 { break }
                    bytes += chunk[..<count]
                }
                close(descriptor)
                received.data = Data(bytes)
            }
            reader.start()
            let output = try Self.score(["--format", "json", "--output", fifo])
            while !received.done { usleep(10_000) }
            #expect(output.status != 2, "\(output.stderr)")
            #expect(Self.status(fifo).st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
            #expect(String(decoding: received.data, as: UTF8.self).contains("\"rs-belgrade-safe-city\""))
        }
    }

    @Test func aSymbolicLinkKeepsPointingAtItsReplacedTarget() throws {
        try Self.withFolder { folder in
            let target = folder.appendingPathComponent("report.json").path
            let link = folder.appendingPathComponent("link.json").path
            try "old".write(toFile: target, atomically: false, encoding: .utf8)
            chmod(target, 0o600)
            #expect(symlink("report.json", link) == 0)
            let output = try Self.score(["--format", "json", "--output", link])
            #expect(output.status != 2, "\(output.stderr)")
            #expect(Self.status(link).st_mode & S_IFMT == S_IFLNK, "the link is still a link")
            let written = try String(contentsOfFile: target, encoding: .utf8)
            #expect(written.contains("\"rs-belgrade-safe-city\""))
            #expect(Self.status(target).st_mode & 0o777 == 0o600, "the target keeps its mode")
        }
    }

    @Test func aHardLinkStaysOneFileWithTwoNames() throws {
        try Self.withFolder { folder in
            let first = folder.appendingPathComponent("a.json").path
            let second = folder.appendingPathComponent("b.json").path
            try "old".write(toFile: first, atomically: false, encoding: .utf8)
            #expect(link(first, second) == 0)
            let output = try Self.score(["--format", "json", "--output", first])
            #expect(output.status != 2, "\(output.stderr)")
            #expect(Self.status(first).st_ino == Self.status(second).st_ino)
            #expect(try String(contentsOfFile: second, encoding: .utf8).contains("\"rs-belgrade-safe-city\""))
        }
    }

    @Test func aReplacedFileKeepsItsMode() throws {
        try Self.withFolder { folder in
            let path = folder.appendingPathComponent("report.sarif").path
            try "old".write(toFile: path, atomically: false, encoding: .utf8)
            chmod(path, 0o600)
            let output = try Self.score(["--format", "sarif", "--output", path])
            #expect(output.status != 2, "\(output.stderr)")
            #expect(Self.status(path).st_mode & 0o777 == 0o600)
        }
    }

    @Test func anOutputThatIsAnInputIsRefused() throws {
        try Self.withFolder { folder in
            let dossier = folder.appendingPathComponent("d.yaml")
            try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent(Self.belgrade), to: dossier)
            let before = try Data(contentsOf: dossier)
            let alias = folder.appendingPathComponent("sub/../d.yaml").path
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
            for output in [dossier.path, alias] {
                let result = try CLIRunner.run(["score", dossier.path, "--output", output])
                #expect(result.status == 2)
                #expect(result.stderr.contains("is also an input"), "\(result.stderr)")
            }
            let audit = try CLIRunner.run(["audit", folder.path, "--report", "json=\(dossier.path)"])
            #expect(audit.status == 2 && audit.stderr.contains("is also an input"), "\(audit.stderr)")
            let pack = try CLIRunner.run(["score", Self.belgrade, "--rules", "Fixtures/packs/sample.yaml", "--output", folder.path + "/../" + folder.lastPathComponent + "/x.json",
                                          "--report", "json=\(folder.path)/x.json"])
            #expect(pack.status == 2 && pack.stderr.contains("twice"), "\(pack.stderr)")
            #expect(try Data(contentsOf: dossier) == before, "the dossier is untouched")
        }
    }

    @Test func anInterruptedRunsTemporaryIsRemovedByTheNextRun() throws {
        try Self.withFolder { folder in
            let report = folder.appendingPathComponent("report.json").path
            // A temporary left by a process that no longer exists, and one of a live process.
            let stale = folder.appendingPathComponent(".report.json.arbiter-999999999-1.tmp").path
            let live = folder.appendingPathComponent(".report.json.arbiter-\(getpid())-2.tmp").path
            try "partial".write(toFile: stale, atomically: false, encoding: .utf8)
            try "partial".write(toFile: live, atomically: false, encoding: .utf8)
            let output = try Self.score(["--format", "json", "--output", report])
            #expect(output.status != 2, "\(output.stderr)")
            #expect(!FileManager.default.fileExists(atPath: stale))
            #expect(FileManager.default.fileExists(atPath: live), "a running process's temporary is left alone")
        }
    }

    @Test(arguments: ["json", "sarif", "junit", "csv", "html", "markdown"])
    func anInvalidDossierLeavesNothingHalfWrittenOnStandardOutput(_ format: String) throws {
        let output = try CLIRunner.run(["score", "Fixtures/invalid/duplicate-keys.yaml", "--format", format])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty, "stdout: \(output.stdout.prefix(200))")
        #expect(!output.stderr.isEmpty)
    }
}

/// What the FIFO's reader thread read.
private final class ReaderBox: @unchecked Sendable {
    private let lock = NSLock()
    private var _data: Data?
    var data: Data {
        get { lock.withLock { _data ?? Data() } }
        set { lock.withLock { _data = newValue } }
    }
    var done: Bool { lock.withLock { _data != nil } }
}
