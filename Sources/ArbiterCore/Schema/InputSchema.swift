/// The dossier schema: the union of every loaded pack's inputs.
///
/// Each declared path gets a slot number, so compiled expressions read facts from an
/// array instead of looking paths up by name for every dossier.
package struct InputSchema: Sendable {
    package private(set) var declarations: [InputDeclaration] = []
    private var slots: [String: Int] = [:]
    /// Group paths (`governance`, `governance.dpia`) mapped to the names directly under them.
    private var children: [String: [String]] = ["": []]

    /// What a key names inside a group: a fact's slot or a nested group's id. Decoding
    /// walks these tables, so it never builds a dotted path just to look it up.
    package enum Member: Sendable, Hashable {
        case fact(Int)
        case group(Int)
    }

    /// The names directly under each group, the group's id as namespace (0 is the top
    /// level). Looked up by a key's bytes, so decoding makes no string for the keys it reads.
    private var members = ByteKeyTable<Member>()
    /// Slots of every fact below each group, by group id, in slot order: a citation of a
    /// group covers them all, and filtering every path by prefix had been most of reading one.
    private var groupSlots: [[Int]] = [[]]
    private var groupPaths: [String] = [""]
    /// Slots by every dotted tail of their path (`dpia.performed`, `performed`), for a fact
    /// written at the wrong level. A did-you-mean lookup once scanned every path per key.
    private var slotsByTail: [String: [Int]] = [:]
    /// Slots by the length of their path in scalars: a suggestion is within a small edit
    /// distance, which a larger difference in length cannot be.
    private var slotsByLength: [Int: [Int]] = [:]

    package init() {}

    /// The dossier's reserved `country` key, readable in expressions as `country` so a
    /// rule can compare it with, say, `data.storage_country`.
    package static let projectCountry = InputDeclaration(
        path: "country", type: .country, doc: "ISO 3166-1 alpha-2 code of the country where the project is",
        pack: builtInPack, file: "<built-in>", range: .fileStart)

    /// The owner of declarations every schema has, whatever packs are loaded.
    package static let builtInPack = "arbiter"

    /// Builds the union, reporting the same path declared differently by two packs,
    /// or declared both as a fact and as a group of facts.
    package static func union(_ declarations: [InputDeclaration]) -> (InputSchema, [Diagnostic]) {
        var schema = InputSchema()
        var problems: [Diagnostic] = []
        for declaration in declarations {
            if let slot = schema.slots[declaration.path] {
                let earlier = schema.declarations[slot]
                if !earlier.agrees(with: declaration) {
                    problems.append(.error(
                        "pack.input-conflict",
                        "input '\(declaration.path)' is declared as \(declaration.type) here but as \(earlier.type) by pack '\(earlier.pack)'",
                        file: declaration.file, range: declaration.range,
                        notes: [.init("first declared here", file: earlier.file, range: earlier.range),
                                .hint("packs share the dossier vocabulary; declare the fact the same way in both")]))
                }
                continue
            }
            if schema.children[declaration.path] != nil || schema.hasLeafAncestor(declaration.path) {
                problems.append(.error(
                    "pack.input-conflict",
                    "input '\(declaration.path)' is used both as a fact and as a group of facts",
                    file: declaration.file, range: declaration.range))
                continue
            }
            schema.insert(declaration)
        }
        return (schema, problems)
    }

    private func hasLeafAncestor(_ path: String) -> Bool {
        var prefix = path.parentAndName.parent
        while !prefix.isEmpty {
            if slots[prefix] != nil { return true }
            prefix = prefix.parentAndName.parent
        }
        return false
    }

    private mutating func insert(_ declaration: InputDeclaration) {
        slots[declaration.path] = declarations.count
        var group = 0
        let names = declaration.path.pathNames
        for (depth, name) in names.enumerated() {
            if depth == names.count - 1 {
                members.set(name, in: group, to: .fact(declarations.count))
            } else if case .group(let id)? = members.value(for: name, in: group) {
                group = id
                groupSlots[id].append(declarations.count)
            } else {
                let id = groupPaths.count
                groupPaths.append(names[...depth].joined(separator: "."))
                groupSlots.append([declarations.count])
                members.set(name, in: group, to: .group(id))
                group = id
            }
        }
        let slot = declarations.count
        declarations.append(declaration)
        slotsByLength[declaration.path.unicodeScalars.count, default: []].append(slot)
        var rest = Substring(declaration.path)
        while let dot = rest.firstIndex(of: ".") {
            rest = rest[rest.index(after: dot)...]
            slotsByTail[String(rest), default: []].append(slot)
        }
        let (parent, child) = declaration.path.parentAndName
        children[parent, default: []].append(child)
        // Register every ancestor group up to the root.
        var path = parent
        while !path.isEmpty {
            let (up, name) = path.parentAndName
            if children[up]?.contains(name) == true { break }
            children[up, default: []].append(name)
            path = up
        }
    }

    package var count: Int { declarations.count }

    package func member(_ name: String, in group: Int) -> Member? { members.value(for: name, in: group) }

    /// The member a key names, given the key's UTF-8 bytes.
    package func member(_ key: UnsafeBufferPointer<UInt8>, in group: Int) -> Member? { members.value(for: key, in: group) }

    /// The dotted path of a group id, for messages.
    package func path(ofGroup group: Int) -> String { groupPaths[group] }

    package func slot(of path: String) -> Int? { slots[path] }

    package func declaration(at path: String) -> InputDeclaration? {
        slots[path].map { declarations[$0] }
    }

    /// True when `path` is a group that holds facts (`governance.dpia`).
    package func isGroup(_ path: String) -> Bool { !path.isEmpty && children[path] != nil }

    /// The names directly under a group, for did-you-mean hints.
    package func names(under group: String) -> [String] { children[group] ?? [] }

    package var allPaths: [String] { declarations.map(\.path) }

    /// The fact paths that end in `.name`, in declaration order.
    package func paths(named name: String) -> [String] {
        (slotsByTail[name] ?? []).map { declarations[$0].path }
    }

    /// The fact path nearest to `path` in spelling, as `Spelling.suggestion` over every
    /// path would find it, comparing only the paths of a length that could be near.
    package func closestPath(to path: String) -> String? {
        let length = path.unicodeScalars.count, limit = Spelling.distanceLimit(for: path)
        var nearby: [Int] = []
        for candidateLength in max(0, length - limit)...(length + limit) { nearby += slotsByLength[candidateLength] ?? [] }
        // In declaration order, so that a tie goes to the same path as in a full scan.
        return Spelling.suggestion(for: path, among: nearby.sorted().lazy.map { declarations[$0].path })
    }


    /// Slots of every fact at or below `path`.
    package func slots(under path: String) -> [Int] {
        if let slot = slots[path] { return [slot] }
        // Down the member tables name by name; an empty name (a stray dot) names nothing.
        var group = 0
        for name in path.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard case .group(let id)? = member(String(Substring(name)), in: group) else { return [] }
            group = id
        }
        return group == 0 ? [] : groupSlots[group]
    }
}
