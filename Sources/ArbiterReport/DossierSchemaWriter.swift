import ArbiterCore

/// A JSON Schema (draft 2020-12) of dossiers for the loaded packs, so editors with a
/// YAML language server can validate and complete dossiers as they are typed.
public enum DossierSchemaWriter {
    public static func render(_ ruleSet: RuleSet, toolVersion: String) -> String {
        var tree = Group()
        for declaration in ruleSet.schema.declarations where declaration.pack != InputSchema.builtInPack {
            tree.insert(declaration, path: declaration.path.split(separator: ".").map(String.init)[...])
        }
        var json = JSONWriter()
        json.open()
        json.string("$schema", "https://json-schema.org/draft/2020-12/schema")
        json.string("$id", "https://arbiter.invalid/schemas/dossier.json")
        json.string("title", "Arbiter dossier")
        json.string("description", "Facts about one project, checked against packs " + ruleSet.packs.map { "\($0.id) \($0.version)" }.joined(separator: ", ") + " (arbiter \(toolVersion)).")
        json.string("type", "object")
        json.strings("required", ["id", "name"])
        json.open("properties")
        json.open("id"); json.string("type", "string"); json.string("pattern", "^[A-Za-z0-9._-]{1,128}$"); json.string("description", "Unique project id"); json.close()
        json.open("name"); json.string("type", "string"); json.string("description", "Project name"); json.close()
        json.open("country"); json.string("type", "string"); json.string("pattern", "^[A-Z]{2}$"); json.string("description", "ISO 3166-1 alpha-2 code"); json.close()
        json.open("description"); json.string("type", "string"); json.close()
        json.open("notes"); json.string("type", "string"); json.close()
        json.open("tags"); json.string("type", "array"); json.open("items"); json.string("type", "string"); json.close(); json.close()
        json.open("sources")
        json.string("type", "array")
        json.open("items")
        json.string("type", "object")
        json.strings("required", ["id"])
        json.open("properties")
        for key in ["id", "title", "url", "publisher", "note"] { json.open(key: key); json.string("type", "string"); json.close() }
        for key in ["date", "accessed"] { json.open(key: key); json.string("type", "string"); json.string("format", "date"); json.close() }
        json.close()
        json.bool("additionalProperties", false)
        json.close()
        json.close()
        json.open("citations")
        json.string("type", "object")
        json.open("propertyNames")
        json.open("enum", array: true)
        for path in ruleSet.schema.allPaths.sorted() { json.string(nil, path) }
        json.close(array: true)
        json.close()
        json.open("additionalProperties"); json.string("type", "array"); json.open("items"); json.string("type", "string"); json.close(); json.close()
        json.close()
        for (name, group) in tree.children.sorted(by: { $0.key < $1.key }) { write(group, name: name, into: &json) }
        json.close()
        json.open("patternProperties"); json.open("^x-"); json.close(); json.close()
        json.bool("additionalProperties", false)
        json.close()
        return json.text + "\n"
    }

    private struct Group {
        var children: [String: Group] = [:]
        var declaration: InputDeclaration?

        mutating func insert(_ declaration: InputDeclaration, path: ArraySlice<String>) {
            guard let head = path.first else { self.declaration = declaration; return }
            children[head, default: Group()].insert(declaration, path: path.dropFirst())
        }
    }

    private static func write(_ group: Group, name: String, into json: inout JSONWriter) {
        json.open(key: name)
        if let declaration = group.declaration {
            let unit = declaration.unit.map { " (\($0))" } ?? ""
            json.string("description", declaration.doc + unit)
            write(declaration.type, declaration: declaration, into: &json)
        } else {
            json.open("type", array: true); json.string(nil, "object"); json.string(nil, "null"); json.close(array: true)
            json.open("properties")
            for (child, sub) in group.children.sorted(by: { $0.key < $1.key }) { write(sub, name: child, into: &json) }
            json.close()
            json.open("patternProperties"); json.open("^x-"); json.close(); json.close()
            json.bool("additionalProperties", false)
        }
        json.close()
    }

    private static func write(_ type: InputType, declaration: InputDeclaration, into json: inout JSONWriter) {
        func nullable(_ name: String) {
            json.open("type", array: true); json.string(nil, name); json.string(nil, "null"); json.close(array: true)
        }
        switch type {
        case .bool: nullable("boolean")
        case .int: nullable("integer")
        case .number: nullable("number")
        case .string: nullable("string")
        case .date: nullable("string"); json.string("format", "date")
        case .country: nullable("string"); json.string("pattern", "^[A-Z]{2}$")
        case .enumeration(let values):
            json.open("enum", array: true)
            for value in values { json.string(nil, value) }
            json.null(nil)
            json.close(array: true)
        case .list(let item):
            nullable("array")
            json.open("items")
            write(item, declaration: declaration, into: &json)
            json.close()
        }
        if let minimum = declaration.minimum { json.number("minimum", minimum) }
        if let maximum = declaration.maximum { json.number("maximum", maximum) }
    }
}
