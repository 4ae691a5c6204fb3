/// Groups, alternation, concatenation and repetition: Go's operator stack.
extension RegexParser {
    enum RepeatKind { case star, plus, quest, counted }

    /// `(?flags)`, `(?flags:`, `(?P<name>`; returns the index after what it consumed.
    mutating func parsePerlFlags(_ s: Int) throws(SprigError) -> Int {
        if s + 4 < whole.count, whole[s + 2] == "P", whole[s + 3] == "<" {
            guard let end = whole[s...].firstIndex(of: ">") else {
                throw error("invalid named capture", s..<whole.count)
            }
            let name = text(s + 4..<end)
            guard Self.isValidCaptureName(name) else { throw error("invalid named capture", s..<end + 1) }
            numCaptures += 1
            names.append(name)
            stack.append(.leftParen(capture: numCaptures, name: name, flags: flags))
            return end + 1
        }
        var t = s + 2
        var newFlags = flags.rawValue
        var negated = false
        var sawFlag = false
        while t < whole.count {
            let c = whole[t]
            t += 1
            switch c {
            case "i": newFlags |= RegexFlags.foldCase.rawValue; sawFlag = true
            case "m": newFlags &= ~RegexFlags.oneLine.rawValue; sawFlag = true
            case "s": newFlags |= RegexFlags.dotNL.rawValue; sawFlag = true
            case "U": newFlags |= RegexFlags.nonGreedy.rawValue; sawFlag = true
            case "-":
                if negated { throw error("invalid or unsupported Perl syntax", s..<t) }
                negated = true
                newFlags = ~newFlags
                sawFlag = false
            case ":", ")":
                if negated {
                    if !sawFlag { throw error("invalid or unsupported Perl syntax", s..<t) }
                    newFlags = ~newFlags
                }
                if c == ":" { stack.append(.leftParen(capture: 0, name: nil, flags: flags)) }
                flags = RegexFlags(rawValue: newFlags)
                return t
            default:
                throw error("invalid or unsupported Perl syntax", s..<t)
            }
        }
        throw error("invalid or unsupported Perl syntax", s..<t)
    }

