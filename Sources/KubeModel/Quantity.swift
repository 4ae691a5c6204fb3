/// `resource.Quantity`: an exact decimal amount with a preferred format (`1.5Gi`, `100m`, `1e3`).
///
/// Values are kept exactly (arbitrary precision), rounded up (away from zero) to nano units as
/// upstream does. `description` is the canonical string (`resource.Quantity.String()`).
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `resource.Format`.
    public enum Format: String, Sendable {
        case decimalExponent = "DecimalExponent"
        case binarySI = "BinarySI"
        case decimalSI = "DecimalSI"
    }

    /// The value is `(negative ? -1 : 1) * digits * 10^exponent`, `digits` without leading zeros.
    var negative: Bool
    var digits: [UInt8]
    var exponent: Int
    public let format: Format
    /// The original text when upstream would keep it as the string form.
    var cached: String?

    static let formatError =
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

    init(negative: Bool, digits: [UInt8], exponent: Int, format: Format, cached: String? = nil) {
        var d = Array(digits.drop { $0 == 0 })
        var e = exponent
        while let last = d.last, last == 0 {
            d.removeLast()
            e += 1
        }
        if d.isEmpty { e = 0 }
        // Round up (away from zero) to nano precision.
        if e < -9 {
            let keep = d.count - (-9 - e)
            let dropped = keep <= 0 ? d : Array(d[keep...])
            d = keep <= 0 ? [] : Array(d[..<keep])
            if dropped.contains(where: { $0 != 0 }) { d = Self.addOne(d) }
            e = -9
            if d.isEmpty { e = 0 }
        }
        self.negative = negative && !d.isEmpty
        self.digits = d
        self.exponent = e
        self.format = format
        self.cached = cached
    }

    /// Zero in `DecimalSI`.
    public static let zero = Quantity(negative: false, digits: [], exponent: 0, format: .decimalSI)

    public var isZero: Bool { digits.isEmpty }

    /// The value as Int64 (rounded up to an integer like `Quantity.Value()`); `nil` when out of range.
    public var value: Int64? { scaledValue(scale: 0) }

    /// The value in milli-units (`MilliValue()`); `nil` when out of range.
    public var milliValue: Int64? { scaledValue(scale: -3) }

    /// `ScaledValue`: the value in units of 10^scale, rounded up (away from zero).
    public func scaledValue(scale: Int) -> Int64? {
        var d = digits
        var e = exponent - scale
        if e < 0 {
            let keep = d.count + e
            let dropped = keep <= 0 ? d : Array(d[keep...])
            d = keep <= 0 ? [] : Array(d[..<keep])
            if dropped.contains(where: { $0 != 0 }) { d = Self.addOne(d) }
            e = 0
        }
        var v: Int64 = 0
        for digit in d + Array(repeating: 0, count: e) {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(digit))
            if o1 || o2 { return nil }
            v = a
        }
        return negative ? -v : v
    }

    public static func == (lhs: Quantity, rhs: Quantity) -> Bool { compare(lhs, rhs) == 0 }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(negative)
        hasher.combine(digits)
        hasher.combine(exponent)
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { compare(lhs, rhs) < 0 }

    /// `Quantity.Cmp`: -1, 0 or 1.
    public static func compare(_ a: Quantity, _ b: Quantity) -> Int {
        if a.negative != b.negative { return a.negative ? -1 : 1 }
        let magnitude = compareMagnitude(a, b)
        return a.negative ? -magnitude : magnitude
    }

    static func compareMagnitude(_ a: Quantity, _ b: Quantity) -> Int {
        if a.digits.isEmpty || b.digits.isEmpty { return a.digits.isEmpty ? (b.digits.isEmpty ? 0 : -1) : 1 }
        let aTop = a.digits.count + a.exponent
        let bTop = b.digits.count + b.exponent
        if aTop != bTop { return aTop < bTop ? -1 : 1 }
        let n = max(a.digits.count, b.digits.count)
        for i in 0..<n {
            let x = i < a.digits.count ? a.digits[i] : 0
            let y = i < b.digits.count ? b.digits[i] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    static func addOne(_ digits: [UInt8]) -> [UInt8] {
        var d = digits
        var i = d.count - 1
        while i >= 0 {
            if d[i] < 9 {
                d[i] += 1
                return d
            }
            d[i] = 0
            i -= 1
        }
        return [1] + d
    }

    static func multiply(_ digits: [UInt8], by factor: UInt64) -> [UInt8] {
        var result: [UInt8] = []
        var carry: UInt64 = 0
        for digit in digits.reversed() {
            let p = UInt64(digit) * factor + carry
            result.append(UInt8(p % 10))
            carry = p / 10
        }
        while carry > 0 {
            result.append(UInt8(carry % 10))
            carry /= 10
        }
        return Array(result.reversed())
    }

    /// Divides by `divisor` when exact; `nil` otherwise.
    static func divideExactly(_ digits: [UInt8], by divisor: UInt64) -> [UInt8]? {
        var result: [UInt8] = []
        var remainder: UInt64 = 0
        for digit in digits {
            let current = remainder * 10 + UInt64(digit)
            result.append(UInt8(current / divisor))
            remainder = current % divisor
        }
        return remainder == 0 ? Array(result.drop { $0 == 0 }) : nil
    }
}
