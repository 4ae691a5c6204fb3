/// Go strings are byte strings; Swift strings hold Unicode scalars. To carry a Go string that is
/// not valid UTF-8 through Swift code unchanged, every byte that Go's `utf8.DecodeRune` would
/// decode as an error (`RuneError`, width 1) is held as the private-use scalar `U+10FF00 + byte`
/// (`U+10FF80`…`U+10FFFF`); valid sequences are ordinary scalars. `bytes(_:)` restores the
/// original bytes. A string that really contains one of those 128 private-use scalars is
/// restored as the byte instead — the one ambiguity of this encoding.
public enum GoString {
    /// The scalar of an escaped byte is `escapeBase + byte`.
    public static let escapeBase: UInt32 = 0x10FF00

    /// The Go string of `bytes`, invalid UTF-8 bytes escaped.
    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let array = Array(bytes)
        if let valid = String(validating: array, as: UTF8.self) { return valid }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < array.count {
            let (scalar, width) = GoUTF8.decode(array, at: i)
            if let scalar {
                out.append(scalar)
                i += width
            } else {
                out.append(Unicode.Scalar(escapeBase + UInt32(array[i]))!)
                i += 1
            }
        }
        return String(out)
    }

    /// The bytes of a Go string held by `s`: UTF-8, escaped bytes restored.
    public static func bytes(_ s: String) -> [UInt8] {
        guard hasEscapes(s) else { return Array(s.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            if let byte = escapedByte(scalar) {
                out.append(byte)
            } else {
                out.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        return out
    }

    /// `len(s)` in Go: the byte count with escaped bytes counted once.
    public static func byteCount(_ s: String) -> Int {
        guard hasEscapes(s) else { return s.utf8.count }
        return bytes(s).count
    }

    /// Whether `s` holds escaped bytes (a quick scan of its UTF-8 for `F4 8F BE|BF`).
    public static func hasEscapes(_ s: String) -> Bool {
        var utf8 = s.utf8.makeIterator()
        var state = 0
        while let b = utf8.next() {
            switch state {
            case 0: state = b == 0xF4 ? 1 : 0
            case 1: state = b == 0x8F ? 2 : (b == 0xF4 ? 1 : 0)
            default:
                if b == 0xBE || b == 0xBF { return true }
                state = b == 0xF4 ? 1 : 0
            }
        }
        return false
    }

    /// The byte an escape scalar stands for, or nil for an ordinary scalar.
    public static func escapedByte(_ scalar: Unicode.Scalar) -> UInt8? {
        guard scalar.value >= escapeBase + 0x80, scalar.value <= escapeBase + 0xFF else { return nil }
        return UInt8(scalar.value - escapeBase)
    }

    /// `s` with every escaped byte replaced by `replacement` (U+FFFD: what Go's `range` over a
    /// string, `encoding/json` and `strings.Map` make of an invalid byte).
    public static func replacingEscapes(_ s: String, with replacement: Unicode.Scalar = "\u{FFFD}") -> String {
        guard hasEscapes(s) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { out.append(escapedByte(scalar) == nil ? scalar : replacement) }
        return String(out)
    }
}

/// Go's `utf8.DecodeRune` validity rules (no overlongs, no surrogates, nothing above U+10FFFF).
public enum GoUTF8 {
    /// The scalar starting at `i` and its width, or `(nil, 1)` where Go decodes `RuneError`.
    public static func decode(_ b: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
        let c0 = b[i]
        if c0 < 0x80 { return (Unicode.Scalar(c0), 1) }
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> UInt32? {
            guard i + k < b.count, b[i + k] >= lo, b[i + k] <= hi else { return nil }
            return UInt32(b[i + k] & 0x3F)
        }
        switch c0 {
        case 0xC2...0xDF:
            guard let x = cont(1) else { return (nil, 1) }
            return (Unicode.Scalar((UInt32(c0 & 0x1F) << 6) | x), 2)
        case 0xE0...0xEF:
            let lo: UInt8 = c0 == 0xE0 ? 0xA0 : 0x80, hi: UInt8 = c0 == 0xED ? 0x9F : 0xBF
            guard let x1 = cont(1, lo, hi), let x2 = cont(2) else { return (nil, 1) }
            return (Unicode.Scalar((UInt32(c0 & 0x0F) << 12) | (x1 << 6) | x2), 3)
        case 0xF0...0xF4:
            let lo: UInt8 = c0 == 0xF0 ? 0x90 : 0x80, hi: UInt8 = c0 == 0xF4 ? 0x8F : 0xBF
            guard let x1 = cont(1, lo, hi), let x2 = cont(2), let x3 = cont(3) else { return (nil, 1) }
            return (Unicode.Scalar((UInt32(c0 & 0x07) << 18) | (x1 << 12) | (x2 << 6) | x3), 4)
        default:
            return (nil, 1)
        }
    }
}
