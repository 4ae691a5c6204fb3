import OrderedCollections

/// A strict RFC 8259 JSON parser producing `JSONValue`, with Go `encoding/json`-style error messages.
///
/// Contract: never traps on any input; nesting deeper than `maxDepth` is an error; invalid UTF-8 in
/// strings is replaced by U+FFFD (as Go does); duplicate object keys keep the last value.
public struct JSONParser {
    public static let defaultMaxDepth = 400

    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(StructuredDataError) -> JSONValue {
        var copy = text
        let result = copy.withUTF8 { buffer in
            Result { () throws(StructuredDataError) -> JSONValue in try parse(bytes: buffer, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    public static func parse(bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(StructuredDataError) -> JSONValue {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(StructuredDataError) -> JSONValue in try parse(bytes: buffer, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    public static func parse(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = defaultMaxDepth) throws(StructuredDataError) -> JSONValue {
        var reader = Reader(bytes: bytes, maxDepth: maxDepth)
        reader.skipWhitespace()
        let value = try reader.readValue(depth: 0)
        reader.skipWhitespace()
        if reader.position < bytes.count {
            throw reader.error("invalid character \(reader.describe(bytes[reader.position])) after top-level value")
        }
        return value
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var position = 0
        /// The keys and values of the objects and arrays being read, innermost last; each is
        /// copied out into arrays of its exact size when it ends (appending to the value itself
        /// would leave it up to twice its size, and reallocate it on the way).
        var pendingKeys: [String] = []
        var pendingValues: [JSONValue] = []

        init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        func error(_ message: String) -> StructuredDataError {
            StructuredDataError(.invalidJSON, "\(message) (at offset \(position))")
        }

        /// Go's `quoteChar`: the byte as the rune of the same value (Latin-1), quoted as
        /// `strconv.Quote` does, between single quotes (`'Î'`, `'\n'`, `'\x01'`, `'\u0085'`).
        func describe(_ b: UInt8) -> String {
            func hex(_ v: UInt8) -> String { (v < 0x10 ? "0" : "") + String(v, radix: 16) }
            switch b {
            case UInt8(ascii: "'"): return "'\\''"
            case UInt8(ascii: "\""): return "'\"'"
            case UInt8(ascii: "\\"): return "'\\\\'"
            case 0x07: return "'\\a'"
            case 0x08: return "'\\b'"
            case 0x09: return "'\\t'"
            case 0x0a: return "'\\n'"
            case 0x0b: return "'\\v'"
            case 0x0c: return "'\\f'"
            case 0x0d: return "'\\r'"
            case 0x20..<0x7f, 0xa1...0xff where b != 0xad: return "'\(Character(Unicode.Scalar(b)))'"
            case 0x80...0xff: return "'\\u00\(hex(b))'"
            default: return "'\\x\(hex(b))'"
            }
        }

        var endError: StructuredDataError { StructuredDataError(.invalidJSON, "unexpected end of JSON input") }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0a, 0x0d: position += 1
                default: return
                }
            }
        }

        mutating func readValue(depth: Int) throws(StructuredDataError) -> JSONValue {
            guard position < bytes.count else { throw endError }
            let b = bytes[position]
            switch b {
            case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
            case UInt8(ascii: "["): return try readArray(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try readString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
            default: throw error("invalid character \(describe(b)) looking for beginning of value")
            }
        }

        mutating func expectLiteral(_ literal: StaticString) throws(StructuredDataError) {
            let lit = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
            for i in 0..<lit.count {
                guard position < bytes.count else { throw endError }
                if bytes[position] != lit[i] {
                    throw error("invalid character \(describe(bytes[position])) in literal \(literal) (expecting '\(Character(Unicode.Scalar(lit[i])))')")
                }
                position += 1
            }
        }

        mutating func readObject(depth: Int) throws(StructuredDataError) -> JSONValue {
            if depth > maxDepth { throw error("exceeded max depth of \(maxDepth)") }
            position += 1  // {
            skipWhitespace()
            guard position < bytes.count else { throw endError }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .object([:]) }
            let keyBase = pendingKeys.count, valueBase = pendingValues.count
            while true {
                skipWhitespace()
                guard position < bytes.count else { throw endError }
                guard bytes[position] == UInt8(ascii: "\"") else {
                    throw error("invalid character \(describe(bytes[position])) looking for beginning of object key string")
                }
                let key = try readString()
                skipWhitespace()
                guard position < bytes.count else { throw endError }
                guard bytes[position] == UInt8(ascii: ":") else {
                    throw error("invalid character \(describe(bytes[position])) after object key")
                }
                position += 1
                skipWhitespace()
                let value = try readValue(depth: depth)
                pendingKeys.append(key)
                pendingValues.append(value)
                skipWhitespace()
                guard position < bytes.count else { throw endError }
                switch bytes[position] {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "}"): position += 1; return .object(takeObject(keys: keyBase, values: valueBase))
                default: throw error("invalid character \(describe(bytes[position])) after object key:value pair")
                }
            }
        }

        /// The pending entries from the given bases on as an object; a repeated key keeps its
        /// first position and its last value.
        mutating func takeObject(keys keyBase: Int, values valueBase: Int) -> JSONObject {
            let keys = pendingKeys[keyBase...]
            let values = pendingValues[valueBase...]
            let object: JSONObject
            if Self.unique(keys) {
                object = JSONObject(uncheckedUniqueKeys: keys, values: values)
            } else {
                var merged = JSONObject()
                for (key, value) in zip(keys, values) { merged[key] = value }
                object = merged
            }
            pendingKeys.removeSubrange(keyBase...)
            pendingValues.removeSubrange(valueBase...)
            return object
        }

        static func unique(_ keys: ArraySlice<String>) -> Bool {
            if keys.count <= 16 {
                var i = keys.startIndex
                while i < keys.endIndex {
                    var j = i + 1
                    while j < keys.endIndex {
                        if keys[i] == keys[j] { return false }
                        j += 1
                    }
                    i += 1
                }
                return true
            }
            return Set(keys).count == keys.count
        }

        mutating func readArray(depth: Int) throws(StructuredDataError) -> JSONValue {
            if depth > maxDepth { throw error("exceeded max depth of \(maxDepth)") }
            position += 1  // [
            skipWhitespace()
            guard position < bytes.count else { throw endError }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array([]) }
            let base = pendingValues.count
            while true {
                skipWhitespace()
                let element = try readValue(depth: depth)
                pendingValues.append(element)
                skipWhitespace()
                guard position < bytes.count else { throw endError }
                switch bytes[position] {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "]"):
                    position += 1
                    let array = Array(pendingValues[base...])
                    pendingValues.removeSubrange(base...)
                    return .array(array)
                default: throw error("invalid character \(describe(bytes[position])) after array element")
                }
            }
        }

        mutating func readNumber() throws(StructuredDataError) -> JSONValue {
            let start = position
            var isFloat = false
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count else { throw endError }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else if isDigit(bytes[position]) {
                while position < bytes.count && isDigit(bytes[position]) { position += 1 }
            } else {
                throw error("invalid character \(describe(bytes[position])) in numeric literal")
            }
            if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
                isFloat = true
                position += 1
                guard position < bytes.count else { throw endError }
                guard isDigit(bytes[position]) else {
                    throw error("invalid character \(describe(bytes[position])) after decimal point in numeric literal")
                }
                while position < bytes.count && isDigit(bytes[position]) { position += 1 }
            }
            if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
                isFloat = true
                position += 1
                if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                    position += 1
                }
                guard position < bytes.count else { throw endError }
                guard isDigit(bytes[position]) else {
                    throw error("invalid character \(describe(bytes[position])) in exponent of numeric literal")
                }
                while position < bytes.count && isDigit(bytes[position]) { position += 1 }
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            if !isFloat, let i = Int64(text) { return .int(i) }
            guard let d = Double(text), d.isFinite else {
                throw error("number \(text) is out of range")
            }
            return .double(d)
        }

        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

