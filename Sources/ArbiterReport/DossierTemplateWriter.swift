import ArbiterCore

/// A dossier template listing every input of the loaded packs with its documentation,
/// every fact commented out, so an analyst fills in what is known and leaves the rest
/// unknown. `arbiter lint` accepts it as soon as `id` and `name` are set.
public enum DossierTemplateWriter {
    public static func render(_ ruleSet: RuleSet, id: String?) -> String {
        var out = "# Arbiter dossier. Facts left commented out are unknown, never false or zero.\n"
        out += "# Packs: " + ruleSet.packs.map { "\($0.id) \($0.version)" }.joined(separator: ", ") + "\n"
        out += "id: \(id ?? "")\nname: \ncountry:            # ISO 3166-1 alpha-2, for example RS\ndescription: \n"
        var openGroups: [String] = []
        // Groups in the order the packs declare them (project, vendor, surveillance, …),
        // facts within a group kept together.
        var firstSeen: [String: Int] = [:]
        for (index, declaration) in ruleSet.schema.declarations.enumerated() {
            let parts = declaration.path.split(separator: ".")
            for depth in 1..<max(parts.count, 1) {
                let group = parts[..<depth].joined(separator: ".")
                if firstSeen[group] == nil { firstSeen[group] = index }
            }
        }
        func order(_ declaration: InputDeclaration) -> [Int] {
            let parts = declaration.path.split(separator: ".")
            return (1..<max(parts.count, 1)).map { firstSeen[parts[..<$0].joined(separator: ".")]! }
        }
        let ordered = ruleSet.schema.declarations.enumerated().sorted { lhs, rhs in
            let (a, b) = (order(lhs.element), order(rhs.element))
            return a != b ? a.lexicographicallyPrecedes(b) : lhs.offset < rhs.offset
        }.map(\.element)
        for declaration in ordered where declaration.pack != InputSchema.builtInPack {
            let parts = declaration.path.split(separator: ".").map(String.init)
            let groups = Array(parts.dropLast())
            var shared = 0
            while shared < min(groups.count, openGroups.count) && groups[shared] == openGroups[shared] { shared += 1 }
            for level in shared..<groups.count {
                let indent = String(repeating: "  ", count: level)
                out += (level == 0 ? "\n" : "") + "\(indent)\(groups[level]):\n"
            }
            openGroups = groups
            let indent = String(repeating: "  ", count: groups.count)
            var doc = declaration.doc
            switch declaration.type {
            case .enumeration(let values): doc += " — one of: " + values.joined(separator: ", ")
            case .list(.enumeration(let values)): doc += " — list of: " + values.joined(separator: ", ")
            default: doc += " (\(declaration.type.name)\(declaration.unit.map { ", \($0)" } ?? ""))"
            }
            out += "\(indent)# \(doc)\n\(indent)# \(parts.last!): \n"
        }
        out += "\nsources:\n  # - id: a-short-id\n  #   title: \"…\"\n  #   url: https://…\n  #   date: YYYY-MM-DD\n"
        out += "citations:\n  # fact.path: [a-short-id]\n"
        return out
    }
}
