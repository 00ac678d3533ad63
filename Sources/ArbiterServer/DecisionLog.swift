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

    struct Entry: Encodable {
        var time: String
        var requestID: String
        var route: String
        var dossierID: String
        var dossierSHA256: String
        var packs: [String]
        var score: Double
        var scoreRange: [Double]
        var band: String
        var worstBand: String
        var gate: Gate?

        struct Gate: Encodable {
            var passed: Bool
            var reasons: [String]
        }

        enum CodingKeys: String, CodingKey {
            case time, route, packs, score, band, gate
            case requestID = "request_id", dossierID = "dossier_id", dossierSHA256 = "dossier_sha256"
            case scoreRange = "score_range", worstBand = "worst_band"
        }
    }

    func record(_ project: ProjectResult, bytes: [UInt8], packs: [CompiledPack], route: String, requestID: String) {
        let entry = Entry(time: Clock.timestamp(), requestID: requestID, route: route, dossierID: project.id,
                          dossierSHA256: SHA256.hex(bytes), packs: packs.map { "\($0.id)@\($0.version)" },
                          score: project.score, scoreRange: [project.score, project.worst], band: project.band.rawValue,
                          worstBand: project.worstBand.rawValue,
                          gate: project.gate.map { Entry.Gate(passed: $0.passed, reasons: $0.reasons) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(entry) else { return }
        line.append(UInt8(ascii: "\n"))
        descriptor.withLock { descriptor in
            line.withUnsafeBytes { _ = write(descriptor, $0.baseAddress, $0.count) }
        }
    }
}
