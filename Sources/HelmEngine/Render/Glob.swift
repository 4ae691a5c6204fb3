/// gobwas/glob with `/` as separator, as `.Files.Glob` uses it: `*` (no `/`), `**` (anything),
/// `?` (one non-`/`), `[abc]`/`[a-z]`/`[!a]`, `{a,b}` alternatives and `\` escapes. A pattern
/// that does not compile behaves as `**` (Helm ignores the error and matches everything).
struct Glob {
    indirect enum Token {
        case literal(Character)
        case star
        case superStar
        case single
        case set([ClosedRange<Character>], negated: Bool)
        case alternatives([[Token]])
    }

    let tokens: [Token]

    init(pattern: String) {
        var parser = Parser(chars: Array(pattern))
        if let tokens = parser.parseSequence(topLevel: true), parser.index == parser.chars.count {
            self.tokens = tokens
        } else {
            self.tokens = [.superStar]
        }
    }

    func matches(_ text: String) -> Bool {
        Glob.match(tokens[...], Array(text)[...])
    }

    static func match(_ tokens: ArraySlice<Token>, _ text: ArraySlice<Character>) -> Bool {
        guard let token = tokens.first else { return text.isEmpty }
        let rest = tokens.dropFirst()
        switch token {
        case .literal(let c):
            guard text.first == c else { return false }
            return match(rest, text.dropFirst())
        case .single:
            guard let c = text.first, c != "/" else { return false }
            return match(rest, text.dropFirst())
        case .set(let ranges, let negated):
            guard let c = text.first else { return false }
            let inSet = ranges.contains { $0.contains(c) }
            guard inSet != negated else { return false }
            return match(rest, text.dropFirst())
        case .star, .superStar:
            var candidate = text
            while true {
                if match(rest, candidate) { return true }
                guard let c = candidate.first else { return false }
                if case .star = token, c == "/" { return false }
                candidate = candidate.dropFirst()
            }
        case .alternatives(let options):
            for option in options where match(ArraySlice(option) + rest, text) { return true }
            return false
        }
    }

    struct Parser {
        let chars: [Character]
        var index = 0

        mutating func parseSequence(topLevel: Bool) -> [Token]? {
            var tokens: [Token] = []
            while index < chars.count {
                let c = chars[index]
                if !topLevel && (c == "," || c == "}") { return tokens }
                index += 1
                switch c {
                case "*":
                    if index < chars.count, chars[index] == "*" { index += 1; tokens.append(.superStar) }
                    else { tokens.append(.star) }
                case "?": tokens.append(.single)
                case "\\":
                    guard index < chars.count else { return nil }
                    tokens.append(.literal(chars[index])); index += 1
                case "[":
                    guard let set = parseSet() else { return nil }
                    tokens.append(set)
                case "{":
                    var options: [[Token]] = []
                    while true {
                        guard let option = parseSequence(topLevel: false), index < chars.count else { return nil }
                        options.append(option)
                        let sep = chars[index]; index += 1
                        if sep == "}" { break }
                    }
                    tokens.append(.alternatives(options))
                default:
                    tokens.append(.literal(c))
                }
            }
            return topLevel ? tokens : nil
        }

        mutating func parseSet() -> Token? {
            var negated = false
            if index < chars.count, chars[index] == "!" { negated = true; index += 1 }
            var ranges: [ClosedRange<Character>] = []
            while index < chars.count, chars[index] != "]" {
                let lo = chars[index]; index += 1
                if index + 1 < chars.count, chars[index] == "-", chars[index + 1] != "]" {
                    let hi = chars[index + 1]; index += 2
                    guard lo <= hi else { return nil }
                    ranges.append(lo...hi)
                } else {
                    ranges.append(lo...lo)
                }
            }
            guard index < chars.count else { return nil }
            index += 1
            return .set(ranges, negated: negated)
        }
    }
}
