import Foundation

/// Runs the built `arbiter` binary, for comparing the service's answers with the CLI's.
enum CLI {
    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["ARBITER_BIN"] { return URL(fileURLWithPath: path) }
        return LiveServer.root.appendingPathComponent(".build/debug/arbiter")
    }

    static func run(_ arguments: [String], cwd: URL = LiveServer.root) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = cwd
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("arbiter-serve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out"), err = scratch.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Output(stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8),
                      status: process.terminationStatus)
    }
}
