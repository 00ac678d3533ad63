import ArbiterCore
import ArbiterYAML
import Foundation

// `make bench`: measures every stage of Arbiter against libyaml's bare event loop over
// the same bytes, in one run, and prints files per second and each stage's ratio to it.
// Usage: arbiter-bench [--files N] [--scale M] [--arbiter PATH] [--rules DIR]

struct Options {
    var files = 10_000
    var scale = 50_000
    var arbiter = ".build/release/arbiter"
    var rules = "Rules"
    var rounds = 3
    /// Profile one in-process stage only (bare, load, decode, evaluate), for perf.
    var only: String?
    /// Seconds of each wrk run against `arbiter serve`; 0 skips the service stage.
    var serviceSeconds = 10
    var serviceDossier = "Fixtures/projects/rs-belgrade-safe-city.yaml"

    static let usage = """
        usage: arbiter-bench [--files N] [--scale M] [--arbiter PATH] [--rules DIR] [--rounds R] [--only STAGE] [--service-seconds S]
          --files N      dossiers in the corpus (default 10000)
          --scale M      a second corpus for the memory comparison (default 50000; 0 skips it)
          --arbiter PATH the binary whose whole runs are timed (default .build/release/arbiter)
          --rules DIR    packs to evaluate (default Rules)
          --rounds R     rounds per measurement, best kept (default 3; in-process stages run at least 5)
          --only STAGE   run one in-process stage (bare, load, decode, evaluate) for a profiler, and exit
          --service-seconds S  length of each of the two wrk runs against `arbiter serve` (default 10; 0 skips them)
          --service-dossier F  the dossier wrk posts (default Fixtures/projects/rs-belgrade-safe-city.yaml)
        """

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            let value = iterator.next() ?? ""
            switch flag {
            case "--files": files = Int(value) ?? files
            case "--scale": scale = Int(value) ?? scale
            case "--arbiter": arbiter = value
            case "--rules": rules = value
            case "--rounds": rounds = Int(value) ?? rounds
            case "--only": only = value
            case "--service-seconds": serviceSeconds = Int(value) ?? serviceSeconds
            case "--service-dossier": serviceDossier = value
            case "--help", "-h":
                print(Self.usage)
                exit(0)
            default:
                FileHandle.standardError.write(Data("arbiter-bench: unknown option '\(flag)'\n\(Self.usage)\n".utf8))
                exit(2)
            }
        }
    }
}

let options = Options(CommandLine.arguments)
let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Best of several rounds, so a noisy neighbour does not decide the result.
func best(_ rounds: Int, _ body: () -> Void) -> Double {
    (0..<rounds).map { _ in seconds(clock.measure(body)) }.min()!
}

func writeCorpus(count: Int) -> String {
    let folder = ".build/bench-corpus-\(count)"
    let marker = folder + "/.complete"
    if FileManager.default.fileExists(atPath: marker) { return folder }
    try? FileManager.default.removeItem(atPath: folder)
    var generator = CorpusGenerator(seed: 2026)
    for index in 0..<count {
        let shard = "\(folder)/\(index / 1000)"
        if index % 1000 == 0 { try! FileManager.default.createDirectory(atPath: shard, withIntermediateDirectories: true) }
        try! generator.dossier(index: index).write(toFile: "\(shard)/dossier-\(index).yaml", atomically: false, encoding: .utf8)
    }
    _ = FileManager.default.createFile(atPath: marker, contents: nil)
    return folder
}

/// Runs a command with output discarded; returns wall seconds and peak resident memory (KiB).
///
/// The peak is read from the child's own `VmHWM` while it runs: on Linux a spawned
/// child's `ru_maxrss` starts from the parent's resident size, and the parent here holds
/// the whole corpus in memory, which would hide the child's real peak.
func spawn(_ arguments: [String], measureMemory: Bool = true) -> (seconds: Double, peakKiB: Int, status: Int32) {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = clock.now
    guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { fatalError("cannot run \(arguments[0])") }
    var status: Int32 = 0
    var peak = 0
    if !measureMemory {
        // Start-up timing: a blocking wait, so polling cannot round the time up.
        waitpid(pid, &status, 0)
        return (seconds(clock.now - start), 0, (status >> 8) & 0xFF)
    }
    while waitpid(pid, &status, WNOHANG) == 0 {
        if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kib = Int(line.split(separator: " ").dropFirst().first ?? "") {
            peak = max(peak, kib)
        }
        usleep(2_000)
    }
    return (seconds(clock.now - start), peak, (status >> 8) & 0xFF)
}

func rate(_ count: Int, _ time: Double) -> String { String(format: "%9.0f files/s", Double(count) / time) }

