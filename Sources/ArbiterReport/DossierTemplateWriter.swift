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
        for declaration in ruleSet.schema.declarations.sorted(by: { $0.path < $1.path }) where declaration.pack != InputSchema.builtInPack {
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
