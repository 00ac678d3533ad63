/// What a maintainable rule has beyond what evaluation needs: a rationale a reviewer
/// can check, mitigations a project can act on, and a firing and a passing example that
/// `arbiter test` runs. `arbiter lint` reports their absence as warnings, and as errors
/// with `--strict`; the shipped packs pass the strict form.
package enum PackAuthoringCheck {
    /// One warning per missing part of each rule. Examples are checked only when the
    /// rule set was compiled with them (`decodesExamples`).
    package static func warnings(_ ruleSet: RuleSet, examplesDecoded: Bool) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for rule in ruleSet.allRules {
            func warn(_ code: String, _ message: String, _ hint: String) {
                warnings.append(Diagnostic(.warning, code: "pack.\(code)", message: message, file: rule.file, range: rule.range,
                                           notes: [.hint(hint)]))
            }
            if rule.rationale.isEmpty {
                warn("missing-rationale", "rule '\(rule.id)' has no rationale",
                     "say in 'rationale:' why the condition is a risk, citing the pack's references")
            }
            if rule.mitigations.isEmpty {
                warn("missing-mitigations", "rule '\(rule.id)' has no mitigations",
                     "list in 'mitigations:' what a project can change to pass, with 'set:' for the facts it changes")
            }
            if examplesDecoded, rule.fires.isEmpty || rule.passes.isEmpty {
                let lacking = [rule.fires.isEmpty ? "a 'fires'" : nil, rule.passes.isEmpty ? "a 'passes'" : nil].compactMap { $0 }
                warn("missing-examples", "rule '\(rule.id)' lacks \(lacking.joined(separator: " and ")) example",
                     "add 'examples: {fires: [{…facts…}], passes: [{…facts…}]}'; `arbiter test` runs them")
            }
        }
        return warnings
    }
}
