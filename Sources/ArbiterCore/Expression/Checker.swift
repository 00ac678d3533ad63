/// Resolves an expression's paths against the declared inputs, infers types and
/// rejects what could never make sense (`a.flag > 3`, `deployment == "citywide"`),
/// without changing the parse tree.
package struct Checker {
    let schema: InputSchema
    let limits: ExpressionLimits
    private var errors: [ExpressionError] = []
    private var itemType: ExpressionType?
    /// Slots the expression reads, in first-read order, for evidence and `missing`.
    private var reads: [Int] = []

    init(schema: InputSchema, limits: ExpressionLimits) {
        self.schema = schema
        self.limits = limits
    }

    /// Checks `syntax`; when `expecting` is given the result must have that type.
    package static func check(_ syntax: Syntax, schema: InputSchema, expecting: ExpressionType? = nil,
                             limits: ExpressionLimits = ExpressionLimits()) -> Result<CheckedExpression, ExpressionFailure> {
        var checker = Checker(schema: schema, limits: limits)
        let (typed, type) = checker.check(syntax)
        if let expecting, checker.errors.isEmpty, type != expecting, type != .invalid {
            checker.errors.append(ExpressionError(
                "expr.type-mismatch", "condition must be true or false, but this is \(Self.article(type))",
                at: syntax.range, hints: type.isNumeric ? ["compare it, for example '… > 0'"] : []))
        }
        if !checker.errors.isEmpty { return .failure(ExpressionFailure(checker.errors)) }
        return .success(CheckedExpression(expression: typed, type: type, reads: checker.reads))
    }

    static func article(_ type: ExpressionType) -> String {
        switch type {
        case .int: "an int"
        case .enumeration: "an enum value"
        case .invalid: "invalid"
        case .emptyList: "an empty list"
        case .null: "null"
        default: "a \(type)"
        }
    }

    private mutating func fail(_ code: String, _ message: String, _ range: Range<Int>, hints: [String] = []) -> (TypedExpression, ExpressionType) {
        errors.append(ExpressionError(code, message, at: range, hints: hints))
        return (.literal(.null), .invalid)
    }

    // MARK: nodes

    mutating func check(_ syntax: Syntax) -> (TypedExpression, ExpressionType) {
        switch syntax.kind {
        case .literal(let value):
            switch value {
            case .bool: return (.literal(value), .bool)
            case .int: return (.literal(value), .int)
            case .number: return (.literal(value), .number)
            case .string: return (.literal(value), .string)
            default: return (.literal(.null), .null)
            }
        case .list(let items):
            return list(items, syntax.range)
        case .path(let components):
            return path(components, syntax.range)
        case .unary(.not, let operand):
            let (typed, type) = check(operand)
            guard type == .bool || type == .invalid else {
                return fail("expr.type-mismatch", "'not' needs true or false, but this is \(Self.article(type))", operand.range)
            }
            return (.not(typed), .bool)
        case .unary(.negate, let operand):
            let (typed, type) = check(operand)
            guard type.isNumeric else {
                return fail("expr.type-mismatch", "'-' needs a number, but this is \(Self.article(type))", operand.range)
            }
            return (.negate(typed), type)
        case .binary(let op, let lhs, let rhs):
            return binary(op, lhs, rhs, syntax.range)
        case .call(let name, let arguments):
            return call(name, arguments, syntax.range)
        }
    }

    private mutating func list(_ items: [Syntax], _ range: Range<Int>) -> (TypedExpression, ExpressionType) {
        guard !items.isEmpty else { return (.list([]), .emptyList) }
        var typed: [TypedExpression] = []
        var itemType: ExpressionType?
        for item in items {
            let (expression, type) = check(item)
            typed.append(expression)
            guard type != .invalid else { continue }
            if let known = itemType, known != type {
                if known.isNumeric && type.isNumeric { itemType = .number; continue }
                if known.isText && type.isText { itemType = .string; continue }
                return fail("expr.type-mismatch", "list items must share one type; found \(known) and \(type)", item.range)
            }
            itemType = itemType ?? type
        }
        return (.list(typed), .list(itemType ?? .invalid))
    }

    private mutating func path(_ components: [Syntax.PathComponent], _ range: Range<Int>) -> (TypedExpression, ExpressionType) {
        var names: [String] = []
        var index: Syntax.PathComponent?
        for (position, component) in components.enumerated() {
            switch component {
            case .name(let name):
                if index != nil {
                    return fail("expr.unknown-path", "list items have no field '\(name)'", range,
                                hints: ["lists in dossiers hold single values; use 'any(list, it == …)'"])
                }
                names.append(name)
            case .all, .index:
                guard index == nil, position > 0 else {
                    return fail("expr.syntax", "only one '[…]' may follow a list", range)
                }
                index = component
            }
        }
        if names == ["it"] {
            guard let itemType else {
                return fail("expr.unknown-path", "'it' names the item only inside any(list, …) or all(list, …)", range)
            }
            guard index == nil else { return fail("expr.type-mismatch", "'it' is a single item and cannot be indexed", range) }
            return (.boundItem, itemType)
        }
        let dotted = names.joined(separator: ".")
        guard let slot = schema.slot(of: dotted) else {
            if schema.isGroup(dotted) {
                return fail("expr.unknown-path", "'\(dotted)' is a group of facts, not a fact", range,
                            hints: ["facts under it: " + schema.names(under: dotted).map { dotted + "." + $0 }.joined(separator: ", ")])
            }
            let hint = Spelling.suggestion(for: dotted, among: schema.allPaths).map { ["did you mean '\($0)'?"] } ?? []
            return fail("expr.unknown-path", "unknown input '\(dotted)'", range,
                        hints: hint.isEmpty ? ["declare it under 'inputs:' in the pack"] : hint)
        }
        if !reads.contains(slot) { reads.append(slot) }
        let type = ExpressionType(schema.declarations[slot].type)
        switch index {
        case nil:
            return (.fact(slot: slot), type)
        case .all?:
            guard case .list = type else { return fail("expr.type-mismatch", "'[*]' needs a list, but '\(dotted)' is \(Self.article(type))", range) }
            return (.fact(slot: slot), type)
        case .index(let position)?:
            guard case .list(let item) = type else {
                return fail("expr.type-mismatch", "'[\(position)]' needs a list, but '\(dotted)' is \(Self.article(type))", range)
            }
            return (.element(slot: slot, index: position), item)
        default:
            return (.fact(slot: slot), type)
        }
    }

    private mutating func binary(_ op: Syntax.BinaryOperator, _ lhs: Syntax, _ rhs: Syntax, _ range: Range<Int>) -> (TypedExpression, ExpressionType) {
        let (left, leftType) = check(lhs)
        let (right, rightType) = check(rhs)
        if leftType == .invalid || rightType == .invalid { return (.literal(.null), .invalid) }
        switch op {
        case .and, .or:
            for (side, type) in [(lhs, leftType), (rhs, rightType)] where type != .bool {
                return fail("expr.type-mismatch", "'\(op.rawValue)' needs true or false on both sides, but this is \(Self.article(type))", side.range)
            }
            return (op == .and ? .and(left, right) : .or(left, right), .bool)
        case .equal, .notEqual:
            guard leftType.isComparable(with: rightType) else {
                return fail("expr.type-mismatch", "cannot compare \(Self.article(leftType)) with \(Self.article(rightType))", range)
            }
            if rightType == .null || leftType == .null {
                let operand = rightType == .null ? left : right
                let test = TypedExpression.isNull(operand)
                return (op == .equal ? test : .not(test), .bool)
            }
            checkEnumLiteral(leftType, rhs)
            checkEnumLiteral(rightType, lhs)
            return (.compare(op, left, right), .bool)
        case .less, .lessEqual, .greater, .greaterEqual:
            if leftType.isNumeric && rightType.isNumeric { return (.compare(op, left, right), .bool) }
            if leftType == .date || rightType == .date {
                let other = leftType == .date ? (rightType, rhs) : (leftType, lhs)
                if other.0 == .date { return (.compare(op, left, right), .bool) }
                if other.0 == .string, case .literal(.string(let text)) = other.1.kind, CivilDate(text) != nil {
                    return (.compare(op, left, right), .bool)
                }
                return fail("expr.type-mismatch", "a date compares only with a date or a \"YYYY-MM-DD\" literal", other.1.range)
            }
            return fail("expr.type-mismatch", "'\(op.rawValue)' compares numbers or dates, not \(Self.article(leftType)) and \(Self.article(rightType))", range)
        case .in:
            guard rightType.isList else {
                return fail("expr.type-mismatch", "'in' needs a list on its right, but this is \(Self.article(rightType))", rhs.range,
                            hints: ["write 'x in [\"a\", \"b\"]'"])
            }
            let item = rightType.itemType
            guard rightType == .emptyList || item.isComparable(with: leftType) else {
                return fail("expr.type-mismatch", "cannot look for \(Self.article(leftType)) in a list of \(item)", range)
            }
            if case .list(let literals) = rhs.kind {
                for literal in literals { checkEnumLiteral(leftType, literal) }
            } else {
                checkEnumLiteral(item, lhs)
            }
            return (.contains(element: left, list: right), .bool)
        case .add, .subtract, .multiply, .divide:
            for (side, type) in [(lhs, leftType), (rhs, rightType)] where !type.isNumeric {
                return fail("expr.type-mismatch", "'\(op.rawValue)' needs numbers, but this is \(Self.article(type))", side.range)
            }
            let integer = leftType == .int && rightType == .int && op != .divide
            return (.arithmetic(op, left, right, integer: integer), integer ? .int : .number)
        }
    }

    /// A string literal compared with an enum fact must be one of its values: a typo
    /// there would make the rule silently never fire.
    private mutating func checkEnumLiteral(_ type: ExpressionType, _ literal: Syntax) {
        guard case .enumeration(let values) = type, case .literal(.string(let text)) = literal.kind, !values.contains(text) else { return }
        let hint = Spelling.suggestion(for: text, among: values).map { "did you mean '\($0)'?" }
        errors.append(ExpressionError("expr.unknown-enum-value", "\"\(text)\" is not one of the declared values",
                                      at: literal.range, hints: (hint.map { [$0] } ?? []) + ["declared values: " + values.joined(separator: ", ")]))
    }

    // MARK: functions

    private mutating func call(_ name: String, _ arguments: [Syntax], _ range: Range<Int>) -> (TypedExpression, ExpressionType) {
        let names = ExpressionFunction.allCases.map(\.name).sorted()
        guard let function = ExpressionFunction(rawValue: name) else {
            let hint = Spelling.suggestion(for: name, among: names).map { ["did you mean '\($0)'?"] } ?? []
            return fail("expr.unknown-function", "unknown function '\(name)'", range, hints: hint + ["functions: " + names.joined(separator: ", ")])
        }
        let counts = function.arity
        guard counts.contains(arguments.count) else {
            let expected = counts.lowerBound == counts.upperBound ? "\(counts.lowerBound)" : "\(counts.lowerBound) to \(counts.upperBound)"
            errors.append(ExpressionError("expr.arity", "\(name) takes \(expected) argument\(counts.upperBound == 1 ? "" : "s"), found \(arguments.count)",
                                          at: range, hints: [function.usage]))
            return (.literal(.null), .invalid)
        }
        switch function {
        case .exists:
            guard case .path(let components) = arguments[0].kind else {
                return fail("expr.type-mismatch", "exists needs a fact path such as governance.dpia.performed", arguments[0].range)
            }
            let dotted = components.compactMap { if case .name(let name) = $0 { name } else { nil } }.joined(separator: ".")
            if schema.isGroup(dotted) {
                let slots = schema.slots(under: dotted)
                for slot in slots where !reads.contains(slot) { reads.append(slot) }
                return (.exists(slots), .bool)
            }
            let (typed, type) = check(arguments[0])
            guard type != .invalid else { return (.literal(.null), .invalid) }
            switch typed {
            case .fact(let slot), .element(let slot, _): return (.exists([slot]), .bool)
            default: return fail("expr.type-mismatch", "exists needs a fact path", arguments[0].range)
            }
        case .len:
            let (typed, type) = check(arguments[0])
            guard type.isList || type.isText else {
                return fail("expr.type-mismatch", "len needs a list or text, but this is \(Self.article(type))", arguments[0].range)
            }
            return (.length(typed), .int)
        case .sum:
            let (typed, type) = check(arguments[0])
            guard type == .emptyList || (type.isList && type.itemType.isNumeric) else {
                return fail("expr.type-mismatch", "sum needs a list of numbers, but this is \(Self.article(type))", arguments[0].range)
            }
            let integer = type.itemType == .int
            return (.sum(typed, integer: integer), integer ? .int : .number)
        case .min, .max:
            let checked = arguments.map { check($0) }
            if checked.count == 1 {
                let (typed, type) = checked[0]
                guard type.isList && type.itemType.isNumeric else {
                    return fail("expr.type-mismatch", "\(name) of one argument needs a list of numbers, but this is \(Self.article(type))", arguments[0].range)
                }
                return (.extremum(isMinimum: function == .min, [typed], overList: true, integer: type.itemType == .int), type.itemType)
            }
            for (argument, (_, type)) in zip(arguments, checked) where !type.isNumeric {
                return fail("expr.type-mismatch", "\(name) needs numbers, but this is \(Self.article(type))", argument.range)
            }
            let integer = checked.allSatisfy { $0.1 == .int }
            return (.extremum(isMinimum: function == .min, checked.map(\.0), overList: false, integer: integer), integer ? .int : .number)
        case .any, .all:
            let (list, listType) = check(arguments[0])
            guard listType.isList else {
                return fail("expr.type-mismatch", "\(name) needs a list, but this is \(Self.article(listType))", arguments[0].range)
            }
            if arguments.count == 1 {
                guard listType == .emptyList || listType.itemType == .bool || listType == .invalid else {
                    return fail("expr.type-mismatch", "\(name) of one argument needs a list of true/false values; pass a predicate as the second argument",
                                arguments[0].range, hints: ["for example \(name)(data.integrations, it == \"intelligence\")"])
                }
                return (.quantifier(isAny: function == .any, list, predicate: nil), .bool)
            }
            let outer = itemType
            itemType = listType.itemType
            let (predicate, predicateType) = check(arguments[1])
            itemType = outer
            guard predicateType == .bool || predicateType == .invalid else {
                return fail("expr.type-mismatch", "the predicate of \(name) must be true or false, but this is \(Self.article(predicateType))", arguments[1].range)
            }
            return (.quantifier(isAny: function == .any, list, predicate: predicate), .bool)
        case .matches:
            let (text, type) = check(arguments[0])
            guard type.isText else {
                return fail("expr.type-mismatch", "matches needs text, but this is \(Self.article(type))", arguments[0].range)
            }
            guard case .literal(.string(let source)) = arguments[1].kind else {
                return fail("expr.type-mismatch", "the pattern of matches must be a string literal, so it is compiled once when the pack loads", arguments[1].range)
            }
            do {
                let pattern = try SafePattern(source, maxLength: limits.maxPatternLength)
                return (.matches(text, pattern), .bool)
            } catch {
                // Offsets inside the pattern sit one past the opening quote.
                let base = arguments[1].range.lowerBound + 1
                let shifted = (base + error.offsets.lowerBound)..<(base + max(error.offsets.upperBound, error.offsets.lowerBound + 1))
                errors.append(ExpressionError(error.code, error.message, at: shifted, hints: error.hints))
                return (.literal(.null), .invalid)
            }
        case .lower:
            let (text, type) = check(arguments[0])
            guard type.isText else { return fail("expr.type-mismatch", "lower needs text, but this is \(Self.article(type))", arguments[0].range) }
            return (.lower(text), .string)
        case .daysSince:
            let (date, type) = check(arguments[0])
            if type == .date { return (.daysSince(date), .int) }
            if case .literal(.string(let text)) = arguments[0].kind, CivilDate(text) != nil { return (.daysSince(date), .int) }
            return fail("expr.type-mismatch", "days_since needs a date, but this is \(Self.article(type))", arguments[0].range)
        }
    }
}

/// An expression that passed the checker, ready to become a `Program`.
package struct CheckedExpression: Sendable {
    let expression: TypedExpression
    package let type: ExpressionType
    /// Schema slots the expression reads, in the order it first reads them.
    package let reads: [Int]

    /// True when the expression is one fact path and nothing else.
    package var isBareFact: Bool {
        if case .fact = expression { return true }
        return false
    }
}
