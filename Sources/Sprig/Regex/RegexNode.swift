/// The parsed form of an RE2 pattern (Go's `regexp/syntax.Regexp`, reduced to what the
/// matcher needs). Built by `RegexParser`, compiled by `RegexCompiler`.
indirect enum RegexNode: Sendable {
    case emptyMatch
    case noMatch
    /// One scalar; `fold` when `(?i)` applies.
    case literal(UInt32, fold: Bool)
    case charClass(CharClass)
    /// `.` under `(?s)`.
    case anyChar
    /// `.` without `(?s)`.
    case anyCharNotNL
    case assertion(EmptyAssertion)
    case capture(index: Int, name: String?, RegexNode)
    case star(RegexNode, greedy: Bool)
    case plus(RegexNode, greedy: Bool)
    case quest(RegexNode, greedy: Bool)
    /// `x{min,max}`; `max == -1` for `x{min,}`.
    case `repeat`(RegexNode, min: Int, max: Int, greedy: Bool)
    case concat([RegexNode])
    case alternate([RegexNode])
}

/// Zero-width assertions (Go's `EmptyOp` bits).
enum EmptyAssertion: UInt8, Sendable {
    case beginLine, endLine, beginText, endText, wordBoundary, noWordBoundary
}

/// Parse flags (Go's `syntax.Flags`), kept as Go's bit set so that `(?-flags)` can invert them.
struct RegexFlags: OptionSet, Sendable {
    let rawValue: Int
    static let foldCase = RegexFlags(rawValue: 1 << 0)
    static let classNL = RegexFlags(rawValue: 1 << 2)
    static let dotNL = RegexFlags(rawValue: 1 << 3)
    static let oneLine = RegexFlags(rawValue: 1 << 4)
    static let nonGreedy = RegexFlags(rawValue: 1 << 5)
    static let perlX = RegexFlags(rawValue: 1 << 6)
    static let unicodeGroups = RegexFlags(rawValue: 1 << 7)
    /// `syntax.Perl`, what `regexp.Compile` uses.
    static let perl: RegexFlags = [.classNL, .oneLine, .perlX, .unicodeGroups]
}

/// A character class: a union of items, optionally negated as a whole (`[^…]`).
struct CharClass: Sendable {
    var items: [ClassItem] = []
    var negated = false

    /// Whether scalar `c` is in the class.
    func contains(_ c: UInt32) -> Bool {
        var hit = false
        for item in items where item.matches(c) { hit = true; break }
        return hit != negated
    }
}

/// One member of a class: ranges or a Unicode table, with its own negation (`\D`, `\P{L}`,
/// `[:^alpha:]`) and case folding (`(?i)`: the item also holds every case variant of its members).
struct ClassItem: Sendable {
    enum Base: Sendable {
        case ranges([ClosedRange<UInt32>])
        case table(UnicodeTable)
    }
    var base: Base
    var negated = false
    var fold = false

    func baseContains(_ c: UInt32) -> Bool {
        switch base {
        case .ranges(let ranges):
            for r in ranges where r.contains(c) { return true }
            return false
        case .table(let table):
            return table.contains(c)
        }
    }

    func matches(_ c: UInt32) -> Bool {
        var hit = baseContains(c)
        if !hit, fold {
            for other in CaseFolding.orbit(c) where other != c && baseContains(other) { hit = true; break }
        }
        return hit != negated
    }
}
