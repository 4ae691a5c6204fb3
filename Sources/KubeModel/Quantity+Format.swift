import StructuredData

extension Quantity {
    /// `Quantity.String()`: the canonical form in the quantity's format.
    public var description: String { cached ?? canonical }

    /// The canonical form regardless of the original text (`CanonicalizeBytes`).
    public var canonical: String {
        if digits.isEmpty { return "0" }
        var format = self.format
        if format == .binarySI {
            if Quantity.compareMagnitude(self, Quantity(negative: false, digits: [1, 0, 2, 4], exponent: 0, format: .decimalSI)) < 0 {
                format = .decimalSI
            } else if exponent < 0 {
                format = .decimalSI
            }
        }
        let sign = negative ? "-" : ""
        switch format {
        case .binarySI:
            var mantissa = digits + Array(repeating: 0, count: exponent)
            var power = 0
            while power < 6, let divided = Quantity.divideExactly(mantissa, by: 1024), !divided.isEmpty {
                mantissa = divided
                power += 1
            }
            let suffix = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"][power]
            return sign + Self.text(mantissa) + suffix
        case .decimalSI, .decimalExponent:
            var mantissa = digits
            var e = exponent
            let r = ((e % 3) + 3) % 3
            if r != 0 {
                mantissa += Array(repeating: 0, count: r)
                e -= r
            }
            let suffix: String
            if format == .decimalExponent {
                suffix = e == 0 ? "" : "e\(e)"
            } else if let si = [-9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"][e] {
                suffix = si
            } else {
                // DecimalSI has no suffix beyond E (10^18): fall back to exponent notation.
                suffix = "e\(e)"
            }
            return sign + Self.text(mantissa) + suffix
        }
    }

    private static func text(_ digits: [UInt8]) -> String {
        digits.isEmpty ? "0" : String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
    }

    /// The JSON form: the canonical string.
    public var json: JSONValue { .string(description) }

    /// Decodes a quantity from JSON: a string, or a number (as upstream accepts).
    public init(json: JSONValue) throws(KubeModelError) {
        switch json {
        case .string(let s): self = try Quantity.parse(s)
        case .int(let i): self = try Quantity.parse(String(i))
        case .double(let d): self = try Quantity.parse(String(d))
        default: throw .invalidQuantity("quantity must be a string or number, got \(json.typeName)")
        }
    }
}
