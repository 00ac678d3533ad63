/// Checks every loaded pack against the union of their inputs and compiles the rules.
/// All problems across all packs come back together, each at its line and column.
package struct RuleSetCompiler: Sendable {
    package var limits: ExpressionLimits
    /// Whether rules' `examples` are decoded into dossiers. They are tests: `arbiter test`
    /// runs them and `arbiter lint` checks them, while scoring never reads them, so the
    /// commands that score skip the work and start faster.
    package var decodesExamples: Bool

    package init(limits: ExpressionLimits = ExpressionLimits(), decodesExamples: Bool = true) {
        self.limits = limits
        self.decodesExamples = decodesExamples
    }

    package func compile(_ definitions: [PackDefinition], vocabularies: [VocabularyDefinition] = []) -> Result<RuleSet, DiagnosticError> {
        var diagnostics: [Diagnostic] = []
        var loaded: [String: VocabularyDefinition] = [:]
        for vocabulary in vocabularies {
            if let first = loaded[vocabulary.owner] {
                diagnostics.append(.error("pack.duplicate-vocabulary", "vocabulary '\(vocabulary.owner)' is loaded twice", file: vocabulary.file,
                                          range: .fileStart, notes: [.init("also loaded from here", file: first.file, range: .fileStart)]))
            } else {
                loaded[vocabulary.owner] = vocabulary
            }
        }
        for pack in definitions {
            guard let reference = pack.vocabulary, loaded[reference.text] == nil else { continue }
            let others = vocabularies.filter { $0.id == reference.id }.map(\.owner)
            diagnostics.append(.error("pack.missing-vocabulary", "pack '\(pack.id)' reads vocabulary '\(reference.text)', which is not loaded",
                                      file: pack.file, range: reference.range,
                                      notes: [.hint(others.isEmpty
                                          ? "load the folder that holds vocabulary.yaml (such as --rules Rules) together with the pack"
                                          : "loaded: \(others.joined(separator: ", ")); a new major version of a vocabulary needs packs that name it")]))
        }
        var packIds: [String: PackDefinition] = [:]
        for pack in definitions {
            if let first = packIds[pack.id] {
                diagnostics.append(.error("pack.duplicate-pack", "pack '\(pack.id)' is loaded twice", file: pack.file, range: .fileStart,
                                          notes: [.init("also loaded from here", file: first.file, range: .fileStart)]))
            } else {
                packIds[pack.id] = pack
            }
        }
        // The vocabularies first, so a conflict is reported at the pack that departs from them.
        let (schema, conflicts) = InputSchema.union([InputSchema.projectCountry] + vocabularies.flatMap(\.inputs) + definitions.flatMap(\.inputs))
        diagnostics += conflicts

        var ruleOwners: [String: (String, SourceRange)] = [:]
        var packs: [CompiledPack] = []
        for pack in definitions {
            var rules: [CompiledRule] = []
            for rule in pack.rules {
                if let (file, range) = ruleOwners[rule.id], file != pack.file {
                    diagnostics.append(.error("pack.duplicate-rule", "rule id '\(rule.id)' is also defined by another pack",
                                              file: pack.file, range: rule.idRange, notes: [.init("first defined here", file: file, range: range)]))
                }
                ruleOwners[rule.id] = ruleOwners[rule.id] ?? (pack.file, rule.idRange)
                if let compiled = compile(rule, in: pack, schema: schema, into: &diagnostics) { rules.append(compiled) }
            }
            packs.append(CompiledPack(id: pack.id, version: pack.version, title: pack.title, description: pack.description,
                                      file: pack.file, bands: pack.bands, declaredCaps: pack.caps, floors: pack.floors, minimumCompleteness: pack.minimumCompleteness,
                                      inputs: pack.inputs, rules: rules))
        }
        if diagnostics.hasErrors { return .failure(DiagnosticError(diagnostics)) }
        return .success(RuleSet(packs: Self.specificFirst(packs), schema: schema, limits: limits))
    }

    /// Orders each rule's facts from the most specific (read by the fewest rules) to the
    /// most shared, so a finding's first evidence is the fact that makes it this rule,
    /// not an applicability guard that every rule reads. Reports locate findings there.
    private static func specificFirst(_ packs: [CompiledPack]) -> [CompiledPack] {
        var readers: [Int: Int] = [:]
        for rule in packs.flatMap(\.rules) {
            for slot in rule.reads { readers[slot, default: 0] += 1 }
        }
        return packs.map { pack in
            var pack = pack
            var categories: [String] = []
            pack.rules = pack.rules.map { rule in
                if !categories.contains(rule.category) { categories.append(rule.category) }
                let reads = rule.reads.enumerated()
                    .sorted { (readers[$0.element]!, $0.offset) < (readers[$1.element]!, $1.offset) }
                    .map(\.element)
                return rule.with(reads: reads, categoryIndex: categories.firstIndex(of: rule.category)!)
            }
            pack.categories = categories
            pack.caps = categories.map { pack.declaredCaps[$0] }
            return pack
        }
    }

    // MARK: one rule

    private func compile(_ rule: RuleDefinition, in pack: PackDefinition, schema: InputSchema,
                         into diagnostics: inout [Diagnostic]) -> CompiledRule? {
        let before = diagnostics.count
        var reads: [Int] = []
        var condition: TypedExpression?
        var guardExpression: TypedExpression?
        if let applies = rule.applies {
            guardExpression = compile(applies, pack: pack, schema: schema, reads: &reads, into: &diagnostics)
        }
        let guardReads = reads
        if let when = rule.when {
            condition = compile(when, pack: pack, schema: schema, reads: &reads, into: &diagnostics)
        }

        var scale: CompiledRule.Scale?
        if let source = rule.scale,
           let checked = check(source.by, node: source.byNode, offset: 0, expecting: nil, pack: pack, schema: schema, into: &diagnostics) {
            if checked.type.isNumeric {
                scale = CompiledRule.Scale(text: source.by, checked: checked, from: source.from, to: source.to)
                for slot in checked.reads where !reads.contains(slot) { reads.append(slot) }
            } else {
                diagnostics.append(.error("pack.invalid-scale", "'scale.by' must be a number, but '\(source.by)' is \(checked.type)",
                                          file: pack.file, range: source.byNode.range,
                                          notes: [.hint("use a numeric fact or arithmetic over facts, such as financing.amount_usd / country_context.gdp_usd * 100")]))
            }
        }

        let message = compileMessage(rule, pack: pack, schema: schema, into: &diagnostics)
        let decoder = DossierDecoder(schema: schema)
        var examples: ([Dossier], [Dossier]) = ([], [])
        for (index, node) in (decodesExamples ? rule.fires + rule.passes : []).enumerated() {
            let firing = index < rule.fires.count
            let label = "\(rule.id) \(firing ? "fires" : "passes") example \(firing ? index + 1 : index - rule.fires.count + 1)"
            switch decoder.decodeFacts(node, file: pack.file, label: label) {
            case .success(let dossier):
                if firing { examples.0.append(dossier) } else { examples.1.append(dossier) }
            case .failure(let error):
                diagnostics += error.diagnostics
            }
        }
        var levers: [Mitigation] = []
        for (index, text) in rule.mitigations.enumerated() {
            var changes: [FactOverride] = []
            for entry in rule.mitigationChanges[index]?.entries ?? [] {
                guard let slot = schema.slot(of: entry.key) else {
                    diagnostics.append(.error("pack.unknown-input", "mitigation of '\(rule.id)' sets '\(entry.key)', which no loaded pack declares",
                                              file: pack.file, range: entry.keyRange, notes: Spelling.hint(for: entry.key, among: schema.allPaths)))
                    continue
                }
                switch decoder.value(of: entry.value, forSlot: slot, file: pack.file) {
                case .success(let value): changes.append(FactOverride(path: entry.key, slot: slot, value: value))
                case .failure(let error): diagnostics += error.diagnostics
                }
            }
            levers.append(Mitigation(text: text, changes: changes))
        }
        guard diagnostics.count == before, let condition, let message else { return nil }
        // The rule fires when it applies and its condition holds: Kleene `and` keeps a
        // rule whose guard is unknown unknown only where its condition could hold.
        let checked = CheckedExpression(expression: guardExpression.map { .and($0, condition) } ?? condition, type: .bool, reads: reads)
        let applicability = guardExpression.map { CheckedExpression(expression: $0, type: .bool, reads: guardReads) }
        // The condition alone, over the same reads so its unknown bits mean the same facts:
        // run instead of guard-and-condition where the guard is known to hold.
        let conditionAlone = guardExpression.map { _ in CheckedExpression(expression: condition, type: .bool, reads: reads) }
        let conditionText = Self.text(of: rule.when!)
        return CompiledRule(
            id: rule.id, pack: pack.id, title: rule.title, category: rule.category, severity: rule.severity, weight: rule.weight,
            scale: scale, rationale: rule.rationale, references: rule.references.compactMap { pack.references[$0.id] },
            mitigations: rule.mitigations, levers: levers, enforceFrom: rule.enforceFrom, file: pack.file, range: rule.range,
            conditionText: conditionText, appliesText: rule.applies.map(Self.text(of:)), reads: reads,
            fires: examples.0, passes: examples.1, condition: checked, applicability: applicability,
            conditionAlone: conditionAlone, message: message)
    }

    private static func text(of condition: ConditionSource) -> String {
        switch condition {
        case .expression(let text, _): text
        case .all(let parts, _): parts.map { "(\(text(of: $0)))" }.joined(separator: " and ")
        case .any(let parts, _): parts.map { "(\(text(of: $0)))" }.joined(separator: " or ")
        case .not(let inner, _): "not (\(text(of: inner)))"
        }
    }

    private func compile(_ condition: ConditionSource, pack: PackDefinition, schema: InputSchema, reads: inout [Int],
                         into diagnostics: inout [Diagnostic]) -> TypedExpression? {
        switch condition {
        case .expression(let text, let node):
            guard let checked = check(text, node: node, offset: 0, expecting: .bool, pack: pack, schema: schema, into: &diagnostics) else { return nil }
            for slot in checked.reads where !reads.contains(slot) { reads.append(slot) }
            return checked.expression
        case .all(let parts, _), .any(let parts, _):
            let isAll = if case .all = condition { true } else { false }
            let compiled = parts.map { compile($0, pack: pack, schema: schema, reads: &reads, into: &diagnostics) }
            guard compiled.allSatisfy({ $0 != nil }) else { return nil }
            return compiled.dropFirst().reduce(compiled[0]!) { isAll ? .and($0, $1!) : .or($0, $1!) }
        case .not(let inner, _):
            return compile(inner, pack: pack, schema: schema, reads: &reads, into: &diagnostics).map { .not($0) }
        }
    }

    /// Parses and checks one expression, mapping its errors into the pack file.
    private func check(_ text: String, node: Node, offset: Int, expecting: ExpressionType?, pack: PackDefinition,
                       schema: InputSchema, into diagnostics: inout [Diagnostic]) -> CheckedExpression? {
        let map = ScalarSourceMap(node: node, source: pack.source)
        func report(_ error: ExpressionError) {
            let shifted = (error.offsets.lowerBound + offset)..<(error.offsets.upperBound + offset)
            diagnostics.append(.error(error.code, error.message, file: pack.file, range: map.range(of: shifted),
                                      notes: error.hints.map { .hint($0) }))
        }
        switch Parser.parse(text, limits: limits) {
        case .failure(let error):
            report(error)
            return nil
        case .success(let syntax):
            switch Checker.check(syntax, schema: schema, expecting: expecting, limits: limits) {
            case .failure(let failure):
                failure.errors.forEach(report)
                return nil
            case .success(let checked):
                return checked
            }
        }
    }

    private func compileMessage(_ rule: RuleDefinition, pack: PackDefinition, schema: InputSchema,
                                into diagnostics: inout [Diagnostic]) -> MessageTemplate? {
        let node = rule.messageNode ?? Node.string(rule.message, range: rule.range)
        switch MessageTemplate.split(rule.message) {
        case .failure(let error):
            let map = ScalarSourceMap(node: node, source: pack.source)
            diagnostics.append(.error(error.code, error.message, file: pack.file, range: map.range(of: error.offsets),
                                      notes: error.hints.map { .hint($0) }))
            return nil
        case .success(let pieces):
            var parts: [MessageTemplate.Part] = []
            var ok = true
            for piece in pieces {
                if !piece.isExpression {
                    parts.append(.text(piece.text))
                } else if let checked = check(piece.text, node: node, offset: piece.offset, expecting: nil, pack: pack,
                                              schema: schema, into: &diagnostics) {
                    parts.append(.value(Program(checked)))
                } else {
                    ok = false
                }
            }
            return ok ? MessageTemplate(parts: parts) : nil
        }
    }
}
