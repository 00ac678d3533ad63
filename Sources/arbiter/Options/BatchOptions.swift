import ArgumentParser
import Foundation

/// How a folder run is spread over threads and CI jobs.
struct BatchOptions: ParsableArguments {
    // Optional, so that help states the default once, in words, rather than this machine's count.
    @Option(name: [.customShort("j"), .customLong("jobs")], help: "Worker threads (default: the number of cores).")
    var requestedJobs: Int?

    var jobs: Int { requestedJobs ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(name: .long, help: ArgumentHelp("Take a stable share I of N of the files, for CI matrices (e.g. 2/4).", valueName: "i/n"))
    var shard: String?

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256") }
        _ = try parsedShard()
    }

    func parsedShard() throws -> (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            throw ValidationError("--shard needs I/N with 1 ≤ I ≤ N, for example 1/4; got '\(shard)'")
        }
        return (index, count)
    }
}
