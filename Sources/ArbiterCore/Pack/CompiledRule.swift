/// A rule ready to evaluate: its condition, scale and message compiled against the
/// schema of every loaded pack.
///
/// A class, immutable and shared: every finding refers to its rule instead of copying
/// the rule's texts, which keeps evaluating thousands of dossiers cheap.
public final class CompiledRule: Sendable, Hashable {
    /// `scale:` — a numeric expression over the dossier's facts (`surveillance.cameras`,
    /// or a ratio such as `financing.amount_usd / country_context.gdp_usd * 100`) and
    /// the two values between which the rule's contribution grows from 0 to its weight.
    public struct Scale: Sendable {
        /// The expression as written.
        public var text: String
        /// The slot it reads when it is a bare fact path, for analyses that need the fact.
        public var slot: Int?
        /// Slots the expression reads, in the order it first reads them.
        public var reads: [Int]
        public var from: Double
        public var to: Double
        let program: Program

        init(text: String, checked: CheckedExpression, from: Double, to: Double) {
            self.text = text
            self.reads = checked.reads
            self.slot = checked.reads.count == 1 && checked.isBareFact ? checked.reads[0] : nil
            self.from = from
            self.to = to
            self.program = Program(checked)
        }

        /// The share of the weight a value earns: 0 at `from`, 1 at `to`, clamped.
        public func coefficient(_ value: Double) -> Double {
            min(1, max(0, (value - from) / (to - from)))
        }
    }

    public let id: String
    public let pack: String
    public let title: String
    public let category: String
    /// Position of `category` in the pack's category list, for scoring without lookups.
    public let categoryIndex: Int
    public let severity: Severity
    public let weight: Double
    public let scale: Scale?
    public let rationale: String
    public let references: [Reference]
    public let mitigations: [String]
    /// The mitigations with the facts each changes, where the pack says (`set:`).
    package let levers: [Mitigation]
    public let enforceFrom: CivilDate?
    package let file: String
    package let range: SourceRange
    /// The `when` text as written, for `arbiter explain`.
    package let conditionText: String
    /// The `applies` text as written (the relevance guard); nil when the rule has none.
    package let appliesText: String?
    /// Slots the condition and scale read, most specific first: the rule's evidence.
    package let reads: [Int]
    package let fires: [Dossier]
    package let passes: [Dossier]
    /// For each position in `reads`, the bit an unknown condition result sets when that
    /// fact is one it lacks; 0 for facts only the scale reads.
    let conditionBits: [UInt64]
    let condition: Program
    /// The relevance guard alone: where it is false the rule is not applicable.
    let applicability: Program?
    package let checkedApplicability: CheckedExpression?
    /// The condition without the guard, for when the guard is known to hold: evaluating
    /// the guard twice cost a tenth of evaluation once every rule had one.
    let conditionAlone: Program?
    let checkedConditionAlone: CheckedExpression?
    /// The checked tree the condition was compiled from, kept for analyses that need
    /// its structure, such as the thresholds it compares facts with.
    package let checkedCondition: CheckedExpression
    let message: MessageTemplate

    init(id: String, pack: String, title: String, category: String, categoryIndex: Int = 0, severity: Severity, weight: Double,
         scale: Scale?, rationale: String, references: [Reference], mitigations: [String], levers: [Mitigation] = [], enforceFrom: CivilDate?,
         file: String, range: SourceRange, conditionText: String, appliesText: String? = nil, reads: [Int], fires: [Dossier],
         passes: [Dossier], condition: CheckedExpression, applicability: CheckedExpression? = nil,
         conditionAlone: CheckedExpression? = nil, message: MessageTemplate) {
        self.id = id
        self.pack = pack
        self.title = title
        self.category = category
        self.categoryIndex = categoryIndex
        self.severity = severity
        self.weight = weight
        self.scale = scale
        self.rationale = rationale
        self.references = references
        self.mitigations = mitigations
        self.levers = levers.isEmpty ? mitigations.map { Mitigation(text: $0) } : levers
        self.enforceFrom = enforceFrom
        self.file = file
        self.range = range
        self.conditionText = conditionText
        self.appliesText = appliesText
        self.applicability = applicability.map(Program.init)
        self.checkedApplicability = applicability
        self.conditionAlone = conditionAlone.map(Program.init)
        self.checkedConditionAlone = conditionAlone
        self.reads = reads
        self.fires = fires
        self.passes = passes
        self.condition = Program(condition)
        self.checkedCondition = condition
        self.message = message
        conditionBits = reads.map { slot in condition.reads.firstIndex(of: slot).map { 1 << UInt64(min($0, 63)) } ?? 0 }
    }

    /// A copy with its reads reordered and its category placed, made once at load.
    func with(reads: [Int], categoryIndex: Int) -> CompiledRule {
        CompiledRule(id: id, pack: pack, title: title, category: category, categoryIndex: categoryIndex, severity: severity,
                     weight: weight, scale: scale, rationale: rationale, references: references, mitigations: mitigations,
                     levers: levers, enforceFrom: enforceFrom, file: file, range: range, conditionText: conditionText,
                     appliesText: appliesText, reads: reads, fires: fires, passes: passes, condition: checkedCondition,
                     applicability: checkedApplicability, conditionAlone: checkedConditionAlone, message: message)
    }

    public static func == (lhs: CompiledRule, rhs: CompiledRule) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