// ---- corpus ----
print("generating \(options.files) dossiers…")
let folder = writeCorpus(count: options.files)
var paths: [String] = []
for shard in (try! FileManager.default.contentsOfDirectory(atPath: folder)).sorted() where !shard.hasPrefix(".") {
    for name in (try! FileManager.default.contentsOfDirectory(atPath: "\(folder)/\(shard)")).sorted() { paths.append("\(folder)/\(shard)/\(name)") }
}
let corpus = paths.map { Array(FileManager.default.contents(atPath: $0)!) }
let totalBytes = corpus.reduce(0) { $0 + $1.count }
print("corpus: \(corpus.count) files, \(totalBytes / corpus.count) bytes on average, in \(folder)\n")

let packFiles = (try! FileManager.default.contentsOfDirectory(atPath: options.rules)).filter { $0.hasSuffix(".yaml") }.sorted()
    .map { ("\(options.rules)/\($0)", Array(FileManager.default.contents(atPath: "\(options.rules)/\($0)")!)) }
let ruleSet = try! RuleSetLoader().load(packFiles).get()
let loader = YAMLLoader()
let dossierLoader = DossierLoader(schema: ruleSet.schema)
let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate("2026-11-29")!)

// ---- in-process stages, one thread ----
var sink = 0
if let stage = options.only {
    for _ in 0..<options.rounds {
        for (index, bytes) in corpus.enumerated() {
            switch stage {
            case "bare": sink &+= RawEventScanner.eventCount(of: bytes) ?? 0
            case "load": if case .success = loader.load(file: paths[index], bytes: bytes) { sink &+= 1 }
            case "decode": if case .success = dossierLoader.load(path: paths[index], bytes: bytes) { sink &+= 1 }
            default:
                if case .success(let dossier) = dossierLoader.load(path: paths[index], bytes: bytes) { sink &+= evaluator.evaluate(dossier).packs.count }
            }
        }
    }
    print("ran \(stage) \(options.rounds) times (\(sink))")
    exit(0)
}
/// Reads every corpus file the way `arbiter audit` does — `openat` inside its already open
/// folder, `fstat` for the size, one `read`, `close` — and hands the bytes to `body`.
/// With the bare event loop as `body` this is an audit's floor: the work no dossier tool
/// built on libyaml can skip, measured without anything of Arbiter's.
func readFromDisk(_ paths: [String], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    var folders: [Substring: Int32] = [:]
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    for path in paths {
        let slash = path.lastIndex(of: "/")!
        let folderPath = path[..<slash]
        let folderDescriptor = folders[folderPath] ?? {
            let opened = open(String(folderPath), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            folders[folderPath] = opened
            return opened
        }()
        let descriptor = openat(folderDescriptor, String(path[path.index(after: slash)...]), O_RDONLY | O_CLOEXEC)
        precondition(descriptor >= 0, "cannot open \(path)")
        var status = stat()
        precondition(fstat(descriptor, &status) == 0)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, min(Int(status.st_size), $0.count)) }
        close(descriptor)
        precondition(count == Int(status.st_size), "short read of \(path)")
        buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }
    for descriptor in folders.values { close(descriptor) }
}

// In-process stages take a fraction of a second each, so they get at least five rounds:
// the best of more rounds is steadier against a noisy neighbour.
let stageRounds = max(options.rounds, 5)
let bare = best(stageRounds) { for bytes in corpus { sink &+= RawEventScanner.eventCount(of: bytes) ?? 0 } }
let readOnly = best(stageRounds) { readFromDisk(paths) { sink &+= $0.count } }
let readAndParse = best(stageRounds) { readFromDisk(paths) { sink &+= RawEventScanner.eventCount(of: $0) ?? 0 } }
let loaded = best(stageRounds) { for (index, bytes) in corpus.enumerated() { if case .success = loader.load(file: paths[index], bytes: bytes) { sink &+= 1 } } }
let decoded = best(stageRounds) {
    for (index, bytes) in corpus.enumerated() { if case .success = dossierLoader.load(path: paths[index], bytes: bytes) { sink &+= 1 } }
}
var failures = 0
let evaluated = best(stageRounds) {
    for (index, bytes) in corpus.enumerated() {
        switch dossierLoader.load(path: paths[index], bytes: bytes) {
        case .success(let dossier): sink &+= evaluator.evaluate(dossier).packs.count
        case .failure: failures += 1
        }
    }
}
precondition(failures == 0, "the generated corpus must be valid")

print("stage (1 thread, in memory)             throughput        ratio to libyaml")
func row(_ name: String, _ time: Double) {
    print(name.padding(toLength: 39, withPad: " ", startingAt: 0) + rate(corpus.count, time) + String(format: "        %.2f", bare / time))
}
row("libyaml bare event loop (the limit)", bare)
row("load to documents", loaded)
row("load + decode dossiers", decoded)
row("decode + evaluate both packs", evaluated)
print("\nthe floor of an audit (1 thread, files read from disk, nothing of Arbiter's)")
row("read files (openat, fstat, read, close)", readOnly)
row("read files + bare event loop", readAndParse)

