/// Go `strings` package behaviours the string functions need (byte-exact, UTF-8 aware).
enum TextUtil {
    /// Go's `unicode.IsSpace`.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        default: return c.value > 0xFF && c.properties.isWhitespace
        }
    }

    static func trimSpace(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi, isSpace(scalars[lo]) { lo += 1 }
        while hi > lo, isSpace(scalars[hi - 1]) { hi -= 1 }
        return String(String.UnicodeScalarView(scalars[lo..<hi]))
    }

    /// Go's `strings.Trim(s, cutset)`.
    static func trim(_ s: String, cutset: String) -> String {
        let cut = Set(cutset.unicodeScalars)
        let scalars = Array(s.unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi, cut.contains(scalars[lo]) { lo += 1 }
        while hi > lo, cut.contains(scalars[hi - 1]) { hi -= 1 }
        return String(String.UnicodeScalarView(scalars[lo..<hi]))
    }

    /// Go's `strings.Contains`: whether `sub` occurs in `s` (always true for an empty `sub`).
    /// A plain UTF-8 byte scan; valid UTF-8 byte matches are whole-scalar matches.
    static func contains(_ s: String, _ sub: String) -> Bool {
        let needle = Array(sub.utf8)
        guard let first = needle.first else { return true }
        var source = s
        return source.withUTF8 { bytes in
            let n = needle.count
            guard bytes.count >= n else { return false }
            var i = 0
            while i <= bytes.count - n {
                if bytes[i] == first {
                    var k = 1
                    while k < n && bytes[i + k] == needle[k] { k += 1 }
                    if k == n { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Go's `strings.ReplaceAll` (an empty `old` inserts `new` around every rune).
    static func replaceAll(_ s: String, _ old: String, _ new: String) -> String {
        if old.isEmpty {
            var out = new
            for c in s.unicodeScalars { out.unicodeScalars.append(c); out += new }
            return out
        }
        let src = Array(s.utf8), pat = Array(old.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(src.count)
        var i = 0
        while i < src.count {
            if i + pat.count <= src.count, src[i] == pat[0], src[i..<(i + pat.count)].elementsEqual(pat) {
                out.append(contentsOf: new.utf8)
                i += pat.count
            } else {
                out.append(src[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Go's `strings.SplitN(s, sep, n)` (`n < 0`: all pieces; `n == 0`: none; empty `sep`
    /// splits into runes).
    static func split(_ s: String, _ sep: String, limit n: Int) -> [String] {
        if n == 0 { return [] }
        if sep.isEmpty {
            var parts = s.unicodeScalars.map { String($0) }
            if n > 0, parts.count > n {
                let rest = parts[(n - 1)...].joined()
                parts = Array(parts[..<(n - 1)]) + [rest]
            }
            return parts
        }
        let src = Array(s.utf8), pat = Array(sep.utf8)
        var parts: [String] = []
        var start = 0, i = 0
        while i + pat.count <= src.count {
            if n > 0, parts.count == n - 1 { break }
            if src[i] == pat[0], Array(src[i..<(i + pat.count)]) == pat {
                parts.append(String(decoding: src[start..<i], as: UTF8.self))
                i += pat.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(String(decoding: src[start...], as: UTF8.self))
        return parts
    }

    /// Go's `strings.Fields`.
    static func fields(_ s: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            if isSpace(c) {
                if !current.isEmpty { out.append(String(current)); current = .init() }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }

    static func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal }
    static func isUpper(_ c: Unicode.Scalar) -> Bool { c.properties.isUppercase }
    static func isLower(_ c: Unicode.Scalar) -> Bool { c.properties.isLowercase }
    /// Go's `unicode.ToUpper` (simple mapping: a scalar whose full mapping is longer stays).
    static func upper(_ c: Unicode.Scalar) -> String { String(simple(c.properties.uppercaseMapping, c)) }
    /// Go's `unicode.ToLower`; U+0130 maps to `i` as in Go's tables.
    static func lower(_ c: Unicode.Scalar) -> String {
        c.value == 0x130 ? "i" : String(simple(c.properties.lowercaseMapping, c))
    }
    /// Go's `unicode.ToTitle`.
    static func titleCase(_ c: Unicode.Scalar) -> String { String(simple(c.properties.titlecaseMapping, c)) }

    private static func simple(_ mapped: String, _ c: Unicode.Scalar) -> Unicode.Scalar {
        let scalars = mapped.unicodeScalars
        guard scalars.count == 1, let only = scalars.first else { return c }
        return only
    }

    /// Go's `strings.ToUpper`: rune by rune, simple mappings (`ß` stays `ß`).
    static func goToUpper(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.uppercased() }
        var out = ""
        for c in s.unicodeScalars { out += upper(c) }
        return out
    }

    /// Go's `strings.ToLower`.
    static func goToLower(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        var out = ""
        for c in s.unicodeScalars { out += lower(c) }
        return out
    }
}

