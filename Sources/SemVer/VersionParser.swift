/// Hand-written equivalents of semver's version regular expression and its validators.
enum VersionParser {
    static let identifierBytes: Set<UInt8> = Set(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789".utf8))

    /// Go's `strconv.ParseUint(s, 10, 64)` success case: ASCII digits only, fits in 64 bits.
    static func decimal(_ text: some StringProtocol) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return UInt64(text)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Parses a segment already known to be ASCII digits; overflow gives Go's range error.
    private static func segment(_ digits: [UInt8]) throws(SemVerError) -> UInt64 {
        let text = String(decoding: digits, as: UTF8.self)
        guard let value = UInt64(text) else {
            throw .segmentParse("strconv.ParseUint: parsing \"\(text)\": value out of range")
        }
        return value
    }

    /// `[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*`
    static func isIdentifierList(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { identifierBytes.contains($0) }
        }
    }

    static func lenient(_ text: String) throws(SemVerError) -> Version {
        let bytes = Array(text.utf8)
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "v") { index += 1 }
        func digits() -> [UInt8] {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return Array(bytes[start..<index])
        }
        let majorDigits = digits()
        guard !majorDigits.isEmpty else { throw .invalidSemVer }
        var numbers = [majorDigits]
        while numbers.count < 3, index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), isDigit(bytes[index + 1]) {
            index += 1
            numbers.append(digits())
        }
        var pre = ""
        var meta = ""
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "+") { end += 1 }
            guard isIdentifierList(bytes[start..<end]) else { throw .invalidSemVer }
            pre = String(decoding: bytes[start..<end], as: UTF8.self)
            index = end
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") {
            guard isIdentifierList(bytes[(index + 1)...]) else { throw .invalidSemVer }
            meta = String(decoding: bytes[(index + 1)...], as: UTF8.self)
            index = bytes.count
        }
        guard index == bytes.count else { throw .invalidSemVer }
        var values: [UInt64] = []
        for number in numbers { values.append(try segment(number)) }
        while values.count < 3 { values.append(0) }
        if !pre.isEmpty { try validatePrerelease(pre) }
        if !meta.isEmpty { try validateMetadata(meta) }
        return Version(major: values[0], minor: values[1], patch: values[2], prerelease: pre, metadata: meta, original: text)
    }

    static func strict(_ text: String) throws(SemVerError) -> Version {
        guard !text.isEmpty else { throw .emptyString }
        var parts = goSplit(text, on: ".")
        guard parts.count >= 3 else { throw .invalidSemVer }
        if parts.count > 3 { parts = [parts[0], parts[1], parts[2...].joined(separator: ".")] }
        var pre = ""
        var meta = ""
        if parts[2].contains(where: { $0 == "-" || $0 == "+" }) {
            if let plus = parts[2].firstIndex(of: "+") {
                meta = String(parts[2][parts[2].index(after: plus)...])
                parts[2] = String(parts[2][..<plus])
            }
            if let dash = parts[2].firstIndex(of: "-") {
                pre = String(parts[2][parts[2].index(after: dash)...])
                parts[2] = String(parts[2][..<dash])
            }
        }
        for part in parts {
            guard part.utf8.allSatisfy(isDigit) else { throw .invalidCharacters }
            if part.utf8.count > 1, part.utf8.first == UInt8(ascii: "0") { throw .segmentStartsZero }
        }
        var values: [UInt64] = []
        for part in parts {
            if part.isEmpty { throw .numberSyntax("strconv.ParseUint: parsing \"\": invalid syntax") }
            guard let value = UInt64(part) else {
                throw .numberSyntax("strconv.ParseUint: parsing \"\(part)\": value out of range")
            }
            values.append(value)
        }
        if !pre.isEmpty { try validatePrerelease(pre) }
        if !meta.isEmpty { try validateMetadata(meta) }
        return Version(major: values[0], minor: values[1], patch: values[2], prerelease: pre, metadata: meta, original: text)
    }

    /// Numeric identifiers may not have leading zeros; others must be `[0-9A-Za-z-]*`.
    static func validatePrerelease(_ value: String) throws(SemVerError) {
        for part in goSplit(value, on: ".") {
            if part.utf8.allSatisfy(isDigit) {
                if part.utf8.count > 1, part.utf8.first == UInt8(ascii: "0") { throw .segmentStartsZero }
            } else if !part.utf8.allSatisfy({ identifierBytes.contains($0) }) {
                throw .invalidPrerelease
            }
        }
    }

    /// Metadata identifiers must be `[0-9A-Za-z-]*`.
    static func validateMetadata(_ value: String) throws(SemVerError) {
        for part in goSplit(value, on: ".") where !part.utf8.allSatisfy({ identifierBytes.contains($0) }) {
            throw .invalidMetadata
        }
    }
}
