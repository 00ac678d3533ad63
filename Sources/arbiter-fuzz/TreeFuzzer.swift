import ArbiterCore
import Foundation

/// Generated folder trees — dossiers valid and broken, duplicate ids, links inside and
/// out, dangling links and loops, names that are not UTF-8, paths longer than PATH_MAX,
/// FIFOs named like dossiers, outputs that point back into the tree — walked by
/// `arbiter audit`, `gate` and `lint` as separate processes. What must hold:
/// - every run ends by itself (no hang on a FIFO or a loop) with exit 0, 1 or 2, never a
///   signal;
/// - a tree with an entry that cannot be scored (a broken dossier, an unreadable entry)
///   makes `gate` and `lint` exit 2: nothing is skipped silently;
/// - a report written is complete (the JSON parses) or absent, and no temporary file is
///   left behind;
/// - every valid dossier's id is in the audit's projects or named by one of its errors.
struct TreeFuzzer {
    let root: String
    let binary: String
    let seed: UInt64

    func run(seconds: Double) -> String? {
        var generator = SplitMix(seed: seed)
        let deadline = Date().addingTimeInterval(seconds)
        var count = 0
        let valid = (try? String(contentsOfFile: root + "/Fixtures/projects/rs-belgrade-safe-city.yaml", encoding: .utf8)) ?? "id: x\nname: X\n"
        while Date() < deadline {
            let folder = NSTemporaryDirectory() + "arbiter-fuzz-tree-\(getpid())-\(count)"
            var tree = TreeBuilder(folder: folder, validDossier: valid)
            tree.build(using: &generator)
            let failure = check(tree)
            count += 1
            if let failure {
                print("tree \(count - 1) of seed \(seed): \(failure)\n  kept at \(folder)\n" + tree.log.joined(separator: "\n"))
                print("tree: \(count) trees, seed \(seed), FAILED")
                return failure
            }
            tree.remove()
        }
        print("tree: \(count) trees, seed \(seed), nothing found")
        return nil
    }

    private func check(_ tree: TreeBuilder) -> String? {
        let report = tree.folder + "/report.json"
        let audit = Run(binary, ["audit", tree.folder, "--rules", root + "/Rules", "--format", "json", "--output", report,
                                 "--report", "csv=\(tree.folder)/report.csv", "--as-of", "2026-11-29"], cwd: root)
        let gate = Run(binary, ["gate", tree.folder, "--rules", root + "/Rules", "--as-of", "2026-11-29", "--format", "json"], cwd: root)
        let lint = Run(binary, ["lint", "--rules", root + "/Rules", tree.folder], cwd: root)
        for (name, run) in [("audit", audit), ("gate", gate), ("lint", lint)] {
            if run.timedOut { return "\(name) did not finish within 60 s" }
            if run.signal != 0 { return "\(name) was killed by signal \(run.signal)\n\(run.stderr.suffix(2000))" }
            if ![0, 1, 2].contains(run.status) { return "\(name) exited \(run.status)" }
        }
        if tree.hasProblem {
            if gate.status != 2 { return "gate exited \(gate.status) over a tree with an entry it cannot score" }
            if lint.status != 2 { return "lint exited \(lint.status) over a tree with an entry it cannot score" }
        }
        let leftovers = tree.allNames().filter { $0.contains(".arbiter-") && $0.hasSuffix(".tmp") }
        if !leftovers.isEmpty { return "temporary files left: \(leftovers)" }
        if let data = FileManager.default.contents(atPath: report) {
            guard let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return "report.json is not whole JSON" }
            let ids = Set(((document["projects"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
            let errors = (audit.stderr + (((document["errors"] as? [[String: Any]]) ?? []).map { "\($0)" }.joined()))
            for (id, file) in tree.validDossiers where !ids.contains(id) && !errors.contains((file as NSString).lastPathComponent) {
                return "the valid dossier \(file) (id \(id)) is neither scored nor named by an error"
            }
        }
        return nil
    }
}

/// One run of the binary, with a time limit.
struct Run {
    var status: Int32 = -1
    var signal: Int32 = 0
    var stderr = ""
    var timedOut = false

    init(_ binary: String, _ arguments: [String], cwd: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        let errors = NSTemporaryDirectory() + "arbiter-fuzz-stderr-\(getpid())"
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        defer { unlink(errors) }
        guard let handle = FileHandle(forWritingAtPath: errors) else { return }
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return }
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            timedOut = true
            process.terminate()
            process.waitUntilExit()
        }
        try? handle.close()
        stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        if process.terminationReason == .uncaughtSignal { signal = process.terminationStatus } else { status = process.terminationStatus }
    }
}
