import ArbiterCore

/// The JSON of each rule's findings that depends only on the rule — its id, title,
/// category and severity, then its references and mitigations — rendered once per run.
///
/// A JSON audit writes every unknown and fired finding of every project, and these
/// parts were half of its bytes and a third of its writing time. A piece is used only
/// where it was rendered for: the finding's rule must be the same object, at the same
/// nesting; anything else is written item by item.
final class JSONFindingPieces: Sendable {
    struct RulePieces: Sendable {
        let rule: CompiledRule
        let head: JSONWriter.Piece
        let tail: JSONWriter.Piece
    }

    /// Nesting of a finding's items in a project chunk: project, packs, pack, findings,
    /// finding; chunks are indented two levels for their place in the report.
    static let itemDepth = 5
    static let baseDepth = 2

    private let pieces: [RulePieces]
    /// Each pack's first rule in `pieces`.
    private let packStarts: [String: Int]

    init(packs: [CompiledPack]) {
        var pieces: [RulePieces] = []
        var packStarts: [String: Int] = [:]
        for pack in packs {
            if packStarts[pack.id] == nil { packStarts[pack.id] = pieces.count }
            for rule in pack.rules {
                let head = JSONWriter.piece(depth: Self.itemDepth, baseDepth: Self.baseDepth, afterItem: false, opening: "{") {
                    JSONReporter.writeHead(of: rule, into: &$0)
                }
                let tail = JSONWriter.piece(depth: Self.itemDepth, baseDepth: Self.baseDepth, afterItem: true) {
                    JSONReporter.writeTail(of: rule, into: &$0)
                }
                pieces.append(RulePieces(rule: rule, head: head, tail: tail))
            }
        }
        self.pieces = pieces
        self.packStarts = packStarts
    }

    /// Where a pack's rules start, to look its findings up by position.
    func start(ofPack id: String) -> Int? { packStarts[id] }

    /// Where the pieces of the finding at `position` in its pack are, when they were
    /// rendered for that very rule. An index rather than the pieces: copying them out
    /// retained the rule and both buffers for every finding written.
    func index(packStart: Int?, position: Int, rule: CompiledRule) -> Int? {
        guard let packStart, packStart + position < pieces.count, pieces[packStart + position].rule === rule else { return nil }
        return packStart + position
    }

    /// Writes the head of the pieces at `index`; false when they do not fit this place.
    func openWithHead(_ index: Int, into json: inout JSONWriter) -> Bool {
        json.open(with: pieces[index].head)
    }

    /// Writes the tail of the pieces at `index`; false when they do not fit this place.
    func appendTail(_ index: Int, into json: inout JSONWriter) -> Bool {
        json.append(items: pieces[index].tail)
    }
}
