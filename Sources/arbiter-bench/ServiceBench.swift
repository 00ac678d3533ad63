import Foundation

/// The service stage of `make bench`: `arbiter serve` on loopback under wrk, posting
/// one dossier over 16 connections for a fixed time, twice, with the server's memory
/// read after each run.
struct ServiceBench {
    struct Run {
        var requestsPerSecond: Double
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        var requests: Int
        var errors: Int
        var peakKiB: Int
        var residentKiB: Int
    }

    let arbiter: String
    let rules: String
    let dossier: String
    let seconds: Int
    let connections = 16

    /// Both runs, or a reason the stage could not run.
    func measure() -> Result<[Run], BenchFailure> {
        guard let wrk = ["/usr/bin/wrk", "/usr/local/bin/wrk"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return .failure(BenchFailure("wrk is not installed (Debian package wrk); `make bench` installs it"))
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-bench-serve-\(getpid())")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), log = scratch.appendingPathComponent("log")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: arbiter)
        server.arguments = ["serve", "--port", "0", "--rules", rules]
        server.standardOutput = try? FileHandle(forWritingTo: out)
        // The per-request log lines would cost the server more than the bench measures.
        server.standardError = FileHandle.nullDevice
        do { try server.run() } catch { return .failure(BenchFailure("cannot start \(arbiter) serve: \(error)")) }
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        var base: String?
        for _ in 0..<200 where base == nil {
            base = (try? String(contentsOf: out, encoding: .utf8))?.split(separator: "\n")
                .first { $0.hasPrefix("arbiter serve: listening on ") }.map { String($0.dropFirst(28)) }
            if base == nil { usleep(50_000) }
        }
        guard let base else { return .failure(BenchFailure("the server did not start")) }
        let script = scratch.appendingPathComponent("post.lua")
        let lua = """
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/yaml"
            local file = io.open("\(dossier)", "rb")
            wrk.body = file:read("*a")
            file:close()
            """
        try? lua.write(to: script, atomically: true, encoding: .utf8)
        var runs: [Run] = []
        for _ in 0..<2 {
            let wrkOut = scratch.appendingPathComponent("wrk")
            FileManager.default.createFile(atPath: wrkOut.path, contents: nil)
            let load = Process()
            load.executableURL = URL(fileURLWithPath: wrk)
            load.arguments = ["-t2", "-c\(connections)", "-d\(seconds)s", "--latency", "-s", script.path, base + "/v1/score?as_of=2026-11-29"]
            load.standardOutput = try? FileHandle(forWritingTo: wrkOut)
            load.standardError = FileHandle.nullDevice
            do { try load.run() } catch { return .failure(BenchFailure("cannot run wrk: \(error)")) }
            load.waitUntilExit()
            let text = (try? String(contentsOf: wrkOut, encoding: .utf8)) ?? ""
            guard var run = Self.parse(text) else { return .failure(BenchFailure("cannot read wrk's output:\n\(text)")) }
            let status = (try? String(contentsOfFile: "/proc/\(server.processIdentifier)/status", encoding: .utf8)) ?? ""
            run.peakKiB = Self.field("VmHWM:", in: status)
            run.residentKiB = Self.field("VmRSS:", in: status)
            runs.append(run)
        }
        return .success(runs)
    }

    /// `audit --format json --jobs 2` over `count` copies of the posted dossier, each with
    /// its own id: the CLI's rate on the very dossier the service is asked to score.
    func auditRate(copies count: Int) -> Result<Double, BenchFailure> {
        guard let text = try? String(contentsOfFile: dossier, encoding: .utf8),
              let idLine = text.split(separator: "\n", omittingEmptySubsequences: false).first(where: { $0.hasPrefix("id:") }) else {
            return .failure(BenchFailure("cannot read an `id:` line in \(dossier)"))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-bench-copies-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for index in 0..<count {
            let copy = text.replacingOccurrences(of: String(idLine), with: "\(idLine)-\(index)")
            try? copy.write(to: folder.appendingPathComponent("copy-\(index).yaml"), atomically: false, encoding: .utf8)
        }
        var best = Double.infinity
        for _ in 0..<3 {
            let audit = Process()
            audit.executableURL = URL(fileURLWithPath: arbiter)
            audit.arguments = ["audit", folder.path, "--rules", rules, "--format", "json", "--jobs", "2", "--as-of", "2026-11-29"]
            audit.standardOutput = FileHandle.nullDevice
            audit.standardError = FileHandle.nullDevice
            let start = ContinuousClock.now
            do { try audit.run() } catch { return .failure(BenchFailure("cannot run \(arbiter) audit: \(error)")) }
            audit.waitUntilExit()
            guard audit.terminationStatus == 0 else { return .failure(BenchFailure("the audit of the copies failed")) }
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return .success(Double(count) / best)
    }

    /// Requests per second, the 50th and 99th percentile, requests and errors from wrk's
    /// `--latency` report.
    static func parse(_ text: String) -> Run? {
        var run = Run(requestsPerSecond: 0, p50Milliseconds: 0, p99Milliseconds: 0, requests: 0, errors: 0, peakKiB: 0, residentKiB: 0)
        var found = 0
        for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if line.hasPrefix("Requests/sec:"), let value = Double(words.last ?? "") { run.requestsPerSecond = value; found += 1 }
            if words.first == "50%", let value = milliseconds(words.last ?? "") { run.p50Milliseconds = value; found += 1 }
            if words.first == "99%", let value = milliseconds(words.last ?? "") { run.p99Milliseconds = value; found += 1 }
            if line.contains("requests in"), let value = Int(words.first ?? "") { run.requests = value }
            if line.hasPrefix("Non-2xx or 3xx responses:"), let value = Int(words.last ?? "") { run.errors += value }
            if line.hasPrefix("Socket errors:") {
                for part in line.dropFirst("Socket errors:".count).split(separator: ",") {
                    run.errors += Int(part.split(separator: " ").last ?? "") ?? 0
                }
            }
        }
        return found == 3 ? run : nil
    }

    /// `850.00us`, `1.23ms` or `2.00s` in milliseconds.
    static func milliseconds(_ text: String) -> Double? {
        for (suffix, scale) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).map { $0 * scale }
        }
        return nil
    }

    static func field(_ name: String, in status: String) -> Int {
        status.split(separator: "\n").first { $0.hasPrefix(name) }
            .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    }
}

/// Why a bench stage could not run.
struct BenchFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
