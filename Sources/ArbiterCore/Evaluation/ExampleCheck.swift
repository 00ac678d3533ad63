/// The result of running one of a rule's `examples`: `fires` examples must fire and
/// `passes` examples must not fire: pass, or fall outside the rule's guard (not
/// applicable). An unknown outcome fails either.
package struct ExampleCheck: Hashable, Sendable {
    package var rule: String
    package var pack: String
    package var expectation: FindingStatus
    package var index: Int
    package var actual: FindingStatus
    package var missing: [String]

    package var passed: Bool { expectation == .passed ? actual.isClear : actual == expectation }

    /// Runs every example of every rule in the set.
    package static func run(_ ruleSet: RuleSet, asOf: CivilDate) -> [ExampleCheck] {
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: asOf)
        var checks: [ExampleCheck] = []
        for rule in ruleSet.allRules {
            for (expectation, examples) in [(FindingStatus.fired, rule.fires), (.passed, rule.passes)] {
                for (index, example) in examples.enumerated() {
                    let finding = evaluator.evaluate(rule, on: example)
                    checks.append(ExampleCheck(rule: rule.id, pack: rule.pack, expectation: expectation, index: index + 1,
                                               actual: finding.outcome, missing: finding.missing))
                }
            }
        }
        return checks
    }
}
