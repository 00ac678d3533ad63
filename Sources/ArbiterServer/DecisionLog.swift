import ArbiterCore
import ArbiterReport
import Foundation
import Synchronization

/// Appends one JSON line per decision (time, request id, dossier id and SHA-256, pack
/// versions, score, band, gate result) for an audit trail, as OPA's decision logs do.
/// Each line goes out in one `write` to a file opened for appending, so lines from
/// concurrent requests never interleave. A line that cannot be written is never silent:
/// it is counted, logged, and fails `/readyz` until a line is written again. `reopen`
/// (on SIGHUP) opens the path anew, so a log rotated away is followed by a new file.
final class DecisionLog: Sendable {
    private let path: String
    private let descriptor: Mutex<Int32>
    /// Why the last write failed; nil while the log is healthy.
    private let failure = Mutex<String?>(nil)

    init(path: String) throws(APIError) {
        self.path = path
        descriptor = Mutex(try Self.open(path))
    }

    deinit {
        descriptor.withLock { _ = close($0) }
    }

    private static func open(_ path: String) throws(APIError) -> Int32 {
        let opened = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard opened >= 0 else {
            throw APIError(.internalServerError, "cannot open the decision log '\(path)': \(String(cString: strerror(errno)))")
        }
        return opened
    }

    /// Why decisions are not being logged, or nil when they are.
    var problem: String? { failure.withLock { $0 } }

    /// Opens the path again and writes to the new file from now on; on failure the old
    /// descriptor is kept and the reason returned.
    func reopen() -> String? {
        do {
            let opened = try Self.open(path)
            descriptor.withLock { current in
                close(current)
                current = opened
            }
            failure.withLock { $0 = nil }
            return nil
        } catch {
            return error.message
        }
    }

    /// Writes the decision's line; the reason when it could not be written whole.
    @discardableResult
    func record(_ decision: Decision, packs: [CompiledPack], route: String, requestID: String) -> String? {
        let line = ServiceDocument.decisionLine(
            time: Clock.timestamp(), requestID: requestID, route: route, dossierID: decision.id, dossierSHA256: decision.dossierSHA256,
            packs: PackSummary.versions(packs), score: decision.score, worst: decision.worst, band: decision.band,
            worstBand: decision.worstBand, verdict: decision.verdict, gate: decision.gate)
        let written = descriptor.withLock { descriptor in
            line.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) }
        }
        let reason: String? = written == line.count ? nil
            : written < 0 ? String(cString: strerror(errno)) : "only \(written) of \(line.count) bytes were written"
        failure.withLock { $0 = reason }
        return reason
    }
}
