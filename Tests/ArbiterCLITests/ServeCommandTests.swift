import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `arbiter serve` as a process: it says where it listens, answers, and stops cleanly
/// on SIGTERM; a broken pack stops it before it listens.
struct ServeCommandTests {
    @Test func servesUntilSIGTERMThenExitsCleanly() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["serve", "--port", "0", "--rules", "Rules"]
        process.currentDirectoryURL = CLIRunner.root
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var address: String?
        for _ in 0..<200 where address == nil {
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            address = text.split(separator: "\n").first { $0.hasPrefix("arbiter serve: listening on ") }
                .map { String($0.dropFirst("arbiter serve: listening on ".count)) }
            if address == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let base = try #require(address)
        #expect(base.hasPrefix("http://127.0.0.1:"))
        let (data, response) = try await URLSession.shared.data(from: URL(string: base + "/healthz")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("ok"))

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let log = try String(contentsOf: err, encoding: .utf8)
        #expect(log.contains("GET /healthz 200"))
    }

    @Test func aBrokenPackStopsItBeforeItListens() throws {
        let output = try CLIRunner.run(["serve", "--port", "0", "--rules", "Fixtures/packs/invalid/many-errors.yaml"])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("Fixtures/packs/invalid/many-errors.yaml:"))
    }

    @Test func aBadFlagIsAUsageError() throws {
        let output = try CLIRunner.run(["serve", "--port", "70000"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("--port must be between 0 and 65535"))
    }
}
