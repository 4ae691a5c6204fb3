/// Go's `path.Match` / `filepath.Match` with `/` as the separator: `*` matches any run of
/// non-`/` bytes, `?` one non-`/` character, `[...]` a class (ranges, `^` negation), `\`
/// escapes. Returns nil for a malformed pattern (Go's `ErrBadPattern`).
enum GoPathMatch {
    static func match(_ pattern: String, _ name: String) -> Bool? {
        match(Array(pattern.unicodeScalars), 0, Array(name.unicodeScalars), 0)
    }

    private static func match(_ p: [Unicode.Scalar], _ pi: Int, _ n: [Unicode.Scalar], _ ni: Int) -> Bool? {
        var pi = pi, ni = ni
        while pi < p.count {
            switch p[pi] {
            case "*":
                var rest = pi
                while rest < p.count, p[rest] == "*" { rest += 1 }
                if rest == p.count {
                    // Trailing star: matches the rest if no separator remains. Validate nothing more.
                    return !n[ni...].contains("/")
                }
                var k = ni
                var firstError: Bool? = false
                while true {
                    let result = match(p, rest, n, k)
                    if result == nil { firstError = nil }
                    if result == true { return true }
                    if k >= n.count || n[k] == "/" { break }
                    k += 1
                }
                if firstError == nil { return nil }
                // Go validates the remaining pattern even on mismatch.
                return validate(p, rest) ? false : nil
            case "?":
                if ni >= n.count || n[ni] == "/" { return validate(p, pi + 1) ? false : nil }
                pi += 1; ni += 1
            case "[":
                guard let (matched, next) = matchClass(p, pi, ni < n.count ? n[ni] : nil) else { return nil }
                if ni >= n.count || n[ni] == "/" || !matched { return validate(p, next) ? false : nil }
                pi = next; ni += 1
            case "\\":
                guard pi + 1 < p.count else { return nil }
                if ni >= n.count || n[ni] != p[pi + 1] { return validate(p, pi + 2) ? false : nil }
                pi += 2; ni += 1
            default:
                if ni >= n.count || n[ni] != p[pi] { return validate(p, pi + 1) ? false : nil }
                pi += 1; ni += 1
            }
        }
        return ni == n.count
    }

    /// Parses the class starting at `p[start] == "["`; returns whether `c` is in it and the
    /// index after `]`, or nil when malformed.
    private static func matchClass(_ p: [Unicode.Scalar], _ start: Int, _ c: Unicode.Scalar?) -> (Bool, Int)? {
        var i = start + 1
        var negated = false
        if i < p.count, p[i] == "^" { negated = true; i += 1 }
        var matched = false
        var count = 0
        while true {
            guard i < p.count else { return nil }
            if p[i] == "]", count > 0 { i += 1; break }
            guard let (lo, afterLo) = classChar(p, i) else { return nil }
            var hi = lo
            i = afterLo
            if i < p.count, p[i] == "-" {
                guard let (h, afterHi) = classChar(p, i + 1) else { return nil }
                hi = h
                i = afterHi
            }
            if let c, lo <= c, c <= hi { matched = true }
            count += 1
        }
        return (matched != negated, i)
    }

    private static func classChar(_ p: [Unicode.Scalar], _ i: Int) -> (Unicode.Scalar, Int)? {
        guard i < p.count else { return nil }
        switch p[i] {
        case "-", "]": return nil
        case "\\":
            guard i + 1 < p.count else { return nil }
            return (p[i + 1], i + 2)
        default: return (p[i], i + 1)
        }
    }

    /// True when the rest of the pattern from `i` is well formed.
    private static func validate(_ p: [Unicode.Scalar], _ i: Int) -> Bool {
        var i = i
        while i < p.count {
            switch p[i] {
            case "[":
                guard let (_, next) = matchClass(p, i, nil) else { return false }
                i = next
            case "\\":
                guard i + 1 < p.count else { return false }
                i += 2
            default: i += 1
            }
        }
        return true
    }
}

/// Go's `filepath.Match` (with `/` separators) for callers outside the engine, e.g.
/// `helm template --show-only`. A malformed pattern matches nothing.
public enum GoPathGlob {
    public static func match(_ pattern: String, _ name: String) -> Bool {
        GoPathMatch.match(pattern, name) ?? false
    }
}
