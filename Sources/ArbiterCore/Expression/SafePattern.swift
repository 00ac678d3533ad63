/// A regular expression that runs in time linear in its input, whatever the pattern.
///
/// Packs are untrusted: a backtracking engine can be made to run for years by a
/// pattern such as `(a+)+$`. This one compiles to a small instruction list and runs
/// it as a Pike VM (all threads advance together), the approach RE2 and cel-go use.
/// Supported: literals, `.`, classes `[a-z]` and `[^…]`, `\d \w \s \D \W \S`,
/// escapes, groups `( )` and `(?: )`, `|`, `* + ?`, `{m}`, `{m,}`, `{m,n}`, `^ $`.
package struct SafePattern: Sendable, Hashable {
    enum Instruction: Hashable, Sendable {
        case scalar(Unicode.Scalar)
        case any
        case set([ClosedRange<UInt32>], negated: Bool)
        case split(Int, Int)
        case jump(Int)
        case start
        case end
        case match
    }

    package let source: String
    let program: [Instruction]

    /// Compiles `source`, or explains the problem with the offset it occurred at.
    package init(_ source: String, maxLength: Int = 256, maxProgram: Int = 4_096) throws(ExpressionError) {
        let scalars = Array(source.unicodeScalars)
        guard scalars.count <= maxLength else {
            throw ExpressionError("expr.invalid-regex", "pattern is longer than \(maxLength) characters", at: 0..<scalars.count)
        }
        var parser = PatternParser(scalars: scalars)
        let tree = try parser.parse()
        var compiler = PatternCompiler(maxProgram: maxProgram)
        try compiler.emit(tree)
        compiler.program.append(.match)
        self.source = source
        self.program = compiler.program
    }

    /// True when the pattern matches anywhere in `text`.
    package func matches(_ text: String) -> Bool {
        matches(text, stepLimit: .max).matched ?? false
    }

    /// Thread visits one step of an evaluation's budget pays for. A visit compares one
    /// character, a tenth of what an expression step does: the ratio cel-go charges for
    /// traversing text. An ordinary pattern keeps a handful of threads, so the longest
    /// value a dossier may hold fits in the budget; thousands of threads do not.
    static let visitsPerStep = 10

    /// Like `matches(_:)`, but gives up once the search has cost more than `stepLimit`
    /// steps, and says what it spent: the linear time of a Pike VM is still the text's
    /// length times the program's, and a hostile pack can make both large.
    /// `matched` is nil when the limit was reached.
    func matches(_ text: String, stepLimit: Int) -> (matched: Bool?, steps: Int) {
        let input = Array(text.unicodeScalars)
        var current = ThreadList(capacity: program.count)
        var next = ThreadList(capacity: program.count)
        var stack: [Int] = []
        let visitLimit = stepLimit.multipliedReportingOverflow(by: Self.visitsPerStep)
        let allowed = visitLimit.overflow ? Int.max : visitLimit.partialValue
        var visits = 0
        func spent() -> Int { (visits + Self.visitsPerStep - 1) / Self.visitsPerStep }
        for position in 0...input.count {
            // Unanchored search: a new thread starts at every position.
            if addThread(0, at: position, count: input.count, to: &current, stack: &stack) { return (true, spent()) }
            visits += current.items.count
            if visits > allowed { return (nil, spent()) }
            if position == input.count { break }
            next.clear()
            let scalar = input[position]
            for pc in current.items {
                let advances: Bool
                switch program[pc] {
                case .scalar(let expected): advances = expected == scalar
                case .any: advances = scalar != "\n"
                case .set(let ranges, let negated): advances = ranges.contains { $0.contains(scalar.value) } != negated
                default: advances = false
                }
                if advances, addThread(pc + 1, at: position + 1, count: input.count, to: &next, stack: &stack) {
                    return (true, spent())
                }
            }
            swap(&current, &next)
        }
        return (false, spent())
    }

    /// Follows jumps, splits and anchors from `pc`; returns true on reaching `match`.
    private func addThread(_ pc: Int, at position: Int, count: Int, to list: inout ThreadList, stack: inout [Int]) -> Bool {
        stack.removeAll(keepingCapacity: true)
        stack.append(pc)
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            switch program[pc] {
            case .match: return true
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .start: if position == 0 { stack.append(pc + 1) }
            case .end: if position == count { stack.append(pc + 1) }
            default: break
            }
        }
        return false
    }

    /// A sparse set of program counters, cleared in constant time.
    private struct ThreadList {
        var items: [Int] = []
        var seen: [Bool]

        init(capacity: Int) { seen = Array(repeating: false, count: capacity) }

        mutating func insert(_ pc: Int) -> Bool {
            if seen[pc] { return false }
            seen[pc] = true
            items.append(pc)
            return true
        }

        mutating func clear() {
            for pc in items { seen[pc] = false }
            items.removeAll(keepingCapacity: true)
        }
    }

    package static func == (lhs: SafePattern, rhs: SafePattern) -> Bool { lhs.source == rhs.source }
    package func hash(into hasher: inout Hasher) { hasher.combine(source) }
}

