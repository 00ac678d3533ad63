import ArbiterCore
import ArbiterYAML
import Testing

/// The expression language pinned by data: every case under `Fixtures/expressions/`
/// names an expression, the facts it sees, and the value, unknown, fault or error
/// (code and column) it must produce.
struct ExpressionCaseTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var line: Int
        var note: String
        var expression: String
        var facts: Node?
        var want: Node?
        var wantUnknown: [String]?
        var wantFault: Bool
        var wantError: (code: String, column: Int)?
        var schema: InputSchema
        var asOf: CivilDate

        var testDescription: String { "\(file):\(line) \(note)" }
    }

    static func loadCases() throws -> [Case] {
        var cases: [Case] = []
        for file in try Fixtures.files(in: "Fixtures/expressions") {
            let document = try Fixtures.document(file)
            let schema = try Fixtures.schema(from: document.root["inputs"]!, file: file)
            let asOf = CivilDate(document.root["as_of"]?.string ?? "2026-01-01")!
            for item in document.root["cases"]?.items ?? [] {
                var error: (String, Int)?
                if let wanted = item["want_error"] {
                    guard case .int(let column) = wanted["column"]?.value else { throw FixtureError.malformed(file, item.range.start.line) }
                    error = (wanted["code"]?.string ?? "", column)
                }
                guard let expression = item["expr"]?.string else { throw FixtureError.malformed(file, item.range.start.line) }
                cases.append(Case(
                    file: file, line: item.range.start.line, note: item["note"]?.string ?? expression, expression: expression,
                    facts: item["facts"], want: item["want"],
                    wantUnknown: item["want_unknown"]?.items?.compactMap(\.string),
                    wantFault: item["want_fault"]?.value == .bool(true), wantError: error, schema: schema, asOf: asOf))
            }
        }
        return cases
    }

    enum FixtureError: Error { case malformed(String, Int) }

    static let cases: [Case] = (try? loadCases()) ?? []

    /// Loads the cases again with errors thrown, so a broken fixture names its file and
    /// line here instead of silently leaving the parameterised test with nothing to run.
    @Test func thereAreAtLeast150Cases() throws {
        #expect(try Self.loadCases().count >= 150)
    }

    @Test("expression case", arguments: cases)
    func expressionCase(_ testCase: Case) throws {
        let outcome = Parser.parse(testCase.expression).mapError { ExpressionFailure([$0]) }
            .flatMap { Checker.check($0, schema: testCase.schema) }
        if let wanted = testCase.wantError {
            switch outcome {
            case .success:
                Issue.record("expected error \(wanted.code), but the expression checked")
            case .failure(let failure):
                let first = try #require(failure.errors.first)
                #expect(first.code == wanted.code, "\(first.message)")
                #expect(first.offsets.lowerBound + 1 == wanted.column, "\(first.message)")
            }
            return
        }
        let checked = try outcome.get()
        let facts: Dossier
        if let node = testCase.facts {
            facts = try DossierDecoder(schema: testCase.schema).decodeFacts(node, file: testCase.file, label: "case").get()
        } else {
            facts = Dossier(file: testCase.file, id: "case", name: "case",
                            facts: SlotTable(count: testCase.schema.count),
                            citedSources: SlotTable(count: testCase.schema.count))
        }
        let program = Program(checked)
        let (value, fault) = program.evaluate(facts: facts.facts, today: testCase.asOf)
        if testCase.wantFault {
            #expect(fault != nil, "expected a fault, got \(value)")
            return
        }
        #expect(fault == nil, "unexpected fault: \(fault ?? "")")
        if let missing = testCase.wantUnknown {
            guard case .unknown(let mask) = value else {
                Issue.record("expected unknown, got \(value)")
                return
            }
            let paths = program.missingSlots(mask, facts: facts.facts).map { testCase.schema.declarations[$0].path }.sorted()
            #expect(paths == missing.sorted())
            return
        }
        let want = try #require(testCase.want, "a case needs want, want_unknown, want_fault or want_error")
        #expect(Self.matches(value, want.value), "got \(value)")
    }

    static func matches(_ value: Value, _ want: Node.Value) -> Bool {
        switch (value, want) {
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.number(let a), .float(let b)): return abs(a - b) < 1e-9
        case (.number(let a), .int(let b)): return abs(a - Double(b)) < 1e-9
        case (.string(let a), .string(let b)): return a == b
        case (.null, .null): return true
        case (.list(let items), .sequence(let nodes)):
            return items.count == nodes.count && zip(items, nodes).allSatisfy { matches($0, $1.value) }
        default: return false
        }
    }
}
