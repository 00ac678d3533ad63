/// What a pack's rules compare each fact with, read from their checked conditions: the
/// values at which a rule can change its outcome. The planner tries these and nothing
/// else, since between two thresholds no rule can tell one value from another.
///
/// A fact used in any other way (arithmetic with other facts, sums, lengths of lists,
/// text patterns) has breakpoints that depend on more than literals; such a fact is
/// marked inexact and its candidates are the best the literals give.
struct FactThresholds {
    /// Numbers a fact is compared with, as written in the rules (and scale bounds).
    private(set) var numbers: [Int: Set<Double>] = [:]
    /// Texts a fact (or an item of it) is compared with or looked up in.
    private(set) var texts: [Int: Set<String>] = [:]
    /// Day counts a date fact is compared with through `days_since`.
    private(set) var days: [Int: Set<Int>] = [:]
    /// Facts read in a way thresholds cannot summarise.
    private(set) var inexact: Set<Int> = []

    init(rules: [CompiledRule]) {
        for rule in rules {
            visit(rule.checkedCondition.expression)
            if let scale = rule.scale, let slot = scale.slot {
                numbers[slot, default: []].formUnion([scale.from, scale.to])
            }
        }
    }

    func isExact(_ slot: Int) -> Bool { !inexact.contains(slot) }

    private mutating func visit(_ expression: TypedExpression) {
        switch expression {
        case .literal, .boundItem, .exists, .fact, .element:
            // A fact read whole is a boolean condition: its values are all there is.
            return
        case .list(let items):
            items.forEach { visit($0) }
        case .not(let inner), .negate(let inner), .isNull(let inner), .lower(let inner):
            visit(inner)
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            visit(lhs)
            visit(rhs)
        case .compare(_, let lhs, let rhs):
            if !threshold(lhs, rhs), !threshold(rhs, lhs) {
                markInexact(lhs)
                markInexact(rhs)
            }
        case .contains(let element, let list):
            if let slot = Self.slot(of: element), case .list(let items) = list {
                for case .literal(.string(let text)) in items { texts[slot, default: []].insert(text) }
                if !items.allSatisfy({ if case .literal = $0 { true } else { false } }) { inexact.insert(slot) }
            } else if let slot = Self.slot(of: list), case .literal(.string(let text)) = element {
                texts[slot, default: []].insert(text)
            } else {
                markInexact(element)
                markInexact(list)
            }
        case .quantifier(_, let list, let predicate):
            markInexact(list)
            if let predicate { markInexact(predicate) }
        case .arithmetic(_, let lhs, let rhs, _):
            markInexact(lhs)
            markInexact(rhs)
        case .length(let inner), .sum(let inner, _), .daysSince(let inner), .matches(let inner, _):
            markInexact(inner)
        case .extremum(_, let operands, _, _):
            operands.forEach { markInexact($0) }
        }
    }

    /// `fact op literal`, or `days_since(fact) op literal`: records the threshold.
    private mutating func threshold(_ side: TypedExpression, _ other: TypedExpression) -> Bool {
        guard case .literal(let literal) = other else { return false }
        if let slot = Self.slot(of: side) {
            switch literal {
            case .int(let number): numbers[slot, default: []].insert(Double(number))
            case .number(let number): numbers[slot, default: []].insert(number)
            case .string(let text): texts[slot, default: []].insert(text)
            case .bool, .null: break
            default: return false
            }
            return true
        }
        if case .daysSince(let inner) = side, let slot = Self.slot(of: inner), case .int(let count) = literal {
            days[slot, default: []].insert(count)
            return true
        }
        return false
    }

    private mutating func markInexact(_ expression: TypedExpression) {
        switch expression {
        case .fact(let slot), .element(let slot, _): inexact.insert(slot)
        default: Self.children(of: expression).forEach { markInexact($0) }
        }
    }

    private static func slot(of expression: TypedExpression) -> Int? {
        switch expression {
        case .fact(let slot), .element(let slot, _): slot
        default: nil
        }
    }

    private static func children(of expression: TypedExpression) -> [TypedExpression] {
        switch expression {
        case .literal, .boundItem, .exists, .fact, .element: []
        case .list(let items): items
        case .not(let inner), .negate(let inner), .isNull(let inner), .lower(let inner), .length(let inner),
             .sum(let inner, _), .daysSince(let inner), .matches(let inner, _):
            [inner]
        case .and(let lhs, let rhs), .or(let lhs, let rhs), .compare(_, let lhs, let rhs), .arithmetic(_, let lhs, let rhs, _):
            [lhs, rhs]
        case .contains(let element, let list): [element, list]
        case .quantifier(_, let list, let predicate): [list] + (predicate.map { [$0] } ?? [])
        case .extremum(_, let operands, _, _): operands
        }
    }
}
