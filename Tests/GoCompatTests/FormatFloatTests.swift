import Testing
@testable import GoCompat

@Suite struct FormatFloatTests {
    @Test("shortest %g matches Go's strconv.FormatFloat(f, 'g', -1, 64)", arguments: [
        (123456.0, "123456"), (1_000_000.0, "1e+06"), (1_234_567.0, "1.234567e+06"),
        (0.0001, "0.0001"), (0.00001, "1e-05"), (3.0, "3"), (0.0, "0"), (-2.5, "-2.5"),
        (1e21, "1e+21"), (5e-324, "5e-324"), (0.1, "0.1"), (100.0, "100"),
    ])
    func shortestG(value: Double, expected: String) {
        #expect(GoFloat.format(value, "g") == expected)
    }

    @Test("shortest %e and %f", arguments: [
        (1234.5678, "e", "1.2345678e+03"), (0.0, "e", "0e+00"), (1e21, "f", "1000000000000000000000"),
        (0.000001, "f", "0.000001"), (-0.5, "f", "-0.5"),
    ])
    func shortestEF(value: Double, fmt: String, expected: String) {
        #expect(GoFloat.format(value, Character(fmt)) == expected)
    }

    @Test("fixed precision rounds the exact binary value", arguments: [
        (2.675, "f", 2, "2.67"), (1.0, "e", 3, "1.000e+00"), (123456789.0, "g", 3, "1.23e+08"),
        (0.5, "f", 0, "0"), (1.5, "f", 0, "2"),
    ])
    func fixed(value: Double, fmt: String, prec: Int, expected: String) {
        #expect(GoFloat.format(value, Character(fmt), precision: prec) == expected)
    }

    @Test("encoding/json float format", arguments: [
        (1e-7, "1e-7"), (1e21, "1e+21"), (1e20, "100000000000000000000"), (3.0, "3"), (0.000001, "0.000001"),
        (1.5, "1.5"),
    ])
    func json(value: Double, expected: String) {
        #expect(GoFloat.jsonString(value) == expected)
    }

    @Test("special values print like Go")
    func specials() {
        #expect(GoFloat.format(.nan, "g") == "NaN")
        #expect(GoFloat.format(.infinity, "g") == "+Inf")
        #expect(GoFloat.format(-.infinity, "f") == "-Inf")
        #expect(GoFloat.jsonString(.nan) == nil)
    }
}
