/// Bracket classes, named classes, `\p{…}`, Perl class escapes and single-character escapes.
extension RegexParser {
    /// `[…]` starting at `s`; returns the index after `]`.
    mutating func parseClass(_ s: Int) throws(SprigError) -> Int {
        var t = s + 1
        var cls = CharClass()
        if at(t) == "^" {
            cls.negated = true
            t += 1
        }
        let fold = flags.contains(.foldCase)
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while t >= whole.count || whole[t] != "]" || first {
            first = false
            if t + 2 < whole.count, whole[t] == "[", whole[t + 1] == ":" {
                if let (item, rest) = try parseNamedClass(t) {
                    cls.items.append(item)
                    t = rest
                    continue
                }
            }
            if let (item, rest) = try parseUnicodeClass(t) {
                cls.items.append(item)
                t = rest
                continue
            }
            if let (item, rest) = parsePerlClassEscape(t) {
                cls.items.append(item)
                t = rest
                continue
            }
            let rangeStart = t
            let (lo, afterLo) = try parseClassChar(t, classStart: s)
            t = afterLo
            var hi = lo
            if t + 1 < whole.count, whole[t] == "-", whole[t + 1] != "]" {
                let (h, afterHi) = try parseClassChar(t + 1, classStart: s)
                t = afterHi
                if h < lo { throw error("invalid character class range", rangeStart..<t) }
                hi = h
            }
            ranges.append(lo...hi)
        }
        if !ranges.isEmpty { cls.items.append(ClassItem(base: .ranges(ranges), fold: fold)) }
        push(.charClass(cls))
        return t + 1
    }

    func parseClassChar(_ t: Int, classStart: Int) throws(SprigError) -> (UInt32, Int) {
        guard t < whole.count else { throw error("missing closing ]", classStart..<whole.count) }
        if whole[t] == "\\" { return try parseEscape(t) }
        return (whole[t].value, t + 1)
    }

    /// `[:alpha:]` / `[:^alpha:]` at `s`, nil when there is no `:]`.
    func parseNamedClass(_ s: Int) throws(SprigError) -> (ClassItem, Int)? {
        var i = s + 2
        while i + 1 < whole.count, !(whole[i] == ":" && whole[i + 1] == "]") { i += 1 }
        guard i + 1 < whole.count else { return nil }
        var key = text(s + 2..<i)
        var negated = false
        if key.hasPrefix("^") { negated = true; key.removeFirst() }
        guard let ranges = Self.posixGroups[key] else { throw error("invalid character class range", s..<i + 2) }
        return (ClassItem(base: .ranges(ranges), negated: negated, fold: flags.contains(.foldCase)), i + 2)
    }

    /// `\pN`, `\p{Name}`, `\PN`, `\p{^Name}` at `s`; nil when `s` does not start one.
    func parseUnicodeClass(_ s: Int) throws(SprigError) -> (ClassItem, Int)? {
        guard at(s) == "\\", let p = at(s + 1), p == "p" || p == "P" else { return nil }
        var negated = p == "P"
        guard let c = at(s + 2) else { throw error("invalid character class range", s..<s + 2) }
        var name: String
        var end: Int
        if c != "{" {
            name = text(s + 2..<s + 3)
            end = s + 3
        } else {
            guard let close = whole[s...].firstIndex(of: "}") else {
                throw error("invalid character class range", s..<whole.count)
            }
            name = text(s + 3..<close)
            end = close + 1
        }
        if name.hasPrefix("^") { negated.toggle(); name.removeFirst() }
        guard let table = UnicodeTable(name: name) else { throw error("invalid character class range", s..<end) }
        return (ClassItem(base: .table(table), negated: negated, fold: flags.contains(.foldCase)), end)
    }

    /// `\d \D \s \S \w \W` at `s`.
    func parsePerlClassEscape(_ s: Int) -> (ClassItem, Int)? {
        guard at(s) == "\\", let c = at(s + 1) else { return nil }
        let ranges: [ClosedRange<UInt32>]
        switch c {
        case "d", "D": ranges = [48...57]
        case "s", "S": ranges = [9...10, 12...13, 32...32]
        case "w", "W": ranges = Self.wordRanges
        default: return nil
        }
        let negated = c == "D" || c == "S" || c == "W"
        return (ClassItem(base: .ranges(ranges), negated: negated, fold: flags.contains(.foldCase)), s + 2)
    }

    static let wordRanges: [ClosedRange<UInt32>] = [48...57, 65...90, 95...95, 97...122]

    static let posixGroups: [String: [ClosedRange<UInt32>]] = [
        "alnum": [48...57, 65...90, 97...122],
        "alpha": [65...90, 97...122],
        "ascii": [0...0x7F],
        "blank": [9...9, 32...32],
        "cntrl": [0...0x1F, 0x7F...0x7F],
        "digit": [48...57],
        "graph": [0x21...0x7E],
        "lower": [97...122],
        "print": [0x20...0x7E],
        "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E],
        "space": [9...13, 32...32],
        "upper": [65...90],
        "word": wordRanges,
        "xdigit": [48...57, 65...70, 97...102],
    ]

    /// A single escaped character at `s` (a backslash): Go's `parseEscape`.
    func parseEscape(_ s: Int) throws(SprigError) -> (UInt32, Int) {
        var t = s + 1
        guard t < whole.count else { throw error("trailing backslash at end of expression", 0..<0) }
        let c = whole[t]
        t += 1
        func isOctal(_ i: Int) -> Bool { i < whole.count && ("0"..."7").contains(whole[i]) }
        switch c {
        case "1"..."7" where isOctal(t), "0":
            var r = c.value - 48
            var n = 1
            while n < 3, isOctal(t) {
                r = r * 8 + whole[t].value - 48
                t += 1
                n += 1
            }
            return (r, t)
        case "x":
            guard t < whole.count else { break }
            let d = whole[t]
            t += 1
            if d == "{" {
                var r: UInt32 = 0
                var digits = 0
                while true {
                    guard t < whole.count else { throw error("invalid escape sequence", s..<t) }
                    let h = whole[t]
                    t += 1
                    if h == "}" { break }
                    guard let v = Self.hexValue(h) else { throw error("invalid escape sequence", s..<t) }
                    r = r * 16 + v
                    if r > 0x10FFFF { throw error("invalid escape sequence", s..<t) }
                    digits += 1
                }
                if digits == 0 { break }
                return (r, t)
            }
            let x = Self.hexValue(d)
            let y = t < whole.count ? Self.hexValue(whole[t]) : nil
            if t < whole.count { t += 1 }
            guard let x, let y else { break }
            return (x * 16 + y, t)
        case "a": return (7, t)
        case "f": return (12, t)
        case "n": return (10, t)
        case "r": return (13, t)
        case "t": return (9, t)
        case "v": return (11, t)
        default:
            if c.value < 0x80, !Self.isAlnum(c) { return (c.value, t) }
        }
        throw error("invalid escape sequence", s..<t)
    }

    static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c) || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": c.value - 48
        case "a"..."f": c.value - 87
        case "A"..."F": c.value - 55
        default: nil
        }
    }
}
