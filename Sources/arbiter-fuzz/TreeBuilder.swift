import ArbiterCore
import Foundation

/// Builds one random tree of dossiers and oddities under `folder`, remembering what it
/// made: the valid dossiers (id and path) and whether anything cannot be scored.
struct TreeBuilder {
    let folder: String
    let validDossier: String
    private(set) var validDossiers: [(id: String, path: String)] = []
    private(set) var hasProblem = false
    private(set) var log: [String] = []
    private var folders: [String] = []
    private var serial = 0

    init(folder: String, validDossier: String) {
        self.folder = folder
        self.validDossier = validDossier
    }

    mutating func build(using generator: inout SplitMix) {
        mkdir(folder, 0o755)
        folders = [folder]
        for _ in 0..<Int.random(in: 1...12, using: &generator) { addEntry(using: &generator) }
        if validDossiers.isEmpty { addValid(in: folder) }
    }

    private mutating func nextName(_ suffix: String = ".yaml") -> String {
        serial += 1
        return "e\(serial)\(suffix)"
    }

    private mutating func addValid(in parent: String) {
        let id = "p-\(serial + 1)"
        let path = parent + "/" + nextName()
        write(path, validDossier.replacingOccurrences(of: "id: rs-belgrade-safe-city", with: "id: \(id)"))
        validDossiers.append((id, path))
        log.append("valid \(path)")
    }

    private mutating func addEntry(using generator: inout SplitMix) {
        let parent = generator.pick(folders)
        switch Int.random(in: 0..<12, using: &generator) {
        case 0, 1, 2:
            addValid(in: parent)
        case 3:
            let path = parent + "/" + nextName()
            write(path, generator.pick(["id: [\n", "id: x\nname: X\nsurveillance:\n  camras: 1\n", "\u{0}\u{1}", "&a [*a]"]))
            hasProblem = true
            log.append("broken \(path)")
        case 4:
            let path = parent + "/" + nextName("")
            mkdir(path, 0o755)
            folders.append(path)
            log.append("folder \(path)")
        case 5:
            // A link to a dossier of the tree (scored once, or reported), or to a folder above.
            let path = parent + "/" + nextName()
            let target = validDossiers.last?.path ?? "/etc/hostname"
            symlink(target, path)
            log.append("link \(path) -> \(target)")
        case 6:
            let path = parent + "/" + nextName()
            symlink(parent + "/missing-\(serial).yaml", path)
            hasProblem = true
            log.append("dangling \(path)")
        case 7:
            let path = parent + "/" + nextName("")
            symlink(parent, path)
            log.append("loop \(path) -> \(parent)")
        case 8:
            // A name that is not UTF-8, holding a valid dossier.
            let name = Array("bad-\(serial)-".utf8) + [0xFF, 0xFE] + Array(".yaml".utf8)
            serial += 1
            let path = Array(parent.utf8) + [UInt8(ascii: "/")] + name + [0]
            let descriptor = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
            if descriptor >= 0 {
                let text = Array(validDossier.replacingOccurrences(of: "id: rs-belgrade-safe-city", with: "id: nonutf-\(serial)").utf8)
                _ = text.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
                log.append("non-UTF-8 name in \(parent)")
            }
        case 9:
            let path = parent + "/" + nextName()
            mkfifo(path, 0o644)
            hasProblem = true
            log.append("fifo \(path)")
        case 10:
            addLongPath(in: parent)
        default:
            let path = parent + "/" + nextName()
            write(path, "")
            hasProblem = true
            log.append("empty \(path)")
        }
    }

    /// A dossier whose path is longer than PATH_MAX, made with relative calls from a
    /// folder held open, since no absolute call can name it.
    private mutating func addLongPath(in parent: String) {
        var descriptor = open(parent, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return }
        let segment = String(repeating: "d", count: 200)
        for _ in 0..<22 {
            mkdirat(descriptor, segment, 0o755)
            let next = openat(descriptor, segment, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            guard next >= 0 else { return }
            descriptor = next
        }
        let file = openat(descriptor, "deep.yaml", O_WRONLY | O_CREAT, 0o644)
        if file >= 0 {
            let text = Array("id: deep\nname: [broken\n".utf8)
            _ = text.withUnsafeBytes { Foundation.write(file, $0.baseAddress, $0.count) }
            close(file)
            hasProblem = true
            log.append("path over PATH_MAX under \(parent)")
        }
        close(descriptor)
    }

    private func write(_ path: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    func allNames() -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
    }

    /// Removes the tree, deep paths included (`rm -rf` walks them relatively).
    func remove() {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", folder]
        try? process.run()
        process.waitUntilExit()
    }
}
