import GoTemplate

extension Sprig {
    static let random: [GoFunction] = [
        fn("randAlphaNum", [.int], result: .string) { a in .string(try randomString(a[0].intValue, from: alphabet + digits)) },
        fn("randAlpha", [.int], result: .string) { a in .string(try randomString(a[0].intValue, from: alphabet)) },
        fn("randAscii", [.int], result: .string) { a in
            .string(try randomString(a[0].intValue, from: (32...126).map { Character(Unicode.Scalar(UInt8($0))) }))
        },
        fn("randNumeric", [.int], result: .string) { a in .string(try randomString(a[0].intValue, from: digits)) },
        fn("randBytes", [.int], result: .string, returnsError: true) { a in
            guard a[0].intValue >= 0 else { throw SprigError("runtime error: makeslice: len out of range") }
            try SprigLimits.checkString(a[0].intValue / 3 * 4)
            var g = SystemRandomNumberGenerator()
            return .string(Base64.encode((0..<a[0].intValue).map { _ in UInt8.random(in: 0...255, using: &g) }))
        },
        fn("randInt", [.int, .int], result: .int) { a in
            let lo = a[0].intValue, hi = a[1].intValue
            guard hi > lo else { throw SprigError("invalid argument to Intn") }
            return .goInt(Int.random(in: lo..<hi))
        },
        fn("uuidv4", [], result: .string) { _ in .string(uuidv4()) },
        fn("shuffle", [.string], result: .string) { a in .string(String(String.UnicodeScalarView(Array(a[0].str.unicodeScalars).shuffled()))) },
    ]

    static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let digits = Array("0123456789")

    /// `count` characters drawn uniformly from `set` with the system CSPRNG (goutils'
    /// crypto-random generators); a negative count is an error in Go and gives "" here.
    static func randomString(_ count: Int, from set: [Character]) throws(SprigError) -> String {
        guard count > 0 else { return "" }
        try SprigLimits.checkString(count)
        var g = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in set[Int.random(in: 0..<set.count, using: &g)] })
    }

    /// A random RFC 4122 version-4 UUID in lowercase hex.
    static func uuidv4() -> String {
        var g = SystemRandomNumberGenerator()
        var b = (0..<16).map { _ in UInt8.random(in: 0...255, using: &g) }
        b[6] = (b[6] & 0x0F) | 0x40
        b[8] = (b[8] & 0x3F) | 0x80
        let hex = Hex.encode(b)
        let h = Array(hex)
        return String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-" + String(h[16..<20]) + "-" + String(h[20...])
    }
}
