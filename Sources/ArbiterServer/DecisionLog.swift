import ArbiterCore
import Foundation
import Synchronization

/// Appends one JSON line per decision (time, request id, dossier id and SHA-256, pack
/// versions, score, band, gate result) for an audit trail, as OPA's decision logs do.
/// Each line goes out in one `write` to a file opened for appending, so lines from
/// concurrent requests never interleave.
final class DecisionLog: Sendable {
    private let descriptor: Mutex<Int32>

    init(path: String) throws(APIError) {
        let opened = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard opened >= 0 else {
            throw APIError(.internalServerError, "cannot open the decision log '\(path)': \(String(cString: strerror(errno)))")
        }
        descriptor = Mutex(opened)
    }

    deinit {
        descriptor.withLock { _ = close($0) }
    }

    func record(_ project: ProjectResult, bytes: [UInt8], packs: [CompiledPack], route: String, requestID: String) {
        let entry: JSONDocument = .object([
            ("time", .string(Clock.timestamp())),
            ("request_id", .string(requestID)),
            ("route", .string(route)),
            ("dossier_id", .string(project.id)),
            ("dossier_sha256", .string(SHA256.hex(bytes))),
            ("packs", .strings(PackSummary.versions(packs))),
            ("score", .number(project.score)),
            ("score_range", .array([.number(project.score), .number(project.worst)])),
            ("band", .string(project.band.rawValue)),
            ("worst_band", .string(project.worstBand.rawValue)),
            ("gate", project.gate.map { .object([("passed", .bool($0.passed)), ("reasons", .strings($0.reasons))]) } ?? .null),
        ])
        let line = entry.line
        descriptor.withLock { descriptor in
            line.withUnsafeBufferPointer { _ = write(descriptor, $0.baseAddress, $0.count) }
        }
    }
}