// ---- whole CLI runs ----
print("\nwhole `arbiter audit` runs (files read from disk, output to /dev/null)")
var audits: [String: Double] = [:]
for format in ["csv", "json"] {
    for jobs in [1, 2] {
        let runs = (0..<options.rounds).map { _ in
            spawn([options.arbiter, "audit", folder, "--rules", options.rules, "--format", format, "--jobs", "\(jobs)", "--as-of", "2026-11-29"])
        }
        precondition(runs.allSatisfy { $0.status == 0 }, "audit failed")
        let time = runs.map(\.seconds).min()!
        audits["\(format)-\(jobs)"] = time
        let peak = runs.map(\.peakKiB).max()!
        print("audit --format \(format) --jobs \(jobs)".padding(toLength: 39, withPad: " ", startingAt: 0) + rate(corpus.count, time)
              + String(format: "        %.2f   ", bare / time)
              // The floor is one thread's, so only one-thread runs are measured against it.
              + (jobs == 1 ? String(format: "%.2f of the floor", readAndParse / time) : "".padding(toLength: 17, withPad: " ", startingAt: 0))
              + String(format: "   peak %.1f MB", Double(peak) / 1024))
    }
}
print(String(format: "\ntwo threads vs one: csv %.2fx, json %.2fx", audits["csv-1"]! / audits["csv-2"]!, audits["json-1"]! / audits["json-2"]!))

// ---- memory against corpus size ----
if options.scale > options.files {
    print("\ngenerating \(options.scale) dossiers for the memory comparison…")
    let big = writeCorpus(count: options.scale)
    let small = spawn([options.arbiter, "audit", folder, "--rules", options.rules, "--format", "json", "--jobs", "2", "--as-of", "2026-11-29"])
    let large = spawn([options.arbiter, "audit", big, "--rules", options.rules, "--format", "json", "--jobs", "2", "--as-of", "2026-11-29"])
    print(String(format: "peak memory: %d files %.1f MB, %d files %.1f MB (+%.1f %%)", options.files, Double(small.peakKiB) / 1024,
                 options.scale, Double(large.peakKiB) / 1024, 100 * (Double(large.peakKiB) / Double(small.peakKiB) - 1)))
}

// ---- the service ----
if options.serviceSeconds > 0 {
    print("\n`arbiter serve` under wrk: POST /v1/score with \(options.serviceDossier), 16 connections, 2 threads, \(options.serviceSeconds) s, twice")
    let bench = ServiceBench(arbiter: options.arbiter, rules: options.rules, dossier: options.serviceDossier, seconds: options.serviceSeconds)
    switch bench.measure() {
    case .failure(let failure):
        print("skipped: \(failure.message)")
    case .success(let runs):
        for (index, run) in runs.enumerated() {
            print(String(format: "run %d: %8.0f requests/s   p50 %.2f ms   p99 %.2f ms   %d requests, %d errors   server peak %.1f MB, resident %.1f MB",
                         index + 1, run.requestsPerSecond, run.p50Milliseconds, run.p99Milliseconds, run.requests, run.errors,
                         Double(run.peakKiB) / 1024, Double(run.residentKiB) / 1024))
        }
        let serviceRate = runs.map(\.requestsPerSecond).max()!
        switch bench.auditRate(copies: 2_000) {
        case .success(let sameDossier):
            print(String(format: "dossiers/s against `audit --format json --jobs 2` of 2,000 copies of the same dossier (%.0f/s): %.2f",
                         sameDossier, serviceRate / sameDossier))
        case .failure(let failure):
            print("no audit of copies: \(failure.message)")
        }
        let corpusRate = Double(corpus.count) / audits["json-2"]!
        print(String(format: "dossiers/s against `audit --format json --jobs 2` of the bench corpus (%.0f files/s): %.2f",
                     corpusRate, serviceRate / corpusRate))
        if runs.count == 2, runs[0].peakKiB > 0 {
            print(String(format: "server memory, second run against the first: peak %+.1f %%, resident %+.1f %%",
                         100 * (Double(runs[1].peakKiB) / Double(runs[0].peakKiB) - 1),
                         100 * (Double(runs[1].residentKiB) / Double(runs[0].residentKiB) - 1)))
        }
    }
}

// ---- start-up ----
let one = paths[0]
let version = (0..<20).map { _ in spawn([options.arbiter, "--version"], measureMemory: false).seconds }.sorted()[10]
let score = (0..<20).map { _ in spawn([options.arbiter, "score", one, "--rules", options.rules, "--as-of", "2026-11-29"], measureMemory: false).seconds }.sorted()[10]
print(String(format: "\nstart-up (median of 20): --version %.1f ms, score of one dossier %.1f ms (%.2fx)", version * 1000, score * 1000, score / version))
if sink == 42 { print("") }  // keeps the measured work from being optimised away
