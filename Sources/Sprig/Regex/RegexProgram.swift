/// A compiled pattern: Go's `syntax.Prog` shape (one instruction per state, `split` with the
/// preferred branch first), run by `PikeVM`.
struct RegexProgram: Sendable {
    enum Inst: Sendable {
        case scalar(UInt32)
        case scalars([UInt32])
        case charClass(CharClass)
        case any
        case anyNotNL
        /// Try `x` first, then `y` (leftmost-first priority).
        case split(Int, Int)
        case jump(Int)
        case save(Int)
        case assert(EmptyAssertion)
        case match
        case fail
    }

    var insts: [Inst] = []
    var start = 0
    /// Capture slots: 2 × (groups + 1).
    var slotCount = 2
    /// Whether the pattern can only match at the start of the text (a leading `\A` or `^`).
    var anchoredStart = false
}

/// Turns a `RegexNode` into a `RegexProgram`, expanding counted repetition as Go's `Simplify`
/// does (`x{2,5}` = `xx(x(x(x)?)?)?`) and compiling `x*` of a possibly-empty `x` as `(x+)?`
/// (Go's fix for golang.org/issue/46123) so that priorities match Go's.
struct RegexCompiler {
    private var insts: [RegexProgram.Inst] = []

    static func compile(_ node: RegexNode, groups: Int) -> RegexProgram {
        var c = RegexCompiler()
        c.insts.append(.save(0))
        c.emit(node)
        c.insts.append(.save(1))
        c.insts.append(.match)
        var prog = RegexProgram(insts: c.insts, start: 0, slotCount: 2 * (groups + 1))
        prog.anchoredStart = Self.startsAnchored(node)
        return prog
    }

    private static func startsAnchored(_ node: RegexNode) -> Bool {
        switch node {
        case .assertion(.beginText): return true
        case .concat(let subs): return subs.first.map(startsAnchored) ?? false
        case .capture(_, _, let sub): return startsAnchored(sub)
        default: return false
        }
    }

    /// Appends code for `node`; control continues at the instruction after it.
    private mutating func emit(_ node: RegexNode) {
        switch node {
        case .emptyMatch: break
        case .noMatch: insts.append(.fail)
        case .literal(let c, let fold):
            if fold { insts.append(.scalars(CaseFolding.orbit(c))) } else { insts.append(.scalar(c)) }
        case .charClass(let cls): insts.append(.charClass(cls))
        case .anyChar: insts.append(.any)
        case .anyCharNotNL: insts.append(.anyNotNL)
        case .assertion(let a): insts.append(.assert(a))
        case .capture(let index, _, let sub):
            insts.append(.save(2 * index))
            emit(sub)
            insts.append(.save(2 * index + 1))
        case .concat(let subs):
            for sub in subs { emit(sub) }
        case .alternate(let subs):
            emitAlternation(subs[...])
        case .quest(let sub, let greedy):
            emitQuest(sub, greedy: greedy)
        case .plus(let sub, let greedy):
            emitPlus(sub, greedy: greedy)
        case .star(let sub, let greedy):
            if Self.nullable(sub) {
                emitQuest(.plus(sub, greedy: greedy), greedy: greedy)
            } else {
                emitLoop(sub, greedy: greedy)
            }
        case .repeat(let sub, let min, let max, let greedy):
            emitRepeat(sub, min: min, max: max, greedy: greedy)
        }
    }

    /// `a|b|c` as Go nests it, `a|(b|c)`: a chain of splits, every branch jumping to the end.
    private mutating func emitAlternation(_ subs: ArraySlice<RegexNode>) {
        var jumps: [Int] = []
        for (i, sub) in subs.enumerated() {
            if i == subs.count - 1 { emit(sub); break }
            let split = insts.count
            insts.append(.fail)
            emit(sub)
            jumps.append(insts.count)
            insts.append(.fail)
            insts[split] = .split(split + 1, insts.count)
        }
        for j in jumps { insts[j] = .jump(insts.count) }
    }

    private mutating func emitQuest(_ sub: RegexNode, greedy: Bool) {
        let split = insts.count
        insts.append(.fail)
        emit(sub)
        insts[split] = greedy ? .split(split + 1, insts.count) : .split(insts.count, split + 1)
    }

    /// `x+`: x, then L: split(x, out).
    private mutating func emitPlus(_ sub: RegexNode, greedy: Bool) {
        let top = insts.count
        emit(sub)
        let split = insts.count
        insts.append(greedy ? .split(top, split + 1) : .split(split + 1, top))
    }

    /// `x*` for non-empty x: L: split(x, out); x; jump L.
    private mutating func emitLoop(_ sub: RegexNode, greedy: Bool) {
        let split = insts.count
        insts.append(.fail)
        emit(sub)
        insts.append(.jump(split))
        insts[split] = greedy ? .split(split + 1, insts.count) : .split(insts.count, split + 1)
    }

    /// Go's `Simplify` of `x{min,max}`: `x{0}` is empty, `x{n,}` is n-1 copies then `x+`, and
    /// `x{2,5}` is `xx(x(x(x)?)?)?`, whose nested optional tail is a chain of splits that all
    /// skip to the same end.
    private mutating func emitRepeat(_ sub: RegexNode, min: Int, max: Int, greedy: Bool) {
        if min == 0 && max == 0 { return }
        if max == -1 {
            if min == 0 { emit(.star(sub, greedy: greedy)); return }
            for _ in 0..<(min - 1) { emit(sub) }
            emitPlus(sub, greedy: greedy)
            return
        }
        if max < min { insts.append(.fail); return }
        for _ in 0..<min { emit(sub) }
        var splits: [Int] = []
        for _ in min..<max {
            splits.append(insts.count)
            insts.append(.fail)
            emit(sub)
        }
        let end = insts.count
        for s in splits { insts[s] = greedy ? .split(s + 1, end) : .split(end, s + 1) }
    }

    /// Whether `node` can match the empty string.
    static func nullable(_ node: RegexNode) -> Bool {
        switch node {
        case .emptyMatch, .assertion, .star, .quest: return true
        case .noMatch, .literal, .charClass, .anyChar, .anyCharNotNL: return false
        case .capture(_, _, let sub), .plus(let sub, _): return nullable(sub)
        case .concat(let subs): return subs.allSatisfy(nullable)
        case .alternate(let subs): return subs.contains(where: nullable)
        case .repeat(let sub, let min, _, _): return min == 0 || nullable(sub)
        }
    }
}