    /// Go's `isValidCaptureName`: non-empty, only `_` and ASCII letters and digits.
    static func isValidCaptureName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
    }

    /// `{min}`, `{min,}`, `{min,max}` at `s`: (min, max, index after `}`), or nil when `{` is
    /// a literal. Too-large numbers come back as -1 (Go's `parseInt`).
    func parseRepeat(_ s: Int) -> (Int, Int, Int)? {
        var t = s + 1
        guard let (lo, afterMin) = parseInt(t) else { return nil }
        t = afterMin
        guard t < whole.count else { return nil }
        var hi = lo
        var min = lo
        if whole[t] == "," {
            t += 1
            guard t < whole.count else { return nil }
            if whole[t] == "}" {
                hi = -1
            } else {
                guard let (m, afterMax) = parseInt(t) else { return nil }
                hi = m
                t = afterMax
                if hi < 0 { min = -1 }
            }
        }
        guard t < whole.count, whole[t] == "}" else { return nil }
        return (min, hi, t + 1)
    }

    func parseInt(_ s: Int) -> (Int, Int)? {
        func isDigit(_ i: Int) -> Bool { i < whole.count && ("0"..."9").contains(whole[i]) }
        guard isDigit(s) else { return nil }
        if whole[s] == "0", isDigit(s + 1) { return nil }
        var t = s
        var n = 0
        while isDigit(t) {
            if n >= 100_000_000 { n = -1 } else if n >= 0 { n = n * 10 + Int(whole[t].value - 48) }
            t += 1
        }
        return (n, t)
    }

    /// Applies a repetition operator to the top of the stack (Go's `repeat`).
    mutating func applyRepeat(_ kind: RepeatKind, min: Int, max: Int, before: Int, after: Int,
                              lastRepeat: Int?) throws(SprigError) -> Int {
        var after = after
        var greedy = !flags.contains(.nonGreedy)
        if after < whole.count, whole[after] == "?" {
            after += 1
            greedy.toggle()
        }
        if let lastRepeat { throw error("invalid nested repetition operator", lastRepeat..<after) }
        guard case .node(let sub, let height)? = stack.last else {
            throw error("missing argument to repetition operator", before..<after)
        }
        let node: RegexNode
        switch kind {
        case .star: node = .star(sub, greedy: greedy)
        case .plus: node = .plus(sub, greedy: greedy)
        case .quest: node = .quest(sub, greedy: greedy)
        case .counted: node = .repeat(sub, min: min, max: max, greedy: greedy)
        }
        if kind == .counted, min >= 2 || max >= 2, !Self.repeatIsValid(node, 1000) {
            throw error("invalid repeat count", before..<after)
        }
        stack[stack.count - 1] = .node(node, height: try checkedHeight(height + 1))
        return after
    }

    static func repeatIsValid(_ node: RegexNode, _ limit: Int) -> Bool {
        var n = limit
        switch node {
        case .repeat(let sub, let min, let max, _):
            var m = max
            if m == 0 { return true }
            if m < 0 { m = min }
            if m > n { return false }
            if m > 0 { n /= m }
            return repeatIsValid(sub, n)
        case .capture(_, _, let sub), .star(let sub, _), .plus(let sub, _), .quest(let sub, _):
            return repeatIsValid(sub, n)
        case .concat(let subs), .alternate(let subs):
            return subs.allSatisfy { repeatIsValid($0, n) }
        default:
            return true
        }
    }

    func checkedHeight(_ h: Int) throws(SprigError) -> Int {
        if h > Self.maxHeight { throw error("expression nests too deeply") }
        return h
    }

    /// Collapses the nodes above the nearest `(` or `|` into one concatenation.
    mutating func concat() {
        var parts: [RegexNode] = []
        var height = 0
        var allLiterals = true
        while case .node(let n, let h)? = stack.last {
            parts.append(n)
            height = Swift.max(height, h)
            if case .literal = n {} else { allLiterals = false }
            stack.removeLast()
        }
        parts.reverse()
        switch parts.count {
        case 0: stack.append(.node(.emptyMatch, height: 1))
        case 1: stack.append(.node(parts[0], height: height))
        default: stack.append(.node(.concat(parts), height: allLiterals ? 1 : height + 1))
        }
    }

    /// Collapses `x|y|…` above the nearest `(` into one alternation.
    mutating func alternate() throws(SprigError) {
        var alternatives: [RegexNode] = []
        var height = 0
        loop: while let top = stack.last {
            switch top {
            case .node(let n, let h):
                alternatives.append(n)
                height = Swift.max(height, h)
            case .verticalBar:
                break
            case .leftParen:
                break loop
            }
            stack.removeLast()
        }
        alternatives.reverse()
        if alternatives.count == 1 {
            stack.append(.node(alternatives[0], height: height))
        } else {
            stack.append(.node(.alternate(alternatives), height: try checkedHeight(height + 1)))
        }
    }

    mutating func parseRightParen() throws(SprigError) {
        concat()
        try alternate()
        guard stack.count >= 2, case .node(let body, let height) = stack[stack.count - 1],
              case .leftParen(let capture, let name, let savedFlags) = stack[stack.count - 2] else {
            throw error("unexpected )")
        }
        stack.removeLast(2)
        flags = savedFlags
        if capture == 0 {
            stack.append(.node(body, height: height))
        } else {
            stack.append(.node(.capture(index: capture, name: name, body), height: try checkedHeight(height + 1)))
        }
    }

    /// Go's `calcSize`: the instruction count the compiled program will have, roughly.
    static func size(_ node: RegexNode) -> Int {
        switch node {
        case .literal, .charClass, .anyChar, .anyCharNotNL: return 1
        case .emptyMatch, .noMatch, .assertion: return 2
        case .capture(_, _, let sub): return 2 + size(sub)
        case .star(let sub, _), .plus(let sub, _), .quest(let sub, _): return 1 + size(sub)
        case .concat(let subs): return subs.reduce(0) { $0 + size($1) }
        case .alternate(let subs): return subs.reduce(subs.count - 1) { $0 + size($1) }
        case .repeat(let sub, let min, let max, _):
            let s = size(sub)
            if max == -1 { return min == 0 ? 2 + s : 1 + min * s }
            return max * s + (max - min)
        }
    }
}