        mutating func readString() throws(StructuredDataError) -> String {
            position += 1  // opening quote
            let start = position
            // Fast path: no escapes.
            while position < bytes.count {
                let b = bytes[position]
                if b == UInt8(ascii: "\"") {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                    position += 1
                    return s
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { throw error("invalid character \(describe(b)) in string literal") }
                position += 1
            }
            guard position < bytes.count else { throw endError }
            var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while position < bytes.count {
                let b = bytes[position]
                switch b {
                case UInt8(ascii: "\""):
                    position += 1
                    return String(decoding: buffer, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    position += 1
                    guard position < bytes.count else { throw endError }
                    let e = bytes[position]
                    position += 1
                    switch e {
                    case UInt8(ascii: "\""): buffer.append(0x22)
                    case UInt8(ascii: "\\"): buffer.append(0x5c)
                    case UInt8(ascii: "/"): buffer.append(0x2f)
                    case UInt8(ascii: "b"): buffer.append(0x08)
                    case UInt8(ascii: "f"): buffer.append(0x0c)
                    case UInt8(ascii: "n"): buffer.append(0x0a)
                    case UInt8(ascii: "r"): buffer.append(0x0d)
                    case UInt8(ascii: "t"): buffer.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try readHex4()
                        if (0xD800..<0xDC00).contains(scalar) {
                            // A high surrogate must be followed by \u low surrogate; otherwise U+FFFD.
                            if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                                let save = position
                                position += 2
                                let low = try readHex4()
                                if (0xDC00..<0xE000).contains(low) {
                                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                                } else {
                                    position = save
                                    scalar = 0xFFFD
                                }
                            } else {
                                scalar = 0xFFFD
                            }
                        } else if (0xDC00..<0xE000).contains(scalar) {
                            scalar = 0xFFFD
                        }
                        let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                        buffer.append(contentsOf: String(Character(u)).utf8)
                    default:
                        position -= 1
                        throw error("invalid character \(describe(e)) in string escape code")
                    }
                default:
                    if b < 0x20 { throw error("invalid character \(describe(b)) in string literal") }
                    buffer.append(b)
                    position += 1
                }
            }
            throw endError
        }

        mutating func readHex4() throws(StructuredDataError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard position < bytes.count else { throw endError }
                let b = bytes[position]
                let digit: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
                default: throw error("invalid character \(describe(b)) in \\u hexadecimal character escape")
                }
                value = value * 16 + digit
                position += 1
            }
            return value
        }
    }
}
