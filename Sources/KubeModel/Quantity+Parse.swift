extension Quantity {
    private static let decimalSuffixes: [String: Int] = [
        "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
    ]
    static let maxAllowed = Quantity(negative: false, digits: Array("9223372036854775807".utf8).map { $0 - 0x30 },
                                     exponent: 0, format: .decimalSI)
    private static let binarySuffixes: [String: Int] = ["Ki": 1, "Mi": 2, "Gi": 3, "Ti": 4, "Pi": 5, "Ei": 6]

    /// Parses as `resource.ParseQuantity`.
    /// - Throws: `KubeModelError.invalidQuantity` with upstream's text: the regular-expression
    ///   message, `unable to parse quantity's suffix`, or `unable to parse numeric part of quantity`.
    public static func parse(_ text: String) throws(KubeModelError) -> Quantity {
        let b = Array(text.utf8)
        if b.isEmpty { throw .invalidQuantity(formatError) }
        var pos = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            pos = 1
        }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        var whole: [UInt8] = []
        var fraction: [UInt8] = []
        while pos < b.count, isDigit(b[pos]) {
            whole.append(b[pos] - 0x30)
            pos += 1
        }
        if pos < b.count, b[pos] == UInt8(ascii: ".") {
            pos += 1
            while pos < b.count, isDigit(b[pos]) {
                fraction.append(b[pos] - 0x30)
                pos += 1
            }
        }
        let suffixStart = pos
        while pos < b.count, "eEinumkKMGTP".utf8.contains(b[pos]) { pos += 1 }
        if pos < b.count, b[pos] == UInt8(ascii: "-") || b[pos] == UInt8(ascii: "+") { pos += 1 }
        while pos < b.count, isDigit(b[pos]) { pos += 1 }
        if pos != b.count { throw .invalidQuantity(formatError) }
        let suffix = String(decoding: b[suffixStart...], as: UTF8.self)

        var digits = whole + fraction
        var exponent = -fraction.count
        let format: Format
        if let e = decimalSuffixes[suffix] {
            format = .decimalSI
            exponent += e
        } else if let power = binarySuffixes[suffix] {
            format = .binarySI
            for _ in 0..<power { digits = multiply(digits, by: 1024) }
        } else if suffix.utf8.count > 1, suffix.first == "e" || suffix.first == "E",
            let e = Int(suffix.dropFirst()), abs(e) < 1_000_000
        {
            format = .decimalExponent
            exponent += e
        } else {
            throw .invalidQuantity("unable to parse quantity's suffix")
        }
        var quantity = Quantity(negative: negative, digits: digits, exponent: exponent, format: format)
        // Binary quantities are capped at the largest int64, as upstream does.
        if format == .binarySI, compareMagnitude(quantity, maxAllowed) > 0 {
            quantity = Quantity(negative: negative, digits: maxAllowed.digits, exponent: 0, format: .binarySI)
        }
        // A non-zero binary amount below one is shown in DecimalSI, as upstream switches formats.
        if format == .binarySI, !quantity.isZero, compareMagnitude(quantity, Quantity(negative: false, digits: [1], exponent: 0, format: .decimalSI)) < 0 {
            quantity = Quantity(negative: quantity.negative, digits: quantity.digits, exponent: quantity.exponent, format: .decimalSI)
        }
        return quantity.withCachedText(text, whole: whole, fraction: fraction, suffix: suffix)
    }

    /// Upstream keeps the original text as the string form on its int64 fast path when the text is
    /// already canonical (so `+1` and `1E3` print as given, as upstream).
    private func withCachedText(_ text: String, whole: [UInt8], fraction: [UInt8], suffix: String) -> Quantity {
        if text == "0" { return Quantity(negative: false, digits: [], exponent: 0, format: .decimalSI, cached: "0") }
        let stripped = Array(whole.drop { $0 == 0 })
        let shifted = (stripped.isEmpty ? [0] : stripped) + fraction
        var copy = self
        switch format {
        case .binarySI:
            let power = Quantity.binarySuffixes[suffix] ?? 0
            guard fraction.isEmpty, 15 - shifted.count - power * 3 - 1 >= 0 else { return self }
            let low = shifted.suffix(3).reduce(0) { $0 * 10 + Int($1) } & 0x07
            if low != 0 { copy.cached = text }
        case .decimalSI, .decimalExponent:
            guard 18 - shifted.count >= 0 else { return self }
            let suffixScale = (format == .decimalSI ? Quantity.decimalSuffixes[suffix] : Int(suffix.dropFirst())) ?? 0
            let scale = suffixScale - fraction.count
            let trailingZeros = shifted.count >= 3 && shifted.suffix(3).allSatisfy { $0 == 0 }
            if scale >= -9, scale % 3 == 0, !trailingZeros, shifted[0] != 0 { copy.cached = text }
        }
        return copy
    }
}
