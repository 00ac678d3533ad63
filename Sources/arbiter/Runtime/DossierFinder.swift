import ArbiterCore
import Foundation

/// Turns the paths given on the command line into the dossier files of a run, in a
/// stable order: files as given, folders walked for `*.yaml` and `*.yml` (sorted,
/// hidden entries skipped, symbolic links never followed out of the folder, loops
/// cut), filtered by the configuration's include and exclude globs.
struct DossierFinder {
    var config: ProjectConfig
    /// Paths of packs, waivers and the configuration, which are never dossiers.
    var excluded: Set<String>

    struct Found {
        var files = PathList()
        var problems: [Diagnostic] = []
    }

    func find(_ paths: [String]) -> Found {
        var found = Found()
        for path in paths {
            if path == "-" { found.files.append(path); continue }
            var info = stat()
            guard lstat(path, &info) == 0 else {
                found.problems.append(.error("io.unreadable", "cannot read '\(path)': \(String(cString: strerror(errno)))", file: path,
                                             range: .fileStart, notes: [.hint("check the path")]))
                continue
            }
            var target = info
            if (info.st_mode & S_IFMT) == S_IFLNK { _ = stat(path, &target) }
            if (target.st_mode & S_IFMT) == S_IFDIR {
                let root = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
                var visited: Set<String> = []
                walk(root, root: root, realRoot: realPath(root) ?? root, visited: &visited, into: &found)
            } else {
                found.files.append(path)  // an explicit file is always read, whatever its name
            }
        }
        return found
    }

    private func walk(_ folder: String, root: String, realRoot: String, visited: inout Set<String>, into found: inout Found) {
        guard let real = realPath(folder), visited.insert(real).inserted else { return }  // a loop: already walked
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            found.problems.append(.error("io.unreadable", "cannot list folder '\(folder)'", file: folder, range: .fileStart,
                                         notes: [.hint("check its permissions")]))
            return
        }
        for name in entries where !name.hasPrefix(".") {
            let path = folder == "." ? name : folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            var kind = info.st_mode & S_IFMT
            if kind == S_IFLNK {
                // Follow a link only if it stays inside the folder we were given.
                guard let resolved = realPath(path), resolved == realRoot || resolved.hasPrefix(realRoot + "/") else { continue }
                var target = stat()
                guard stat(path, &target) == 0 else { continue }
                kind = target.st_mode & S_IFMT
            }
            if kind == S_IFDIR {
                walk(path, root: root, realRoot: realRoot, visited: &visited, into: &found)
            } else if kind == S_IFREG, name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                let relative = root == "." ? path : String(path.dropFirst(root.count + 1))
                guard config.selects(relative), !excluded.contains(path) else { continue }
                found.files.append(path)
            }
        }
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Keeps the files whose stable hash falls in shard `index` of `count`, so a CI
    /// matrix can split a repository without coordination.
    static func shard(_ files: PathList, index: Int, count: Int) -> PathList {
        PathList(files.filter { path in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return Int(hash % UInt64(count)) == index - 1
        })
    }
}
