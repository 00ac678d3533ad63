import ArbiterCore
import Foundation

/// Reads input files with the size limit checked before reading, so an oversized or
/// endless input (a FIFO, /dev/zero) costs nothing.
public enum FileInput {
    public enum Failure: Error, Sendable {
        case unreadable(String)
        case tooLarge(Int)
        case isDirectory
    }

    /// Reads `path` (`-` is standard input).
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        read(RawPath(path), limit: limit)
    }

    /// Reads `path`, or gives the located diagnostic of why it could not be, naming the
    /// file as `shownAs` (the path itself by default).
    public static func load(_ path: String, limit: Int, shownAs display: String? = nil) -> Result<[UInt8], Diagnostics> {
        read(path, limit: limit).mapError { Diagnostics([diagnostic($0, path: display ?? path, limit: limit)]) }
    }

    /// Reads `path` by its bytes; a batch worker passes its `FolderHandle` so files are
    /// opened by name within their folder.
    public static func read(_ path: RawPath, limit: Int, folder: FolderHandle? = nil) -> Result<[UInt8], Failure> {
        if path.isStandardInput { return readStandardInput(limit: limit) }
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        let descriptor = folder?.open(path, flags: flags) ?? path.withCString { open($0, flags) }
        guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.isDirectory) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable("not a regular file")) }
        if Int(info.st_size) > limit { return .failure(.tooLarge(Int(info.st_size))) }
        return readAll(descriptor, limit: limit, expected: Int(info.st_size))
    }

    public static func readStandardInput(limit: Int) -> Result<[UInt8], Failure> {
        readAll(STDIN_FILENO, limit: limit)
    }

    /// Reads to the end straight into the result's own storage: no zero-filled chunk and
    /// no copy (a 64 KiB chunk cleared per file had cost more than parsing it). Room for
    /// `expected` bytes plus one, so a regular file is read in one call; a pipe, or a
    /// file whose size was not known, doubles the room as it goes.
    ///
    /// Once `expected` (the size `fstat` gave) bytes are in, reading stops without asking
    /// for the end: the file as it was at `fstat` is what gets scored, and the extra
    /// `read` that only returned 0 was one of five system calls per file in an audit.
    private static func readAll(_ descriptor: Int32, limit: Int, expected: Int = 0) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        var capacity = max(expected + 1, 4096)
        while true {
            if bytes.count == capacity { capacity *= 2 }
            var failure: Failure?
            var atEnd = false
            let start = bytes.count
            bytes = Array(unsafeUninitializedCapacity: capacity) { buffer, initialized in
                // Move what was read so far into the larger buffer, then read after it.
                if start > 0 { _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<start]).initialize(from: bytes) }
                initialized = start
                while initialized < capacity {
                    let count = Foundation.read(descriptor, buffer.baseAddress! + initialized, capacity - initialized)
                    if count < 0 {
                        if errno == EINTR { continue }
                        if errno == EAGAIN {
                            // A non-blocking FIFO with no writer yet: wait briefly rather than spin.
                            usleep(1_000)
                            continue
                        }
                        failure = .unreadable(String(cString: strerror(errno)))
                        return
                    }
                    if count == 0 {
                        atEnd = true
                        return
                    }
                    initialized += count
                    if initialized == expected {
                        atEnd = true
                        return
                    }
                    if initialized > limit { return }
                }
            }
            if let failure { return .failure(failure) }
            if bytes.count > limit { return .failure(.tooLarge(bytes.count)) }
            if atEnd { return .success(bytes) }
        }
    }

    /// The failure as a located diagnostic with a hint.
    public static func diagnostic(_ failure: Failure, path: String, limit: Int) -> Diagnostic {
        switch failure {
        case .unreadable(let reason):
            .fileError("io.unreadable", "cannot read '\(path)': \(reason)", file: path,
                       notes: [.hint("check that the path exists and is readable")])
        case .tooLarge(let size):
            .fileError("yaml.file-too-large", "file is \(size) bytes or more, over the limit of \(limit) bytes", file: path,
                       notes: [.hint("split the file; a dossier needs only a few kilobytes")])
        case .isDirectory:
            .fileError("io.is-directory", "'\(path)' is a folder, not a file", file: path, notes: [.hint("use `arbiter audit` for folders")])
        }
    }
}
