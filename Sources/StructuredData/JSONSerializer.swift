import GoCompat

/// Options for writing JSON text. The defaults reproduce Go's `json.Marshal` on a value whose
/// objects keep their order: compact, `<`, `>`, `&` escaped, U+2028/U+2029 escaped.
public struct JSONWriteOptions: Sendable, Equatable {
    /// Sort object keys by their UTF-8 bytes (what Go does for maps).
    public var sortedKeys: Bool
    /// Escape `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026` (Go's default; `toRawJson` turns it off).
    public var escapeHTML: Bool
    /// Indent string for pretty output (`json.MarshalIndent(v, "", indent)`); `nil` is compact.
    public var indent: String?

    public init(sortedKeys: Bool = false, escapeHTML: Bool = true, indent: String? = nil) {
        self.sortedKeys = sortedKeys
        self.escapeHTML = escapeHTML
        self.indent = indent
    }

    public static let compact = JSONWriteOptions()
    /// Go's `json.Marshal` of a `map[string]interface{}`: sorted keys, HTML escaped.
    public static let goMap = JSONWriteOptions(sortedKeys: true)
}

extension JSONValue {
    /// JSON text of this value. Non-finite doubles (which Go refuses to encode) are written as `null`.
    public func serialized(_ options: JSONWriteOptions = .compact) -> String {
        String(decoding: serializedBytes(options), as: UTF8.self)
    }

    /// JSON bytes of this value (see `serialized`).
    public func serializedBytes(_ options: JSONWriteOptions = .compact) -> [UInt8] {
        var writer = JSONWriter(options: options)
        writer.reserve(64)
        writer.write(self, level: 0)
        return writer.out
    }

    /// Compact JSON bytes in an array of exactly their size, for bytes that are kept (a stored
    /// object's serialized form, the watch history): an array grown by appending holds up to
    /// twice what it contains.
    public func retainedSerializedBytes() -> [UInt8] {
        serializedBytes().fittedToSize()
    }
}

extension [UInt8] {
    /// These bytes in an array of about their size: copied when more than a sixteenth of the
    /// capacity is spare, else returned as they are.
    public func fittedToSize() -> [UInt8] {
        guard capacity - count > count / 16 else { return self }
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}

struct JSONWriter {
    let options: JSONWriteOptions
    var out: [UInt8] = []

    init(options: JSONWriteOptions) { self.options = options }

    mutating func reserve(_ n: Int) { out.reserveCapacity(n) }

    mutating func newline(_ level: Int) {
        guard let indent = options.indent else { return }
        out.append(0x0a)
        for _ in 0..<level { out.append(contentsOf: indent.utf8) }
    }

    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d):
            out.append(contentsOf: (GoFloat.jsonString(d) ?? "null").utf8)
        case .string(let s): writeString(s)
        case .array(let a):
            if a.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, element) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                write(element, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            if o.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            var first = true
            func member(_ key: String, _ v: JSONValue, _ w: inout JSONWriter) {
                if !first { w.out.append(UInt8(ascii: ",")) }
                first = false
                w.newline(level + 1)
                w.writeString(key)
                w.out.append(UInt8(ascii: ":"))
                if w.options.indent != nil { w.out.append(0x20) }
                w.write(v, level: level + 1)
            }
            if options.sortedKeys {
                for key in o.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                    member(key, o[key]!, &self)
                }
            } else {
                for (key, v) in o { member(key, v, &self) }
            }
            newline(level)
            out.append(UInt8(ascii: "}"))
        }
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Which bytes `writeString` cannot copy as they are: 1 for control characters, `"` and `\\`,
    /// 2 for `<`, `>`, `&` (escaped only with `escapeHTML`), 3 for 0xE2 (the lead byte of
    /// U+2028/U+2029, which Go always escapes).
    static let special: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for b in 0..<0x20 { table[b] = 1 }
        table[Int(UInt8(ascii: "\""))] = 1
        table[Int(UInt8(ascii: "\\"))] = 1
        for c in "<>&".utf8 { table[Int(c)] = 2 }
        table[0xE2] = 3
        return table
    }()

    mutating func writeString(_ s: String) {
        var copy = s
        copy.withUTF8 { writeString(utf8: $0) }
    }

    /// Copies runs of plain bytes at once and escapes the rest as Go's encoder does.
    mutating func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        out.append(UInt8(ascii: "\""))
        let special = Self.special
        var runStart = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            let kind = special[Int(b)]
            if kind == 0 || (kind == 2 && !options.escapeHTML) {
                i += 1
                continue
            }
            if kind == 3 {
                // Only E2 80 A8 / E2 80 A9 are escaped; any other sequence starting E2 is copied.
                guard i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else {
                    i += 1
                    continue
                }
            }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            out.append(0x5c)
            switch b {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5c)
            case 0x0a: out.append(UInt8(ascii: "n"))
            case 0x0d: out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "t"))
            case 0xE2:
                out.append(UInt8(ascii: "u")); out.append(0x32); out.append(0x30); out.append(0x32)
                out.append(bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                i += 3
                runStart = i
                continue
            default:
                out.append(UInt8(ascii: "u")); out.append(0x30); out.append(0x30)
                out.append(Self.hex[Int(b >> 4)]); out.append(Self.hex[Int(b & 0xf)])
            }
            i += 1
            runStart = i
        }
        if runStart < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
        out.append(UInt8(ascii: "\""))
    }
}
