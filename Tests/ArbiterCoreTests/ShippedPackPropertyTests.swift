import ArbiterCore
import ArbiterYAML
import Testing

/// Properties of the shipped packs over every real case: raising any single risk fact
/// never lowers a score, and a mitigation never raises one.
struct ShippedPackPropertyTests {
    static func shippedRuleSet() throws -> RuleSet {
        let files = try Fixtures.files(in: "Rules").map { ($0, try Fixtures.bytes($0)) }
        return try RuleSetLoader().load(files).get()
    }

    static func realCases(_ ruleSet: RuleSet) throws -> [Dossier] {
        try Fixtures.files(in: "Fixtures/projects").map { file in
            try DossierLoader(schema: ruleSet.schema).load(path: file, bytes: try Fixtures.bytes(file)).get()
        }
    }

    /// Converts a value from the order table to the runtime value its input type expects.
    static func value(_ node: Node, as type: InputType) -> Value? {
        switch (type, node.value) {
        case (.bool, .bool(let flag)): return .bool(flag)
        case (.int, .int(let number)): return .int(number)
        case (.number, .int(let number)): return .number(Double(number))
        case (.number, .float(let number)): return .number(number)
        case (.string, .string(let text)), (.enumeration, .string(let text)), (.country, .string(let text)), (.date, .string(let text)):
            return .string(text)
        case (.list(let item), .sequence(let items)):
            let values = items.compactMap { value($0, as: item) }
            return values.count == items.count ? .list(values) : nil
        default: return nil
        }
    }

    static func orders(_ ruleSet: RuleSet) throws -> [(path: String, slot: Int, values: [Value])] {
        let document = try Fixtures.document("Fixtures/monotonicity.yaml")
        return try (document.root["orders"]?.entries ?? []).map { entry in
            let slot = try #require(ruleSet.schema.slot(of: entry.key), "unknown fact \(entry.key)")
            let type = ruleSet.schema.declarations[slot].type
            let values = try (entry.value.items ?? []).map { try #require(value($0, as: type), "\(entry.key): bad value") }
            return (entry.key, slot, values)
        }
    }

    @Test func raisingARiskFactNeverLowersAScore() throws {
        let ruleSet = try Self.shippedRuleSet()
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate("2026-11-29")!)
        let orders = try Self.orders(ruleSet)
        #expect(orders.count >= 60)
        var comparisons = 0
        for base in try Self.realCases(ruleSet) {
            for order in orders {
                var previous: ProjectResult?
                for value in order.values {
                    var dossier = base
                    dossier.facts[order.slot] = Fact(value: value, range: .fileStart)
                    let result = evaluator.evaluate(dossier)
                    if let previous {
                        for (before, after) in zip(previous.packs, result.packs) {
                            comparisons += 1
                            #expect(after.score >= before.score, "\(base.id) \(order.path) → \(value.displayText): \(after.pack) score \(before.score) → \(after.score)")
                            #expect(after.worst >= before.worst, "\(base.id) \(order.path) → \(value.displayText): \(after.pack) worst \(before.worst) → \(after.worst)")
                            // Bands with their floors: a floor only counts fired (or, for the
                            // worst case, possibly firing) rules, so more risk never lowers one.
                            #expect(after.band >= before.band, "\(base.id) \(order.path) → \(value.displayText): \(after.pack) band \(before.band) → \(after.band)")
                            #expect(after.worstBand >= before.worstBand, "\(base.id) \(order.path) → \(value.displayText): \(after.pack) worst band \(before.worstBand) → \(after.worstBand)")
                        }
                    }
                    previous = result
                }
            }
        }
        #expect(comparisons > 1_000)
    }

    @Test func aMitigationNeverRaisesAScore() throws {
        let ruleSet = try Self.shippedRuleSet()
        let evaluator = Evaluator(ruleSet: ruleSet, asOf: CivilDate("2026-11-29")!)
        for base in try Self.realCases(ruleSet) {
            for order in try Self.orders(ruleSet) where base.facts[order.slot] == nil {
                let unknown = evaluator.evaluate(base)
                var mitigated = base
                mitigated.facts[order.slot] = Fact(value: order.values[0], range: .fileStart)
                let result = evaluator.evaluate(mitigated)
                for (before, after) in zip(unknown.packs, result.packs) {
                    #expect(after.score <= before.score, "\(base.id) \(order.path) = \(order.values[0].displayText): \(after.pack) score rose")
                    #expect(after.worst <= before.worst, "\(base.id) \(order.path) = \(order.values[0].displayText): \(after.pack) worst rose")
                    #expect(after.worstBand <= before.worstBand, "\(base.id) \(order.path) = \(order.values[0].displayText): \(after.pack) worst band rose")
                }
            }
        }
    }

    @Test func everyRuleCitesAReferenceAndHasBothKindsOfExample() throws {
        let ruleSet = try Self.shippedRuleSet()
        #expect(ruleSet.packs.map(\.id).sorted() == ["debt-risk", "digital-authoritarianism"])
        for pack in ruleSet.packs {
            #expect(pack.rules.count >= 20)
            for rule in pack.rules {
                #expect(!rule.references.isEmpty && rule.references.allSatisfy { $0.url.hasPrefix("http") }, "\(rule.id)")
                #expect(!rule.fires.isEmpty && !rule.passes.isEmpty, "\(rule.id)")
                #expect(!rule.mitigations.isEmpty, "\(rule.id)")
            }
        }
        let checks = ExampleCheck.run(ruleSet, asOf: CivilDate("2026-11-29")!)
        #expect(checks.allSatisfy { $0.passed }, "\(checks.filter { !$0.passed })")
    }
}
