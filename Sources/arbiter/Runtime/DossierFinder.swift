import ArbiterCore
import ArbiterEngine
import Foundation

/// Turns the paths given on the command line into the dossier files of a run, in a
/// stable order: files as given, folders walked for `*.yaml` and `*.yml` (sorted,
/// hidden entries skipped, symbolic links never followed out of the folder, loops
/// cut), filtered by the configuration's include and exclude globs and by `--shard`.
///
/// What the walk cannot enter or will not follow (a dangling link, a loop, a link out of
/// the folder, a path past PATH_MAX) is a problem item at its path, never a silent gap:
/// a gate must not pass over a dossier it did not see. Paths are kept as bytes
/// (`RawPath`), so a name that is not UTF-8 still opens.
///
/// The walk is lazy: `next()` lists one folder at a time and hands out one path at a
/// time, so a run over 50,000 dossiers holds no list of 50,000 paths. Walking the same
/// paths again gives the same sequence, which is how a rare message that needs an
/// earlier file's path (a duplicate project id) finds it without keeping every path.
final class DossierFinder {
    enum Item {
        case file(RawPath)
        case problem(Diagnostic)
    }

    /// A folder being walked: its sorted entries and how far the walk has got.
    private struct Folder {
        var path: RawPath
        var root: RawPath
        var realRoot: RawPath
        /// This folder's real path: a link to it from below is a loop.
        var real: RawPath
        /// Names with the kind the directory listing gave (`DT_*`), so that most entries
        /// need no `lstat`: the walk runs under the batch lock, one entry per claim.
        var entries: [(name: RawPath, kind: UInt8)]
        var position = 0
    }

    private let config: ProjectConfig
    /// Paths of packs, waivers and the configuration, which are never dossiers.
    private let excluded: Set<String>
    private let shard: (index: Int, count: Int)?
    /// Real paths of the folders that hold the loaded packs (and their `tests`), which a
    /// walk does not enter: packs and pack cases are not dossiers.
    private let packFolders: Set<RawPath>
    private var arguments: ArraySlice<String>
    private var folders: [Folder] = []
    /// Real paths of the folders entered so far, so that a folder reached twice (through
    /// a link and by its own name) is walked once.
    private var visited: Set<RawPath> = []

    init(paths: [String], config: ProjectConfig, excluded: Set<String>, packFolders: [String] = [],
         shard: (index: Int, count: Int)? = nil) {
        self.config = config
        self.excluded = excluded
        self.packFolders = Set(packFolders.compactMap { DossierFinder.realPath(RawPath($0)) })
        self.shard = shard
        self.arguments = paths[...]
    }

    /// An item taken by `peek` and not yet handed out.
    private var lookahead: Item?

    /// The next item without consuming it.
    func peek() -> Item? {
        if lookahead == nil { lookahead = next() }
        return lookahead
    }

    /// The next dossier path or problem, or nil when the walk is over.
    func next() -> Item? {
        if let item = lookahead {
            lookahead = nil
            return item
        }
        while true {
            if !folders.isEmpty {
                if let item = nextInFolder() { return item }
                continue
            }
            guard let path = arguments.popFirst() else { return nil }
            if let item = start(path) { return item }
        }
    }

    /// Every remaining item, for commands that want the whole list (`lint`).
    func all() -> (files: [RawPath], problems: [Diagnostic]) {
        var files: [RawPath] = []
        var problems: [Diagnostic] = []
        while let item = next() {
            switch item {
            case .file(let path): files.append(path)
            case .problem(let problem): problems.append(problem)
            }
        }
        return (files, problems)
    }

    /// Counts what is left without reading any dossier, for a progress bar's total.
    func count() -> Int {
        var total = 0
        while let item = next() { if case .file = item { total += 1 } }
        return total
    }

