import ArbiterEngine
import Foundation

/// What an output path names, decided before a byte is written: whether the report may
/// be written atomically (a temporary file renamed over a regular file or a new path) or
/// must be written in place (a device, a FIFO, `/dev/stdout`), and the file's identity,
/// so that an output is never also an input and two reports never share one file.
struct OutputTarget {
    enum Kind: Equatable {
        /// Standard output (`-` or no `--output`).
        case standardOutput
        /// A path that does not exist yet: created through a temporary file.
        case new
        /// A regular file: replaced through a temporary file that takes its mode and
        /// owner. `links` above one means hard links, which a rename would split, so the
        /// finished temporary is copied into the file instead.
        case regular(mode: mode_t, owner: uid_t, group: gid_t, links: Int)
        /// Anything else: a character device, a FIFO, a socket, `/proc/self/fd/N`;
        /// opened and written where it is.
        case inPlace
    }

    /// The path as given.
    var path: String
    /// The path written: a symbolic link's final target, so the link itself stays.
    var resolved: String
    var kind: Kind
    /// Device and inode of an existing file, or the absolute path of a new one.
    var identity: Identity

    enum Identity: Hashable {
        case file(device: UInt64, inode: UInt64)
        case newPath(String)
    }

    /// How many links are followed before a chain is called a loop (as the kernel's
    /// MAXSYMLINKS).
    static let linkLimit = 40

    static func resolve(_ path: String?) throws(CLIError) -> OutputTarget {
        guard let path, path != "-" else {
            var info = stat()
            fstat(STDOUT_FILENO, &info)
            return OutputTarget(path: "-", resolved: "-", kind: .standardOutput,
                                identity: .file(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        }
        guard !path.isEmpty else { throw CLIError.cannotWrite(path, "the path is empty") }
        var current = path
        for _ in 0...linkLimit {
            // The process's own descriptors (/dev/stdout is a link to /proc/self/fd/1) are
            // opened, never resolved: their "targets" are pipes and terminals, not paths.
            if current.hasPrefix("/proc/") || current.hasPrefix("/dev/fd/") {
                return try inPlace(path, opening: current)
            }
            var info = stat()
            guard lstat(current, &info) == 0 else {
                guard errno == ENOENT else { throw CLIError.cannotWrite(path, String(cString: strerror(errno))) }
                return OutputTarget(path: path, resolved: current, kind: .new, identity: .newPath(absolute(current)))
            }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                current = try linkTarget(of: current, reportedAs: path)
            case S_IFDIR:
                throw CLIError.cannotWrite(path, "it is a folder")
            case S_IFREG:
                return OutputTarget(path: path, resolved: current,
                                    kind: .regular(mode: info.st_mode & 0o7777, owner: info.st_uid, group: info.st_gid, links: Int(info.st_nlink)),
                                    identity: .file(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
            default:
                return OutputTarget(path: path, resolved: current, kind: .inPlace,
                                    identity: .file(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
            }
        }
        throw CLIError.cannotWrite(path, "its symbolic links form a loop")
    }

    /// The identity of an input file, to compare with the outputs'; nil when it cannot
    /// be read (the reader reports that itself).
    static func identity(ofInput path: RawPath) -> Identity? {
        var info = stat()
        guard path.withCString({ stat($0, &info) }) == 0 else { return nil }
        return .file(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    private static func inPlace(_ path: String, opening current: String) throws(CLIError) -> OutputTarget {
        var info = stat()
        guard stat(current, &info) == 0 else { throw CLIError.cannotWrite(path, String(cString: strerror(errno))) }
        return OutputTarget(path: path, resolved: current, kind: .inPlace,
                            identity: .file(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
    }

    private static func linkTarget(of link: String, reportedAs path: String) throws(CLIError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count >= 0 else { throw CLIError.cannotWrite(path, String(cString: strerror(errno))) }
        let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") { return target }
        let folder = (link as NSString).deletingLastPathComponent
        return folder.isEmpty ? target : folder + "/" + target
    }

    /// A new path made absolute through its folder's real path, so `a/../b.json` and
    /// `b.json` are one path.
    private static func absolute(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        guard let real = realpath(folder.isEmpty ? "." : folder, nil) else { return path }
        defer { free(real) }
        return String(cString: real) + "/" + name
    }
}
