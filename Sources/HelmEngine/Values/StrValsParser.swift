import StructuredData

/// The scanner/recursive-descent core of `StrVals` (mirrors the behaviour of Helm's parser:
/// keys split on `=`, `[`, `,`, `.`; values on `,`; lists in `{…}`).
struct StrValsParser {
    var text: [Unicode.Scalar]
    var index = 0
    var mode: StrVals.Mode

    init(text: [Unicode.Scalar], mode: StrVals.Mode) {
        self.text = text
        self.mode = mode
    }

    private var isJSON: Bool { if case .json = mode { return true }; return false }

    /// Reads runes up to one of `stop` (consumed). Returns the text, the stop rune (nil at EOF).
    mutating func until(_ stop: Set<Unicode.Scalar>) -> (String, Unicode.Scalar?) {
        var out = String.UnicodeScalarView()
        while index < text.count {
            let r = text[index]
            index += 1
            if stop.contains(r) { return (String(out), r) }
            if r == "\\" {
                guard index < text.count else { return (String(out), nil) }
                out.append(text[index])
                index += 1
                continue
            }
            out.append(r)
        }
        return (String(out), nil)
    }

    func read(_ runes: String) throws -> JSONValue {
        switch mode {
        case .typed: return StrVals.typedValue(runes, asString: false)
        case .string: return StrVals.typedValue(runes, asString: true)
        case .file(let reader): return try reader(runes)
        case .json: return .string(runes)
        }
    }

    /// Parses one `key…=value` item into `data`. Returns false at end of input.
    mutating func key(_ data: inout JSONObject, level: Int) throws -> Bool {
        var level = level
        while true {
            let (k, last) = until(["=", "[", ",", "."])
            guard let last else {
                if k.isEmpty { return false }
                throw HelmError(.values, "key \(quote(k)) has no value")
            }
            switch last {
            case "[":
                let i = try keyIndex()
                var list: [JSONValue] = []
                if let existing = data[k] {
                    guard case .array(let items) = existing else {
                        throw HelmError(.values, "unable to parse key: interface conversion: interface {} is \(goTypeName(existing)), not []interface {}")
                    }
                    list = items
                }
                let result = try listItem(list, i, level: level)
                set(&data, k, .array(result))
                return true
            case "=":
                if isJSON {
                    if emptyValue() { set(&data, k, .null); return true }
                    let value = try decodeJSON()
                    set(&data, k, value)
                    _ = emptyValue()
                    return true
                }
                switch try valueList() {
                case .list(let values):
                    set(&data, k, .array(values))
                    return true
                case .eof:
                    set(&data, k, .string(""))
                    return false
                case .notList:
                    let (runes, _) = until([","])
                    set(&data, k, try read(runes))
                    return true
                }
            case ",":
                set(&data, k, .string(""))
                throw HelmError(.values, "key \(quote(k)) has no value (cannot end with ,)")
            default: // "."
                level += 1
                if level > StrVals.maxNestedNameLevel {
                    throw HelmError(.values, "value name nested level is greater than maximum supported nested level of \(StrVals.maxNestedNameLevel)")
                }
                var inner = JSONObject()
                if let existing = data[k] {
                    guard case .object(let object) = existing else {
                        throw HelmError(.values, "unable to parse key: interface conversion: interface {} is \(goTypeName(existing)), not map[string]interface {}")
                    }
                    inner = object
                }
                var more = true
                var failure: Error?
                do { more = try key(&inner, level: level) } catch { failure = error }
                if failure == nil, inner.isEmpty {
                    throw HelmError(.values, "key map \(quote(k)) has no value")
                }
                if !inner.isEmpty { set(&data, k, .object(inner)) }
                if let failure { throw failure }
                return more
            }
        }
    }

    enum ListResult { case list([JSONValue]), eof, notList }

    mutating func valueList() throws -> ListResult {
        guard index < text.count else { return .eof }
        guard text[index] == "{" else { return .notList }
        index += 1
        var list: [JSONValue] = []
        while true {
            let (runes, last) = until([",", "}"])
            guard let last else { throw HelmError(.values, "list must terminate with '}'") }
            if last == "}" {
                if index < text.count, text[index] == "," { index += 1 }
                list.append(try read(runes))
                return .list(list)
            }
            list.append(try read(runes))
        }
    }

