/// The mutable state of one evaluation: the dossier's facts, the evaluation date, the
/// step budget and the first fault. One per evaluation, never shared across threads.
package final class EvaluationContext {
    let facts: SlotTable<Fact>
    let today: Int
    private let budget: Int
    // Unchecked: one context serves one evaluation on one thread, and the run-time
    // exclusivity check on these fields was a tenth of evaluating a rule.
    @exclusivity(unchecked) private var steps = 0
    @exclusivity(unchecked) private(set) var fault: String?
    @exclusivity(unchecked) var boundItems: [Value] = []

    package init(facts: SlotTable<Fact>, today: Int, budget: Int) {
        self.facts = facts
        self.today = today
        self.budget = budget
    }

    /// Counts one step; false once the budget is spent, which ends in a fault.
    @inline(__always)
    func step() -> Bool {
        steps += 1
        if steps > budget {
            record("evaluation ran out of its step budget (\(budget) steps)")
            return false
        }
        return true
    }

    /// Steps left before the budget is spent.
    var remainingSteps: Int { max(0, budget - steps) }

    /// Counts `count` steps of work done at once (a pattern's search); false once the
    /// budget is spent, which ends in a fault.
    func spend(_ count: Int) -> Bool {
        steps += count
        if steps > budget {
            record("evaluation ran out of its step budget (\(budget) steps)")
            return false
        }
        return true
    }

    func record(_ message: String) {
        if fault == nil { fault = message }
    }

    func resetSteps() {
        steps = 0
    }

    /// Prepares the context for the next rule of the same dossier.
    func reset() {
        steps = 0
        // Checked first: this runs twice per rule, and clearing an already empty array
        // or an absent fault still went through the generic paths.
        if fault != nil { fault = nil }
        if !boundItems.isEmpty { boundItems.removeAll(keepingCapacity: true) }
    }
}
