import Foundation

// `arbiter-fuzz http|tree [--seconds N] [--seed S]`: generative fuzzers for what the
// libFuzzer targets cannot reach — the HTTP layer of `arbiter serve` (request lines,
// headers, bodies, routes, the token) and the folder walk with the output writer (trees
// of links, loops, odd names and special files). Each input comes from a seeded
// generator, so a failure is reproduced by its seed; the first one found is printed and
// the exit code is 1.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, default value: UInt64) -> UInt64 {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let parsed = UInt64(arguments[index + 1]) else { return value }
    return parsed
}
let seconds = Double(option("--seconds", default: 60))
let seed = option("--seed", default: UInt64(Date().timeIntervalSince1970))
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

switch arguments.first {
case "http":
    let failure = await HTTPFuzzer(root: root, seed: seed).run(seconds: seconds)
    exit(failure == nil ? 0 : 1)
case "tree":
    let binary = ProcessInfo.processInfo.environment["ARBITER_BIN"] ?? root + "/.build/debug/arbiter"
    let failure = TreeFuzzer(root: root, binary: binary, seed: seed).run(seconds: seconds)
    exit(failure == nil ? 0 : 1)
default:
    FileHandle.standardError.write(Data("usage: arbiter-fuzz http|tree [--seconds N] [--seed S]\n".utf8))
    exit(64)
}