/// The pattern's parse tree.
indirect enum PatternNode {
    case scalar(Unicode.Scalar)
    case any
    case set([ClosedRange<UInt32>], negated: Bool)
    case start, end
    case sequence([PatternNode])
    case alternation([PatternNode])
    case repeated(PatternNode, min: Int, max: Int?)
}

struct PatternParser {
    let scalars: [Unicode.Scalar]
    var index = 0
    var depth = 0

    mutating func parse() throws(ExpressionError) -> PatternNode {
        let node = try alternation()
        if index < scalars.count {
            throw ExpressionError("expr.invalid-regex", "unmatched ')' in pattern", at: index..<index + 1)
        }
        return node
    }

    private mutating func alternation() throws(ExpressionError) -> PatternNode {
        var branches = [try sequence()]
        while index < scalars.count, scalars[index] == "|" {
            index += 1
            branches.append(try sequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func sequence() throws(ExpressionError) -> PatternNode {
        var items: [PatternNode] = []
        while index < scalars.count, scalars[index] != "|", scalars[index] != ")" {
            var atom = try self.atom()
            atom = try quantified(atom)
            items.append(atom)
        }
        return .sequence(items)
    }

    private mutating func quantified(_ atom: PatternNode) throws(ExpressionError) -> PatternNode {
        guard index < scalars.count else { return atom }
        let start = index
        let bounds: (Int, Int?)
        switch scalars[index] {
        case "*": bounds = (0, nil); index += 1
        case "+": bounds = (1, nil); index += 1
        case "?": bounds = (0, 1); index += 1
        case "{":
            index += 1
            let low = number()
            var high: Int? = low
            if index < scalars.count, scalars[index] == "," {
                index += 1
                high = number()
            }
            guard let low, index < scalars.count, scalars[index] == "}" else {
                throw ExpressionError("expr.invalid-regex", "malformed repetition, expected {m}, {m,} or {m,n}", at: start..<index + 1)
            }
            index += 1
            guard low <= 100, (high ?? low) <= 100, low <= (high ?? low) else {
                throw ExpressionError("expr.invalid-regex", "repetition bounds must be ordered and at most 100", at: start..<index)
            }
            bounds = (low, high)
        default:
            return atom
        }
        if case .repeated = atom {
            throw ExpressionError("expr.invalid-regex", "a repetition cannot be repeated again", at: start..<index)
        }
        return .repeated(atom, min: bounds.0, max: bounds.1)
    }

    private mutating func number() -> Int? {
        var value: Int?
        while index < scalars.count, let digit = Int(String(scalars[index])), (value ?? 0) < 1_000 {
            value = (value ?? 0) * 10 + digit
            index += 1
        }
        return value
    }

    private mutating func atom() throws(ExpressionError) -> PatternNode {
        let scalar = scalars[index]
        let start = index
        index += 1
        switch scalar {
        case "(":
            depth += 1
            guard depth <= 32 else { throw ExpressionError("expr.invalid-regex", "pattern nests too deeply", at: start..<index) }
            if index + 1 < scalars.count, scalars[index] == "?", scalars[index + 1] == ":" { index += 2 }
            let inner = try alternation()
            guard index < scalars.count, scalars[index] == ")" else {
                throw ExpressionError("expr.invalid-regex", "unclosed '(' in pattern", at: start..<start + 1)
            }
            index += 1
            depth -= 1
            return inner
        case "[": return try characterClass(start: start)
        case ".": return .any
        case "^": return .start
        case "$": return .end
        case "\\": return try escape(start: start)
        case "*", "+", "?", "{":
            throw ExpressionError("expr.invalid-regex", "'\(scalar)' has nothing to repeat", at: start..<index)
        default: return .scalar(scalar)
        }
    }

    private mutating func escape(start: Int) throws(ExpressionError) -> PatternNode {
        guard index < scalars.count else {
            throw ExpressionError("expr.invalid-regex", "pattern ends with a lone backslash", at: start..<index)
        }
        let scalar = scalars[index]
        index += 1
        if let set = Self.classEscape(scalar) { return .set(set.ranges, negated: set.negated) }
        switch scalar {
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        default:
            guard !(("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)) else {
                throw ExpressionError("expr.invalid-regex", "unsupported escape '\\\(scalar)'", at: start..<index)
            }
            return .scalar(scalar)
        }
    }

    static func classEscape(_ scalar: Unicode.Scalar) -> (ranges: [ClosedRange<UInt32>], negated: Bool)? {
        let digits: [ClosedRange<UInt32>] = [48...57]
        let word: [ClosedRange<UInt32>] = [48...57, 65...90, 95...95, 97...122]
        let space: [ClosedRange<UInt32>] = [9...13, 32...32]
        switch scalar {
        case "d": return (digits, false)
        case "D": return (digits, true)
        case "w": return (word, false)
        case "W": return (word, true)
        case "s": return (space, false)
        case "S": return (space, true)
        default: return nil
        }
    }

    private mutating func characterClass(start: Int) throws(ExpressionError) -> PatternNode {
        var negated = false
        if index < scalars.count, scalars[index] == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while index < scalars.count, scalars[index] != "]" || first {
            first = false
            var low = scalars[index]
            index += 1
            if low == "\\" {
                guard index < scalars.count else { break }
                let escaped = scalars[index]
                index += 1
                if let set = Self.classEscape(escaped), !set.negated {
                    ranges += set.ranges
                    continue
                }
                low = escaped == "n" ? "\n" : escaped == "t" ? "\t" : escaped
            }
            if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                let high = scalars[index + 1]
                index += 2
                guard low.value <= high.value else {
                    throw ExpressionError("expr.invalid-regex", "range '\(low)-\(high)' is reversed", at: index - 3..<index)
                }
                ranges.append(low.value...high.value)
            } else {
                ranges.append(low.value...low.value)
            }
        }
        guard index < scalars.count else {
            throw ExpressionError("expr.invalid-regex", "unclosed '[' in pattern", at: start..<start + 1)
        }
        index += 1
        return .set(ranges, negated: negated)
    }
}

struct PatternCompiler {
    let maxProgram: Int
    var program: [SafePattern.Instruction] = []

    mutating func emit(_ node: PatternNode) throws(ExpressionError) {
        guard program.count < maxProgram else {
            throw ExpressionError("expr.invalid-regex", "pattern expands to more than \(maxProgram) steps", at: 0..<1)
        }
        switch node {
        case .scalar(let scalar): program.append(.scalar(scalar))
        case .any: program.append(.any)
        case .set(let ranges, let negated): program.append(.set(ranges, negated: negated))
        case .start: program.append(.start)
        case .end: program.append(.end)
        case .sequence(let items):
            for item in items { try emit(item) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (offset, branch) in branches.enumerated() {
                if offset < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    try emit(branch)
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repeated(let inner, let minimum, let maximum):
            for _ in 0..<minimum { try emit(inner) }
            if let maximum {
                for _ in minimum..<maximum {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    try emit(inner)
                    program[split] = .split(split + 1, program.count)
                }
            } else {
                let split = program.count
                program.append(.split(split + 1, 0))
                try emit(inner)
                program.append(.jump(split))
                program[split] = .split(split + 1, program.count)
            }
        }
    }
}
