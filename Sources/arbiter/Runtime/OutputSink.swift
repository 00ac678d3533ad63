import ArbiterReport
import Dispatch
import Foundation

/// Where one report goes. A regular file or a new path is written atomically: bytes go
/// to a temporary file beside it, renamed over it only after the last byte is written,
/// so a crash or a kill never leaves a half-written report; the replaced file's mode
/// and owner carry over, and a symbolic link keeps pointing at its (replaced) target.
/// Anything else — a device, a FIFO, `/dev/stdout`, standard output — is written where
/// it is, since a rename would put a regular file in its place.
final class OutputSink {
    let target: OutputTarget
    private let temporary: String?
    private let descriptor: Int32
    /// Held output is written only by `finish`, so `abandon` leaves nothing behind even
    /// where no rename can take it back (standard output, a device).
    private let holdsUntilFinished: Bool
    private var buffer: [UInt8] = []
    private var failed: String?

    /// Temporary files still open, removed if the process is interrupted.
    nonisolated(unsafe) private static var pendingTemporaries: Set<String> = []
    private static let lock = NSLock()

    /// `hold`: keep everything until `finish` where it cannot be taken back (a single
    /// project's report, which is small); a batch streams instead.
    convenience init(path: String?, hold: Bool = false) throws {
        try self.init(target: OutputTarget.resolve(path), hold: hold)
    }

    init(target: OutputTarget, hold: Bool = false) throws {
        self.target = target
        switch target.kind {
        case .standardOutput:
            temporary = nil
            descriptor = STDOUT_FILENO
            holdsUntilFinished = hold
        case .inPlace:
            temporary = nil
            descriptor = try Self.openInPlace(target)
            holdsUntilFinished = hold
        case .new, .regular:
            let url = URL(fileURLWithPath: target.resolved)
            let parent = url.deletingLastPathComponent().path
            let folder = parent.isEmpty ? "." : parent
            let prefix = Self.temporaryPrefix(for: url.lastPathComponent)
            Self.removeStaleTemporaries(in: folder, prefix: prefix)
            let temporary = folder + "/" + prefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw CLIError.cannotWrite(target.path, String(cString: strerror(errno))) }
            if case .regular(let mode, let owner, let group, _) = target.kind {
                fchmod(descriptor, mode)
                // Only root may give a file away; for anyone else the owner is already theirs.
                if owner != geteuid() || group != getegid() { _ = fchown(descriptor, owner, group) }
            }
            self.temporary = temporary
            self.descriptor = descriptor
            holdsUntilFinished = false
            Self.lock.withLock { _ = Self.pendingTemporaries.insert(temporary) }
        }
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
        if holdsUntilFinished {
            buffer.append(contentsOf: bytes)
            return
        }
        if bytes.count >= Self.directWriteSize {
            flush()
            Self.writeAll(bytes, to: descriptor, failed: &failed)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { flush() }
    }

    private static let bufferSize = 1 << 16
    private static let directWriteSize = 1 << 14

    private func flush() {
        buffer.withUnsafeBufferPointer { Self.writeAll($0, to: descriptor, failed: &failed) }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32, failed: inout String?) {
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

    /// Writes what is held, then puts the temporary file in place.
    func finish() throws {
        flush()
        guard let temporary else {
            if target.kind == .inPlace { close(descriptor) }
            if let failed { throw CLIError.cannotWrite(target.kind == .standardOutput ? "standard output" : target.path, failed) }
            return
        }
        defer { Self.lock.withLock { _ = Self.pendingTemporaries.remove(temporary) } }
        if failed == nil, fsync(descriptor) != 0 { failed = String(cString: strerror(errno)) }
        close(descriptor)
        if failed == nil, case .regular(_, _, _, let links) = target.kind, links > 1 {
            // A rename would leave the other names on the old contents: copy the
            // finished report into the one file all the names share.
            failed = Self.copy(temporary, into: target.resolved)
        } else if failed == nil, rename(temporary, target.resolved) != 0 {
            failed = String(cString: strerror(errno))
        }
        unlink(temporary)
        if let failed { throw CLIError.cannotWrite(target.path, failed) }
    }

    /// Drops the report: removes the temporary file, or forgets what is held.
    func abandon() {
        buffer.removeAll()
        guard let temporary else {
            if target.kind == .inPlace { close(descriptor) }
            return
        }
        close(descriptor)
        unlink(temporary)
        Self.lock.withLock { _ = Self.pendingTemporaries.remove(temporary) }
    }

    // MARK: temporary files

    /// `.NAME.arbiter-`: a temporary's name, followed by the writing process's id and a
    /// random number, so the next run over the same path can tell its stale ones.
    static func temporaryPrefix(for name: String) -> String { ".\(name).arbiter-" }

    /// Removes temporaries for the same target left by processes that no longer exist
    /// (a `kill -9`, a power cut); a live process's are left alone.
    private static func removeStaleTemporaries(in folder: String, prefix: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let rest = name.dropFirst(prefix.count).dropLast(4)
            guard let pid = rest.split(separator: "-").first.flatMap({ pid_t($0) }), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    private static func copy(_ source: String, into destination: String) -> String? {
        guard let bytes = FileManager.default.contents(atPath: source) else { return "cannot read the finished report back" }
        let descriptor = open(destination, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        var failed: String?
        bytes.withUnsafeBytes { writeAll($0.bindMemory(to: UInt8.self), to: descriptor, failed: &failed) }
        if failed == nil, fsync(descriptor) != 0 { failed = String(cString: strerror(errno)) }
        return failed
    }

    /// A descriptor for an in-place target: `/dev/stdout`, `/dev/fd/N` and
    /// `/proc/self/fd/N` are the process's own descriptor N, duplicated (opening them
    /// anew would start a redirected file over at its first byte).
    private static func openInPlace(_ target: OutputTarget) throws(CLIError) -> Int32 {
        for prefix in ["/proc/self/fd/", "/dev/fd/"] where target.resolved.hasPrefix(prefix) {
            if let number = Int32(target.resolved.dropFirst(prefix.count)) {
                let duplicate = dup(number)
                guard duplicate >= 0 else { throw CLIError.cannotWrite(target.path, String(cString: strerror(errno))) }
                return duplicate
            }
        }
        let descriptor = open(target.resolved, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CLIError.cannotWrite(target.path, String(cString: strerror(errno))) }
        return descriptor
    }

    // MARK: interruption

    nonisolated(unsafe) private static var interruptSources: [any DispatchSourceSignal] = []

    /// On SIGINT, SIGTERM or SIGHUP, removes the temporary files before exiting, so an
    /// interrupted run leaves neither a partial report nor litter. The signals are taken
    /// on a dispatch queue rather than in a signal handler, so the list is read under
    /// its lock, never while a writer is changing it.
    static func installInterruptCleanup() {
        guard interruptSources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                lock.withLock {
                    for path in pendingTemporaries { unlink(path) }
                    _exit(128 + signalNumber)
                }
            }
            source.resume()
            interruptSources.append(source)
        }
    }
}
