import Testing
import GoCompat
import StructuredData
@testable import KubeModel

/// Deterministic pseudo-random inputs built from each grammar's own symbols: parsers must return a
/// value or throw, never crash, and accepted selectors must round-trip through their string form.
@Suite("Parser robustness")
struct ParserRobustnessTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func string(from alphabet: [String], maxLength: Int) -> String {
            let n = Int(next() % UInt64(maxLength + 1))
            return (0..<n).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }.joined()
        }
    }

    static let labelAlphabet = ["a", "b", "x", "1", "-", "_", ".", "/", "=", "==", "!=", "!", "(", ")", ",", " ", "in", "notin",
                                ">", "<", "é", "\t"]
    static let fieldAlphabet = ["a", "b", ".", "=", "==", "!=", ",", "\\", " ", "x"]
    static let quantityAlphabet = ["0", "1", "9", ".", "-", "+", "e", "E", "i", "K", "M", "G", "m", "n", "u", "k", " "]
    static let durationAlphabet = ["0", "1", "9", ".", "-", "+", "h", "m", "s", "ms", "us", "µs", "ns", "x"]

    @Test("label selectors never crash and accepted ones round-trip", arguments: 0..<4)
    func labels(seed: Int) throws {
        var g = Generator(state: UInt64(seed) &+ 1)
        for _ in 0..<2_000 {
            let input = g.string(from: Self.labelAlphabet, maxLength: 12)
            if let selector = try? LabelSelector.parse(input) {
                let reparsed = try LabelSelector.parse(selector.description)
                #expect(reparsed.description == selector.description, "input: \(input)")
            }
        }
    }

    @Test("field selectors never crash and accepted ones keep their terms through a round trip", arguments: 0..<4)
    func fields(seed: Int) throws {
        var g = Generator(state: UInt64(seed) &+ 101)
        for _ in 0..<2_000 {
            let input = g.string(from: Self.fieldAlphabet, maxLength: 12)
            if let selector = try? FieldSelector.parse(input) {
                // Upstream sorts raw terms before parsing, so only the set of terms is stable.
                func terms(_ f: FieldSelector) -> [String] {
                    f.requirements.map { "\($0.field)\($0.op == .notEquals ? "!=" : "=")\($0.value)" }.sorted()
                }
                #expect(terms(try FieldSelector.parse(selector.description)) == terms(selector), "input: \(input)")
            }
        }
    }

    @Test("quantities never crash and their canonical form parses to the same value", arguments: 0..<4)
    func quantities(seed: Int) throws {
        var g = Generator(state: UInt64(seed) &+ 201)
        for _ in 0..<2_000 {
            let input = g.string(from: Self.quantityAlphabet, maxLength: 10)
            if let q = try? Quantity.parse(input) {
                #expect(try Quantity.parse(q.canonical) == q, "input: \(input)")
            }
        }
    }

    @Test("durations never crash and their Go form parses to the same value", arguments: 0..<4)
    func durations(seed: Int) throws {
        var g = Generator(state: UInt64(seed) &+ 301)
        for _ in 0..<2_000 {
            let input = g.string(from: Self.durationAlphabet, maxLength: 10)
            if let d = try? GoDuration.parse(input) {
                #expect(try GoDuration.parse(d.description) == d, "input: \(input)")
            }
        }
    }
}
