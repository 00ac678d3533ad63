import ArbiterCore
import Foundation

/// Turns the paths given on the command line into the dossier files of a run, in a
/// stable order: files as given, folders walked for `*.yaml` and `*.yml` (sorted,
/// hidden entries skipped, symbolic links never followed out of the folder, loops
/// cut), filtered by the configuration's include and exclude globs and by `--shard`.
///
/// The walk is lazy: `next()` lists one folder at a time and hands out one path at a
/// time, so a run over 50,000 dossiers holds no list of 50,000 paths. Walking the same
/// paths again gives the same sequence, which is how a rare message that needs an
/// earlier file's path (a duplicate project id) finds it without keeping every path.
final class DossierFinder {
    enum Item {
        case file(String)
        case problem(Diagnostic)
    }

    /// A folder being walked: its sorted entries and how far the walk has got.
    private struct Folder {
        var path: String
        var root: String
        var realRoot: String
        /// Names with the kind the directory listing gave (`DT_*`), so that most entries
        /// need no `lstat`: the walk runs under the batch lock, one entry per claim.
        var entries: [(name: String, kind: UInt8)]
        var position = 0
    }

    private let config: ProjectConfig
    /// Paths of packs, waivers and the configuration, which are never dossiers.
    private let excluded: Set<String>
    private let shard: (index: Int, count: Int)?
    /// Real paths of the folders that hold the loaded packs (and their `tests`), which a
    /// walk does not enter: packs and pack cases are not dossiers.
    private let packFolders: Set<String>
    private var arguments: ArraySlice<String>
    private var folders: [Folder] = []
    /// Real paths of the folders entered so far, to cut symbolic-link loops.
    private var visited: Set<String> = []

    init(paths: [String], config: ProjectConfig, excluded: Set<String>, packFolders: [String] = [],
         shard: (index: Int, count: Int)? = nil) {
        self.config = config
        self.excluded = excluded
        self.packFolders = Set(packFolders.compactMap(DossierFinder.realPath))
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
    func all() -> (files: [String], problems: [Diagnostic]) {
        var files: [String] = []
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

    private func start(_ path: String) -> Item? {
        if path == "-" { return selectedByShard(path) ? .file(path) : nil }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return .problem(.fileError("io.unreadable", "cannot read '\(path)': \(String(cString: strerror(errno)))", file: path,
                                       notes: [.hint("check the path")]))
        }
        var target = info
        if (info.st_mode & S_IFMT) == S_IFLNK { _ = stat(path, &target) }
        guard (target.st_mode & S_IFMT) == S_IFDIR else {
            return selectedByShard(path) ? .file(path) : nil  // an explicit file is always read, whatever its name
        }
        let root = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        return enter(root, root: root, realRoot: Self.realPath(root) ?? root)
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// Lists a folder and pushes it; a problem if it cannot be listed.
    private func enter(_ folder: String, root: String, realRoot: String) -> Item? {
        guard let real = Self.realPath(folder), visited.insert(real).inserted else { return nil }  // a loop: already walked
        if folder != root && packFolders.contains(real) { return nil }
        guard let directory = opendir(folder) else {
            return .problem(.fileError("io.unreadable", "cannot list folder '\(folder)'", file: folder,
                                       notes: [.hint("check its permissions")]))
        }
        defer { closedir(directory) }
        var entries: [(name: String, kind: UInt8)] = []
        while let entry = readdir(directory) {
            // Read in place up to its NUL. A record is only as long as its name:
            // copying the declared 256-byte `d_name` out of the last record could
            // read past the end of the directory buffer and fault.
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: Self.nameOffset).assumingMemoryBound(to: CChar.self))
            if name.hasPrefix(".") { continue }  // hidden entries, and . and ..
            entries.append((name, entry.pointee.d_type))
        }
        entries.sort { $0.name < $1.name }
        folders.append(Folder(path: folder, root: root, realRoot: realRoot, entries: entries))
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
        let path = folder == "." ? name : folder + "/" + name
        var kind: mode_t
        switch Int32(listedKind) {
        case Int32(DT_REG): kind = S_IFREG
        case Int32(DT_DIR): kind = S_IFDIR
        default:
            // A link, or a file system that does not report kinds: ask.
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            kind = info.st_mode & S_IFMT
        }
        if kind == S_IFLNK {
            // Follow a link only if it stays inside the folder we were given.
            guard let resolved = Self.realPath(path), resolved == realRoot || resolved.hasPrefix(realRoot + "/") else { return nil }
            var target = stat()
            guard stat(path, &target) == 0 else { return nil }
            kind = target.st_mode & S_IFMT
        }
        if kind == S_IFDIR { return enter(path, root: root, realRoot: realRoot) }
        guard kind == S_IFREG, Self.hasDossierExtension(name) else { return nil }
        // Counted in bytes: by characters, this and the suffix test ran grapheme
        // breaking over every path of a walk.
        let relative = root == "." ? path : String(Substring(path.utf8.dropFirst(root.utf8.count + 1)))
        guard config.selects(relative), !excluded.contains(path), selectedByShard(path) else { return nil }
        return .file(path)
    }

    /// `.yaml` or `.yml`, compared on bytes.
    private static func hasDossierExtension(_ name: String) -> Bool {
        name.utf8.reversed().starts(with: "lmay.".utf8) || name.utf8.reversed().starts(with: "lmy.".utf8)
    }

    /// Keeps the files whose stable hash falls in shard `index` of `count`, so a CI
    /// matrix can split a repository without coordination.
    private func selectedByShard(_ path: String) -> Bool {
        guard let shard else { return true }
        return Int(StableHash.of(path) % UInt64(shard.count)) == shard.index - 1
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
