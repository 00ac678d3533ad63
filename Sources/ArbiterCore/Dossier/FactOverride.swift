/// One fact changed before evaluation, as `--set PATH=VALUE` or `--unset PATH` (a nil
/// value: the fact becomes unknown) asks, or as a mitigation's `set:` does.
public struct FactOverride: Sendable, Hashable {
    public var path: String
    /// The schema slot of `path`.
    public var slot: Int
    /// The new value; nil makes the fact unknown.
    public var value: Value?

    public init(path: String, slot: Int, value: Value?) {
        self.path = path
        self.slot = slot
        self.value = value
    }

    /// `path=value` as `--set` takes it; the path alone for an unset fact.
    public var assignment: String {
        value.map { "\(path)=\(Self.text(of: $0))" } ?? path
    }

    /// The option that reproduces it: `--set path=value` or `--unset path`.
    public var option: String {
        (value == nil ? "--unset " : "--set ") + assignment
    }

    /// A value as `--set` reads it back: scalars plain, lists in flow style, text in
    /// quotes when YAML would read it as something else.
    static func text(of value: Value) -> String {
        switch value {
        case .list(let items): return "[" + items.map(text(of:)).joined(separator: ", ") + "]"
        case .string(let string):
            let plain = !string.isEmpty && string.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || "-_./".unicodeScalars.contains(scalar)
            }
            let special = ["true", "false", "null", "~"].contains(string.lowercased()) || Double(string) != nil || Int(string) != nil
            guard !plain || special || string.first == "-" else { return string }
            var quoted = "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                default: quoted.unicodeScalars.append(scalar)
                }
            }
            return quoted + "\""
        default: return value.displayText
        }
    }
}

extension [FactOverride] {
    /// The options that reproduce these changes: `--set a=b --unset c`.
    public var options: String { map(\.option).joined(separator: " ") }
}

extension Dossier {
    /// The dossier with `overrides` applied in order: a later override of the same fact
    /// wins. An overridden fact cites no source and stands at no line of the file.
    public func applying(_ overrides: [FactOverride]) -> Dossier {
        guard !overrides.isEmpty else { return self }
        var copy = self
        var facts: [Fact?] = (0..<self.facts.count).map { self.facts[$0] }
        var cited: [[String]?] = (0..<citedSources.count).map { citedSources[$0] }
        for override in overrides where override.slot < facts.count {
            facts[override.slot] = override.value.map { Fact(value: $0, range: FactOverride.range) }
            cited[override.slot] = nil
        }
        copy.facts = SlotTable(facts)
        copy.citedSources = SlotTable(cited)
        return copy
    }
}

extension FactOverride {
    /// Where an overridden fact stands: line 0, which no file has, so reports can say
    /// the value came from an override and not from the dossier.
    public static let range = SourceRange(start: SourcePosition(line: 0, column: 0), end: SourcePosition(line: 0, column: 0))
}