    private func start(_ argument: String) -> Item? {
        let path = RawPath(argument)
        if path.isStandardInput { return selectedByShard(path) ? .file(path) : nil }
        var info = stat()
        guard lstat(argument, &info) == 0 else {
            return .problem(.fileError("io.unreadable", "cannot read '\(argument)': \(String(cString: strerror(errno)))", file: argument,
                                       notes: [.hint("check the path")]))
        }
        var target = info
        if (info.st_mode & S_IFMT) == S_IFLNK { _ = stat(argument, &target) }
        guard (target.st_mode & S_IFMT) == S_IFDIR else {
            return selectedByShard(path) ? .file(path) : nil  // an explicit file is always read, whatever its name
        }
        let root = argument.hasSuffix("/") && argument.count > 1 ? RawPath(String(argument.dropLast())) : path
        return enter(root, root: root, realRoot: Self.realPath(root) ?? root)
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// Lists a folder and pushes it; a problem if it cannot be listed or is a loop.
    private func enter(_ folder: RawPath, root: RawPath, realRoot: RawPath) -> Item? {
        guard let real = Self.realPath(folder) else { return problem(folder, cause: errno, isFolder: true) }
        if let ancestor = folders.first(where: { $0.real == real }) {
            return report(folder, .fileError("io.link-loop", "'\(folder.display)' is a symbolic link back to '\(ancestor.path.display)', a folder that holds it",
                                             file: folder.display, notes: [.hint("not followed: the dossiers in it are scored once, by their own path")]))
        }
        guard visited.insert(real).inserted else { return nil }  // walked already, by another path
        if folder != root && packFolders.contains(real) { return nil }
        guard let directory = folder.withCString(opendir) else {
            return problem(folder, cause: errno, isFolder: true)
        }
        defer { closedir(directory) }
        var entries: [(name: RawPath, kind: UInt8)] = []
        while let entry = readdir(directory) {
            // Read in place up to its NUL. A record is only as long as its name:
            // copying the declared 256-byte `d_name` out of the last record could
            // read past the end of the directory buffer and fault.
            let cName = UnsafeRawPointer(entry).advanced(by: Self.nameOffset).assumingMemoryBound(to: CChar.self)
            if cName.pointee == CChar(UInt8(ascii: ".")) { continue }  // hidden entries, and . and ..
            // A name that is not UTF-8 keeps its bytes, which are what opens it.
            let name = String(validatingCString: cName).map(RawPath.init)
                ?? RawPath(bytes: UnsafeRawBufferPointer(start: cName, count: strlen(cName)))
            entries.append((name, entry.pointee.d_type))
        }
        entries.sort { $0.name.display < $1.name.display }
        folders.append(Folder(path: folder, root: root, realRoot: realRoot, real: real, entries: entries))
        return nil
    }

    private func nextInFolder() -> Item? {
        let top = folders.count - 1
        guard folders[top].position < folders[top].entries.count else {
            folders.removeLast()
            return nil
        }
        let (name, listedKind) = folders[top].entries[folders[top].position]
        folders[top].position += 1
        let (folder, root, realRoot) = (folders[top].path, folders[top].root, folders[top].realRoot)
        let path = folder.appending(name)
        var kind: mode_t
        switch Int32(listedKind) {
        case Int32(DT_REG): kind = S_IFREG
        case Int32(DT_DIR): kind = S_IFDIR
        default:
            // A link, or a file system that does not report kinds: ask.
            var info = stat()
            guard path.withCString({ lstat($0, &info) }) == 0 else { return problem(path, cause: errno, isFolder: false) }
            kind = info.st_mode & S_IFMT
        }
        if kind == S_IFLNK {
            guard let resolved = Self.realPath(path) else { return problem(path, cause: errno, isFolder: false) }
            var target = stat()
            guard path.withCString({ stat($0, &target) }) == 0 else { return problem(path, cause: errno, isFolder: false) }
            kind = target.st_mode & S_IFMT
            // Followed only if it stays inside the folder we were given.
            if !Self.isInside(resolved, realRoot) {
                // A link to something that is neither a folder nor a dossier is passed over
                // like any other such file.
                guard kind == S_IFDIR || (kind == S_IFREG && Self.hasDossierExtension(name)) else { return nil }
                return report(path, .fileError("io.link-outside", "'\(path.display)' is a symbolic link out of '\(root.display)', to '\(resolved.display)'",
                                               file: path.display,
                                               notes: [.hint("not followed, so that no walk can be led out of its folder; name '\(resolved.display)' itself to score it")]))
            }
        }
        if kind == S_IFDIR { return enter(path, root: root, realRoot: realRoot) }
        guard Self.hasDossierExtension(name) else { return nil }
        guard kind == S_IFREG else {
            // A FIFO, socket or device named like a dossier: reading it could block for
            // ever, and skipping it without a word would let a gate pass without it.
            guard config.selects(relative(path, to: root)), !excluded.contains(path.display) else { return nil }
            return report(path, .fileError("io.not-a-file", "'\(path.display)' is named like a dossier but is not a regular file (\(Self.kindName(kind)))",
                                           file: path.display, notes: [.hint("rename it, or replace it with the dossier file")]))
        }
        guard config.selects(relative(path, to: root)), !excluded.contains(path.display), selectedByShard(path) else { return nil }
        return .file(path)
    }

    /// The path as the configuration's globs see it, from the walk's root.
    private func relative(_ path: RawPath, to root: RawPath) -> String {
        // Counted in bytes: by characters, this and the suffix test ran grapheme
        // breaking over every path of a walk.
        root.display == "." ? path.display : String(Substring(path.display.utf8.dropFirst(root.display.utf8.count + 1)))
    }

    /// Why `path` could not be entered or followed, from the `errno` of the failed call.
    /// A problem of a file that the configuration leaves out, or that another shard
    /// takes, is not this run's.
    private func problem(_ path: RawPath, cause: Int32, isFolder: Bool) -> Item? {
        let shown = path.display
        if !isFolder, let root = folders.last?.root, !config.selects(relative(path, to: root)) { return nil }
        var link = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let linkLength = path.withCString { readlink($0, &link, link.count - 1) }
        let target = linkLength > 0 ? RawPath(bytes: link.prefix(linkLength).map { UInt8(bitPattern: $0) }).display : nil
        let diagnostic: Diagnostic
        switch cause {
        case ENAMETOOLONG:
            // The path is the location already; at over 4 KiB it is not repeated.
            let what = isFolder ? "cannot enter this folder" : "cannot read this file"
            diagnostic = .fileError("io.path-too-long", "\(what): its path is \(path.byteCount) bytes, longer than the system allows (\(PATH_MAX))",
                                    file: shown, notes: [.hint(isFolder ? "nothing below it is scored; move its dossiers to a shallower folder"
                                                                        : "move it to a shallower folder")])
        case ELOOP:
            diagnostic = .fileError("io.link-loop", "'\(shown)' is a symbolic link that leads round in a loop", file: shown,
                                    notes: [.hint("remove the link or point it at a file")])
        case ENOENT where target != nil:
            diagnostic = .fileError("io.dangling-link", "'\(shown)' is a symbolic link to '\(target!)', which does not exist", file: shown,
                                    notes: [.hint("remove the link or restore what it points to; nothing is scored through it")])
        default:
            let what = isFolder ? "cannot list folder" : "cannot read"
            diagnostic = .fileError("io.unreadable", "\(what) '\(shown)': \(String(cString: strerror(cause)))", file: shown,
                                    notes: [.hint(isFolder ? "check its permissions" : "check that it exists and is readable")])
        }
        return report(path, diagnostic)
    }

    /// A problem for this run, unless another shard takes `path`.
    private func report(_ path: RawPath, _ diagnostic: Diagnostic) -> Item? {
        selectedByShard(path) ? .problem(diagnostic) : nil
    }

    /// What a file that is not regular is, for a message.
    private static func kindName(_ kind: mode_t) -> String {
        switch kind {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a file"
        }
    }

    /// `.yaml` or `.yml`, compared on bytes.
    private static func hasDossierExtension(_ name: RawPath) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    /// True when `path` is `folder` or below it, compared on bytes.
    private static func isInside(_ path: RawPath, _ folder: RawPath) -> Bool {
        let (path, folder) = (path.bytes, folder.bytes)
        return path == folder || (path.starts(with: folder) && path.count > folder.count && path[folder.count] == UInt8(ascii: "/"))
            || folder == [UInt8(ascii: "/")]
    }

    /// Keeps the files whose stable hash falls in shard `index` of `count`, so a CI
    /// matrix can split a repository without coordination.
    private func selectedByShard(_ path: RawPath) -> Bool {
        guard let shard else { return true }
        return Int(StableHash.of(path.display) % UInt64(shard.count)) == shard.index - 1
    }

    static func realPath(_ path: RawPath) -> RawPath? {
        guard let resolved = path.withCString({ realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return RawPath(bytes: UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }
}
