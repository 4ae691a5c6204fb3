import Foundation
import GoCompat
import GoTemplate

extension Sprig {
    static let floatMath: [GoFunction] = [
        fn("add1f", [.any], result: .float64) { a in .float64(try decimalFold([a[0], .int64(1)], +)) },
        fn("addf", [], variadic: .any, result: .float64) { a in .float64(a.isEmpty ? 0 : try decimalFold(a, +)) },
        fn("subf", [.any], variadic: .any, result: .float64) { a in .float64(try decimalFold(a, -)) },
        fn("mulf", [.any], variadic: .any, result: .float64) { a in .float64(try decimalFold(a, *)) },
        fn("divf", [.any], variadic: .any, result: .float64) { a in
            for d in a.dropFirst() where Cast.toFloat64(d) == 0 { throw SprigError("decimal division by 0") }
            return .float64(try decimalFold(a, /))
        },
        fn("maxf", [.any], variadic: .any, result: .float64) { a in .float64(a.map(Cast.toFloat64).reduce(-Double.infinity) { Swift.max($0, $1) }) },
        fn("minf", [.any], variadic: .any, result: .float64) { a in .float64(a.map(Cast.toFloat64).reduce(Double.infinity) { Swift.min($0, $1) }) },
        fn("ceil", [.any], result: .float64) { a in .float64(Cast.toFloat64(a[0]).rounded(.up)) },
        fn("floor", [.any], result: .float64) { a in .float64(Cast.toFloat64(a[0]).rounded(.down)) },
        fn("round", [.any, .int], variadic: .float64, result: .float64) { a in
            let roundOn = a.count > 2 ? Cast.toFloat64(a[2]) : 0.5
            let value = Cast.toFloat64(a[0])
            let pow = goPow10(a[1].int64)
            let digit = pow * value
            let fraction = digit - digit.rounded(.towardZero)
            let rounded = fraction >= roundOn ? digit.rounded(.up) : digit.rounded(.down)
            return .float64(rounded / pow)
        },
    ]

    /// Go's `math.Pow(10, n)` for an integer `n`: repeated squaring of the mantissa with a
    /// separate binary exponent, reciprocal last for negative `n` (so `10^-100` is the same
    /// float as in Go, which the C library's `pow` need not give).
    static func goPow10(_ n: Int64) -> Double {
        if n == 0 { return 1 }
        var a1 = 1.0
        var ae = 0
        let f = frexp(10.0)
        var x1 = f.0
        var xe = f.1
        var i = n.magnitude
        while i != 0 {
            if xe < -(1 << 12) || (1 << 12) < xe {
                ae += xe
                break
            }
            if i & 1 == 1 {
                a1 *= x1
                ae += xe
            }
            x1 *= x1
            xe <<= 1
            if x1 < 0.5 {
                x1 += x1
                xe -= 1
            }
            i >>= 1
        }
        if n < 0 {
            a1 = 1 / a1
            ae = -ae
        }
        return scalbn(a1, ae)
    }

    /// Folds values left to right in decimal arithmetic (shopspring/decimal: each float enters
    /// as its shortest decimal form), then converts the result to the nearest float64.
    static func decimalFold(_ values: [GoValue], _ op: (Decimal, Decimal) -> Decimal) throws -> Double {
        let doubles = values.map(Cast.toFloat64)
        let decimals = doubles.map(decimal)
        // shopspring's NewFromFloat panics on NaN and ±Inf.
        if let bad = doubles.first(where: { !$0.isFinite }) {
            throw SprigError("Cannot create a Decimal from \(bad.isNaN ? "NaN" : bad > 0 ? "+Inf" : "-Inf")")
        }
        let all = decimals.compactMap { $0 }
        guard let first = all.first else { return 0 }
        let result = all.dropFirst().reduce(first, op)
        return Double(result.description) ?? (result as NSDecimalNumber).doubleValue
    }

    static func decimal(_ value: Double) -> Decimal? {
        guard value.isFinite else { return nil }
        return Decimal(string: GoFloat.format(value, "e", precision: -1), locale: Locale(identifier: "en_US_POSIX"))
    }
}
