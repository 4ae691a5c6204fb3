import ArgumentParser
import Foundation
import Sprig

/// `swiftflux bench regex`: Sprig's Go regexp engine on pathological pattern/input pairs that
/// make backtracking engines exponential (`(a*)*b` on a run of `a`s). The automaton matcher's
/// time grows linearly with the input: each size is timed and the ratio to the smallest shown.
struct BenchRegexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regex",
        abstract: "Measure the regexp engine on pathological inputs (linear-time check)"
    )

    @Option(help: "Pattern to match (Go RE2 syntax).")
    var pattern = "(a*)*b"

    @Option(help: "Input sizes (number of repeated characters), comma-separated.")
    var sizes = "12500,25000,50000,100000"

    @Option(help: "The character the input repeats.")
    var character = "a"

    @Option(help: "Repetitions per size (the best time is reported).")
    var repeats = 3

    func run() throws {
        let regex = try GoRegex(pattern)
        let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let smallest = counts.min(), smallest > 0 else { throw ValidationError("no input sizes") }
        print("pattern: \(pattern)")
        var base: Double? = nil
        for n in counts.sorted() {
            let input = String(repeating: character, count: n)
            var best = Double.infinity
            var matched = false
            for _ in 0..<max(1, repeats) {
                let start = DispatchTime.now().uptimeNanoseconds
                matched = regex.matches(input)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            let perChar = best / Double(n) * 1e9
            let ratio = base.map { best / $0 } ?? 1
            if base == nil { base = best }
            print("\(n) × \(character): match=\(matched) " + String(format: "%.4f s (%.1f ns/char, %.2fx the %d-char time for %.0fx the input)",
                                                              best, perChar, ratio, smallest, Double(n) / Double(smallest)))
        }
    }
}
