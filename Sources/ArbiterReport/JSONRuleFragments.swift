import ArbiterCore

/// The JSON of each rule's own keys in a finding (its id, title, category and
/// severity first; its references and mitigations last), written once per run by
/// `JSONReporter.writeRuleHead` and `writeRuleTail` and spliced into every finding.
///
/// Findings sit at one place in every project chunk (`JSONReporter.findingDepth`), so
/// one rendering serves every finding of the rule; a rule the table lacks is rendered
/// for the finding at hand by the same two functions. These keys were half the bytes
/// of a JSON audit, and writing them key by key for every finding cost a JSON audit
/// about a seventh of its speed.
final class JSONRuleFragments: Sendable {
    private let rules: [CompiledRule]
    private let bytes: [UInt8]
    /// Per rule, where its head and tail items lie in `bytes`.
    private let spans: [Span]
    private let positions: [ObjectIdentifier: Int]

    struct Span: Sendable {
        var head: Range<Int>
        var tail: Range<Int>
    }

    init(rules: [CompiledRule]) {
        var bytes: [UInt8] = []
        var spans: [Span] = []
        var positions: [ObjectIdentifier: Int] = [:]
        for rule in rules where positions[ObjectIdentifier(rule)] == nil {
            positions[ObjectIdentifier(rule)] = spans.count
            let head = Self.render(rule, afterItem: false, JSONReporter.writeRuleHead)
            let tail = Self.render(rule, afterItem: true, JSONReporter.writeRuleTail)
            spans.append(Span(head: bytes.count..<(bytes.count + head.count),
                              tail: (bytes.count + head.count)..<(bytes.count + head.count + tail.count)))
            bytes += head
            bytes += tail
        }
        self.rules = rules
        self.bytes = bytes
        self.spans = spans
        self.positions = positions
    }

    private static func render(_ rule: CompiledRule, afterItem: Bool, _ write: (CompiledRule, inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(itemsAtDepth: JSONReporter.findingDepth, baseDepth: JSONReporter.chunkBaseDepth, afterItem: afterItem)
        write(rule, &writer)
        return writer.bytes
    }

    /// Writes the rule's head items into the finding object just opened.
    func writeHead(of rule: CompiledRule, into json: inout JSONWriter) {
        write(rule, into: &json, head: true)
    }

    /// Writes the rule's tail items after the finding's other items.
    func writeTail(of rule: CompiledRule, into json: inout JSONWriter) {
        write(rule, into: &json, head: false)
    }

    private func write(_ rule: CompiledRule, into json: inout JSONWriter, head: Bool) {
        let place = json.place
        guard let position = positions[ObjectIdentifier(rule)],
              place.depth == JSONReporter.findingDepth, place.baseDepth == JSONReporter.chunkBaseDepth, place.holdsItem != head else {
            // Not rendered for this rule or this place: the same functions, in place.
            if head { JSONReporter.writeRuleHead(rule, &json) } else { JSONReporter.writeRuleTail(rule, &json) }
            return
        }
        let span = head ? spans[position].head : spans[position].tail
        bytes.withUnsafeBufferPointer { json.splice(items: UnsafeBufferPointer(rebasing: $0[span])) }
    }
}