    mutating func keyIndex() throws -> Int {
        let (v, last) = until(["]"])
        guard last != nil else { throw HelmError(.values, "error parsing index: EOF") }
        guard let i = Int(v) ?? (StrVals.parseInt64(v).map { Int($0) }) else {
            throw HelmError(.values, "error parsing index: strconv.Atoi: parsing \(quote(v)): invalid syntax")
        }
        return i
    }

    mutating func listItem(_ list: [JSONValue], _ i: Int, level: Int) throws -> [JSONValue] {
        if i < 0 { throw HelmError(.values, "negative \(i) index not allowed") }
        let (k, last) = until(["[", ".", "="])
        if !k.isEmpty { throw HelmError(.values, "unexpected data at end of array index: \(quote(k))") }
        guard let last else { throw HelmError(.values, "EOF") }
        switch last {
        case "=":
            if isJSON {
                if emptyValue() { return try setIndex(list, i, .null) }
                let value = try decodeJSON()
                let result = try setIndex(list, i, value)
                _ = emptyValue()
                return result
            }
            switch try valueList() {
            case .list(let values): return try setIndex(list, i, .array(values))
            case .eof: return try setIndex(list, i, .string(""))
            case .notList:
                let (runes, _) = until([","])
                return try setIndex(list, i, try read(runes))
            }
        case "[":
            let next = try keyIndex()
            var current: [JSONValue] = []
            if i < list.count, case .array(let items) = list[i] { current = items }
            let nested = try listItem(current, next, level: level)
            return try setIndex(list, i, .array(nested))
        default: // "."
            var inner = JSONObject()
            var copy = list
            if i < copy.count {
                if case .object(let object) = copy[i] { inner = object } else { copy[i] = .object([:]) }
            }
            _ = try key(&inner, level: level)
            return try setIndex(copy, i, .object(inner))
        }
    }

    func setIndex(_ list: [JSONValue], _ i: Int, _ value: JSONValue) throws -> [JSONValue] {
        if i < 0 { throw HelmError(.values, "negative \(i) index not allowed") }
        if i > StrVals.maxIndex {
            throw HelmError(.values, "index of \(i) is greater than maximum supported index of \(StrVals.maxIndex)")
        }
        var result = list
        while result.count <= i { result.append(.null) }
        result[i] = value
        return result
    }

    /// Skips blanks; true (and consumes a comma) when the value is empty.
    mutating func emptyValue() -> Bool {
        while index < text.count {
            let r = text[index]
            if r == "," { index += 1; return true }
            if !r.properties.isWhitespace { return false }
            index += 1
        }
        return true
    }

    /// Decodes one JSON value from the current position (like `json.Decoder.Decode`).
    mutating func decodeJSON() throws -> JSONValue {
        let rest = String(String.UnicodeScalarView(text[index...]))
        let bytes = Array(rest.utf8)
        let end = JSONPrefixScanner.valueEnd(bytes)
        let slice = Array(bytes[0..<end])
        let value: JSONValue
        do { value = try JSONParser.parse(bytes: slice) } catch {
            throw HelmError(.values, error.message)
        }
        index += String(decoding: slice, as: UTF8.self).unicodeScalars.count
        return value.helmNumbers
    }

    func set(_ data: inout JSONObject, _ key: String, _ value: JSONValue) {
        if key.isEmpty { return }
        data[key] = value
    }

    func quote(_ s: String) -> String { GoQuoteText.quote(s) }

    func goTypeName(_ v: JSONValue) -> String {
        switch v {
        case .null: return "nil"
        case .bool: return "bool"
        case .int: return "int64"
        case .double: return "float64"
        case .string: return "string"
        case .array: return "[]interface {}"
        case .object: return "map[string]interface {}"
        }
    }
}

/// Finds where the first JSON value in a byte buffer ends (for `--set-json` lists of values).
enum JSONPrefixScanner {
    static func valueEnd(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        guard i < bytes.count else { return bytes.count }
        var depth = 0
        var inString = false
        var escaped = false
        let start = bytes[i]
        if start != UInt8(ascii: "{") && start != UInt8(ascii: "[") && start != UInt8(ascii: "\"") {
            while i < bytes.count, bytes[i] != UInt8(ascii: ","), ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[i]) { i += 1 }
            return i
        }
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return i }
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return i }
            default: break
            }
        }
        return bytes.count
    }
}
