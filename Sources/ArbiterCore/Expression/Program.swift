/// A checked expression compiled to closures once per pack load and evaluated for
/// every dossier without re-parsing. Immutable and `Sendable`: one program serves
/// every worker thread.
///
/// Run-time surprises (division by zero, an index past the end, integer overflow, an
/// exhausted step budget) are faults: the result is `unknown` and the fault message
/// is reported on the finding. They never trap.
package struct Program: Sendable {
    typealias Thunk = @Sendable (EvaluationContext) -> Value

    let thunk: Thunk
    package let type: ExpressionType
    package let reads: [Int]

    package init(_ checked: CheckedExpression) {
        var bits: [Int: UInt64] = [:]
        for (index, slot) in checked.reads.enumerated() { bits[slot] = 1 << UInt64(min(index, 63)) }
        thunk = Self.compile(checked.expression, bits: bits)
        type = checked.type
        reads = checked.reads
    }

    /// Evaluates against one dossier's facts. `today` is the evaluation date.
    package func evaluate(facts: SlotTable<Fact>, today: CivilDate, stepBudget: Int = ExpressionLimits().stepBudget) -> (value: Value, fault: String?) {
        let context = EvaluationContext(facts: facts, today: today.dayNumber, budget: stepBudget)
        let value = thunk(context)
        return (context.fault == nil ? value : .unknown(0), context.fault)
    }

    /// Evaluates against a dossier's facts.
    package func evaluate(on dossier: Dossier, today: CivilDate, stepBudget: Int = ExpressionLimits().stepBudget) -> (value: Value, fault: String?) {
        evaluate(facts: dossier.facts, today: today, stepBudget: stepBudget)
    }

    func run(_ context: EvaluationContext) -> Value { thunk(context) }

    /// The slots behind an unknown value's bitmask. The 64th bit stands for every read
    /// from the 64th on, so programs that read more facts stay correct, if less precise.
    package func missingSlots(_ mask: UInt64, facts: SlotTable<Fact>) -> [Int] {
        reads.enumerated().compactMap { index, slot in
            mask & (1 << UInt64(min(index, 63))) != 0 && !facts.isSet(slot) ? slot : nil
        }
    }

    // MARK: compilation

    static func compile(_ expression: TypedExpression, bits: [Int: UInt64]) -> Thunk {
        func compile(_ expression: TypedExpression) -> Thunk { Program.compile(expression, bits: bits) }
        switch expression {
        case .literal(let value):
            return { _ in value }
        case .list(let items):
            // A list of literals (`x in ["a", "b"]`) is built once, not for every dossier.
            if let constant = constantList(items) { return { _ in constant } }
            let thunks = items.map(compile)
            return { context in
                var values: [Value] = []
                values.reserveCapacity(thunks.count)
                var missing: UInt64 = 0
                var unknown = false
                for thunk in thunks {
                    let value = thunk(context)
                    if case .unknown(let mask) = value { missing |= mask; unknown = true } else { values.append(value) }
                }
                return !unknown && context.fault == nil ? .list(values) : .unknown(missing)
            }
        case .fact(let slot):
            let bit = bits[slot] ?? 0
            return { context in context.facts[slot]?.value ?? .unknown(bit) }
        case .element(let slot, let index):
            let bit = bits[slot] ?? 0
            return { context in
                guard let fact = context.facts[slot] else { return .unknown(bit) }
                guard case .list(let items) = fact.value, items.indices.contains(index) else {
                    context.record("index \(index) is past the end of a list")
                    return .unknown(0)
                }
                return items[index]
            }
        case .boundItem:
            return { context in context.boundItems.last ?? .unknown(0) }
        case .not(let operand):
            let inner = compile(operand)
            return { context in
                switch inner(context) {
                case .bool(let flag): .bool(!flag)
                case let other: other
                }
            }
        case .negate(let operand):
            let inner = compile(operand)
            return { context in
                switch inner(context) {
                case .int(let number) where number != .min: .int(-number)
                case .number(let number): .number(-number)
                case .int:
                    { context.record("integer overflow"); return .unknown(0) }()
                case let other: other
                }
            }
        case .and(let lhs, let rhs):
            return logical(compile(lhs), compile(rhs), decisive: false)
        case .or(let lhs, let rhs):
            return logical(compile(lhs), compile(rhs), decisive: true)
        case .compare(let op, .fact(let slot), .literal(let constant)):
            // The usual shape, `fact op literal`: the fact is compared where it is stored,
            // with no copy of it and no call to fetch either side.
            let bit = bits[slot] ?? 0
            return { context in
                guard context.step() else { return .unknown(0) }
                return context.facts.withElement(at: slot) { compare(op, $0.value, constant) } ?? .unknown(bit)
            }
        case .compare(let op, let lhs, .literal(let constant)):
            // A literal right-hand side is held, not fetched by a call.
            let left = compile(lhs)
            return { context in
                guard context.step() else { return .unknown(0) }
                return compare(op, left(context), constant)
            }
        case .compare(let op, let lhs, let rhs):
            let left = compile(lhs)
            let right = compile(rhs)
            return { context in
                guard context.step() else { return .unknown(0) }
                return compare(op, left(context), right(context))
            }
        case .isNull(let operand):
            let inner = compile(operand)
            return { context in
                switch inner(context) {
                case .unknown, .null: .bool(true)
                default: .bool(false)
                }
            }
        case .contains(let element, .list(let items)) where constantList(items) != nil:
            guard case .list(let values)? = constantList(items) else { preconditionFailure("checked by the pattern") }
            let needle = compile(element)
            return { context in
                let value = needle(context)
                if case .unknown = value { return value }
                return .bool(values.contains { equal($0, value) })
            }
        case .contains(let element, let list):
            let needle = compile(element)
            let haystack = compile(list)
            return { context in
                let value = needle(context)
                let items = haystack(context)
                if let missing = unknownSlots(value, items) { return .unknown(missing) }
                guard case .list(let values) = items else { return .unknown(0) }
                return .bool(values.contains { equal($0, value) })
            }
        case .arithmetic(let op, let lhs, let rhs, let integer):
            return arithmetic(op, compile(lhs), compile(rhs), integer: integer)
        case .exists(let slots):
            return { context in .bool(slots.contains(where: context.facts.isSet)) }
        case .length(let operand):
            let inner = compile(operand)
            return { context in
                switch inner(context) {
                case .list(let items): .int(items.count)
                case .string(let text): .int(text.count)
                case let other: other
                }
            }
        case .sum(let operand, let integer):
            let inner = compile(operand)
            return { context in
                let value = inner(context)
                guard case .list(let items) = value else { return value }
                if integer {
                    var total = 0
                    for case .int(let number) in items {
                        let (sum, overflow) = total.addingReportingOverflow(number)
                        if overflow { context.record("integer overflow in sum"); return .unknown(0) }
                        total = sum
                    }
                    return .int(total)
                }
                let total = items.reduce(0) { $0 + ($1.numeric ?? 0) }
                // As in arithmetic: an infinite total is a fault, not a value.
                guard total.isFinite else {
                    context.record("arithmetic overflow: the sum is too large to compute with")
                    return .unknown(0)
                }
                return .number(total)
            }
        case .extremum(let isMinimum, let operands, let overList, let integer):
            return extremum(isMinimum: isMinimum, operands.map(compile), overList: overList, integer: integer)
        case .quantifier(let isAny, let list, let predicate):
            return quantifier(isAny: isAny, compile(list), predicate.map(compile))
        case .matches(let operand, let pattern):
            let inner = compile(operand)
            return { context in
                switch inner(context) {
                case .string(let text):
                    // Held to the budget while it runs, so a hostile pattern stops early.
                    let (matched, steps) = pattern.matches(text, stepLimit: context.remainingSteps)
                    guard context.spend(steps), let matched else { return .unknown(0) }
                    return .bool(matched)
                case let other: return other
                }
            }
        case .lower(let operand):
            let inner = compile(operand)
            return { context in
                switch inner(context) {
                case .string(let text): .string(text.lowercased())
                case let other: other
                }
            }
        case .daysSince(let operand):
            let inner = compile(operand)
            return { context in
                switch inner(context) {
                case .string(let text):
                    guard let date = CivilDate(text) else {
                        context.record("'\(text)' is not a date")
                        return .unknown(0)
                    }
                    return .int(context.today - date.dayNumber)
                case let other: return other
                }
            }
        }
    }

    /// Kleene `and` (`decisive == false`) and `or` (`decisive == true`): the first
    /// operand that equals `decisive` settles the result even when the other is unknown.
    private static func logical(_ lhs: @escaping Thunk, _ rhs: @escaping Thunk, decisive: Bool) -> Thunk {
        return { context in
            guard context.step() else { return .unknown(0) }
            let left = lhs(context)
            if case .bool(let flag) = left, flag == decisive { return left }
            let right = rhs(context)
            if case .bool(let flag) = right, flag == decisive { return right }
            if case .unknown(let a) = left {
                if case .unknown(let b) = right { return .unknown(a | b) }
                return left
            }
            return right
        }
    }

    private static func unknownSlots(_ lhs: Value, _ rhs: Value) -> UInt64? {
        // Two single matches rather than one over a tuple, which copied both values.
        if case .unknown(let a) = lhs {
            if case .unknown(let b) = rhs { return a | b }
            return a
        }
        if case .unknown(let b) = rhs { return b }
        return nil
    }

    /// Equality as comparisons and `in` define it: numbers by value (`1 == 1.0`),
    /// anything else only with a value of the same kind.
    static func equal(_ lhs: Value, _ rhs: Value) -> Bool {
        switch lhs {
        case .string(let a):
            if case .string(let b) = rhs { return a == b }
            return false
        case .int(let a):
            // As doubles, like ordering, so that `==`, `<` and `>` always agree.
            switch rhs {
            case .int(let b): return Double(a) == Double(b)
            case .number(let b): return Double(a) == b
            default: return false
            }
        case .number(let a):
            switch rhs {
            case .int(let b): return a == Double(b)
            case .number(let b): return a == b
            default: return false
            }
        default:
            return lhs == rhs
        }
    }

    /// `items` as one list value when every item is a literal.
    private static func constantList(_ items: [TypedExpression]) -> Value? {
        var values: [Value] = []
        values.reserveCapacity(items.count)
        for item in items {
            guard case .literal(let value) = item else { return nil }
            values.append(value)
        }
        return .list(values)
    }

    /// Compares two evaluated operands: numbers by value, text by code points, anything
    /// else only for (in)equality; an unknown operand makes the result unknown.
    private static func compare(_ op: Syntax.BinaryOperator, _ left: Value, _ right: Value) -> Value {
        if let missing = unknownSlots(left, right) { return .unknown(missing) }
        // Equality needs one comparison; ordering text both ways first had cost two.
        switch op {
        case .equal: return .bool(equal(left, right))
        case .notEqual: return .bool(!equal(left, right))
        default: break
        }
        let order: Int?
        if let a = left.numeric, let b = right.numeric {
            order = a < b ? -1 : (a > b ? 1 : (a == b ? 0 : nil))
        } else if case .string(let a) = left, case .string(let b) = right {
            order = a < b ? -1 : (a > b ? 1 : 0)
        } else {
            order = left == right ? 0 : nil
        }
        switch op {
        case .less: return order.map { .bool($0 < 0) } ?? .bool(false)
        case .lessEqual: return order.map { .bool($0 <= 0) } ?? .bool(false)
        case .greater: return order.map { .bool($0 > 0) } ?? .bool(false)
        default: return order.map { .bool($0 >= 0) } ?? .bool(false)
        }
    }

    private static func arithmetic(_ op: Syntax.BinaryOperator, _ lhs: @escaping Thunk, _ rhs: @escaping Thunk, integer: Bool) -> Thunk {
        return { context in
            guard context.step() else { return .unknown(0) }
            let left = lhs(context)
            let right = rhs(context)
            if let missing = unknownSlots(left, right) { return .unknown(missing) }
            if integer, case .int(let a) = left, case .int(let b) = right {
                let (result, overflow) = switch op {
                case .add: a.addingReportingOverflow(b)
                case .subtract: a.subtractingReportingOverflow(b)
                default: a.multipliedReportingOverflow(by: b)
                }
                if overflow {
                    context.record("integer overflow in '\(op.rawValue)'")
                    return .unknown(0)
                }
                return .int(result)
            }
            guard let a = left.numeric, let b = right.numeric else { return .unknown(0) }
            let result: Double
            switch op {
            case .add: result = a + b
            case .subtract: result = a - b
            case .multiply: result = a * b
            default:
                guard b != 0 else {
                    context.record("division by zero")
                    return .unknown(0)
                }
                result = a / b
            }
            // Past the largest double the result is infinite (or, from infinities, not a
            // number). That is a fault, as an integer overflow is, rather than a value: an
            // analyst reads "the loan is inf % of GDP" as an error in the data, not as a
            // measurement, and an infinite share would fire every threshold above it.
            guard result.isFinite else {
                context.record("arithmetic overflow: the result of '\(op.rawValue)' is too large to compute with")
                return .unknown(0)
            }
            return .number(result)
        }
    }

    private static func extremum(isMinimum: Bool, _ operands: [Thunk], overList: Bool, integer: Bool) -> Thunk {
        return { context in
            var values: [Value] = []
            var missing: UInt64 = 0
            var unknown = false
            for operand in operands {
                let value = operand(context)
                if case .unknown(let mask) = value { missing |= mask; unknown = true; continue }
                if overList, case .list(let items) = value { values += items } else { values.append(value) }
            }
            if unknown { return .unknown(missing) }
            guard !values.isEmpty else {
                context.record("\(isMinimum ? "min" : "max") of an empty list")
                return .unknown(0)
            }
            // Integers are compared as integers: through a Double, the largest ones round
            // past Int.max and could not be turned back.
            if integer {
                let integers = values.compactMap { value -> Int? in if case .int(let number) = value { number } else { nil } }
                if integers.count == values.count, let best = isMinimum ? integers.min() : integers.max() { return .int(best) }
            }
            let numbers = values.compactMap(\.numeric)
            guard let best = isMinimum ? numbers.min() : numbers.max() else { return .unknown(0) }
            if integer {
                guard let exact = Int(exactly: best) else {
                    context.record("\(isMinimum ? "min" : "max") is out of the integer range")
                    return .unknown(0)
                }
                return .int(exact)
            }
            return .number(best)
        }
    }

    /// `any` is a Kleene `or` over the items, `all` a Kleene `and`.
    private static func quantifier(isAny: Bool, _ list: @escaping Thunk, _ predicate: Thunk?) -> Thunk {
        return { context in
            let value = list(context)
            guard case .list(let items) = value else { return value }
            var missing: UInt64?
            for item in items {
                guard context.step() else { return .unknown(0) }
                let outcome: Value
                if let predicate {
                    context.boundItems.append(item)
                    outcome = predicate(context)
                    context.boundItems.removeLast()
                } else {
                    outcome = item
                }
                switch outcome {
                case .bool(let flag) where flag == isAny: return outcome
                case .unknown(let mask): missing = (missing ?? 0) | mask
                default: break
                }
            }
            return missing.map { .unknown($0) } ?? .bool(!isAny)
        }
    }
}
