import ArbiterReport
import Foundation

/// Where one report goes: standard output, or a file written atomically — bytes go to
/// a temporary file beside the target, which is renamed over it only after the last
/// byte is written, so a crash or kill never leaves a half-written report.
final class OutputSink {
    private let target: String?
    private let temporary: String?
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var failed: String?

    /// Temporary files still open, removed if the process is interrupted.
    nonisolated(unsafe) static var pendingTemporaries: Set<String> = []
    private static let lock = NSLock()

    init(path: String?) throws {
        guard let path, path != "-" else {
            target = nil
            temporary = nil
            descriptor = STDOUT_FILENO
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let name = ".\(url.lastPathComponent).arbiter-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let temporary = (folder.isEmpty ? "." : folder) + "/" + name
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CLIError.cannotWrite(path, String(cString: strerror(errno)))
        }
        self.target = path
        self.temporary = temporary
        self.descriptor = descriptor
        Self.lock.withLock { _ = Self.pendingTemporaries.insert(temporary) }
    }

    /// Small pieces are gathered into one write; a large one (a JSON project is tens of
    /// kilobytes) goes out straight from the string's own bytes, since copying it into
    /// the buffer first cost as much as building it.
    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: $0) }
    }

    /// A project's chunk, written from its own bytes like text.
    func write(_ chunk: ReportChunk) {
        chunk.withBytes { write(bytes: $0) }
    }

    private func write(bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count >= Self.directWriteSize {
            flush()
            writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { flush() }
    }

    private static let bufferSize = 1 << 16
    private static let directWriteSize = 1 << 14

    private func flush() {
        buffer.withUnsafeBufferPointer { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count, failed == nil {
            let written = Foundation.write(descriptor, start + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failed = String(cString: strerror(errno))
            } else {
                offset += written
            }
        }
    }

    /// Flushes, then renames the temporary file into place.
    func finish() throws {
        flush()
        guard let target, let temporary else {
            if let failed { throw CLIError.cannotWrite("standard output", failed) }
            return
        }
        defer { Self.lock.withLock { _ = Self.pendingTemporaries.remove(temporary) } }
        if failed == nil, fsync(descriptor) != 0 { failed = String(cString: strerror(errno)) }
        close(descriptor)
        if let failed {
            unlink(temporary)
            throw CLIError.cannotWrite(target, failed)
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError.cannotWrite(target, reason)
        }
    }

    /// Removes the temporary file without touching the target.
    func abandon() {
        guard let temporary else { return }
        close(descriptor)
        unlink(temporary)
        Self.lock.withLock { _ = Self.pendingTemporaries.remove(temporary) }
    }

    /// On SIGINT or SIGTERM, removes temporary files before exiting, so an interrupted
    /// run leaves neither a partial report nor litter.
    static func installInterruptCleanup() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                for path in OutputSink.pendingTemporaries { unlink(path) }
                _exit(128 + received)
            }
        }
    }
}
