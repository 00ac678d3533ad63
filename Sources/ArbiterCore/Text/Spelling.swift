/// "Did you mean …?" suggestions, so a typo such as `facial_recogntion` points at the
/// field the analyst meant instead of silently becoming an unknown fact.
public enum Spelling {
    /// The closest candidate within a distance that scales with the word's length.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        let limit = distanceLimit(for: word)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word, candidate, limit: limit)
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// The largest edit distance a suggestion for `word` may be at. Counted in scalars
    /// like the distance, so a candidate whose length differs by more is never one.
    static func distanceLimit(for word: String) -> Int { max(2, word.count / 3) }

    public static func hint(for word: String, among candidates: some Sequence<String>) -> [Diagnostic.Note] {
        suggestion(for: word, among: candidates).map { [.hint("did you mean '\($0)'?")] } ?? []
    }

    /// Levenshtein distance, abandoning early once every path exceeds `limit`.
    static func editDistance(_ lhs: String, _ rhs: String, limit: Int) -> Int {
        // Lengths first: most candidates are ruled out before anything is copied.
        if abs(lhs.unicodeScalars.count - rhs.unicodeScalars.count) > limit { return limit + 1 }
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
