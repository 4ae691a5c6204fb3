/// yaml.v2's key order for string keys ("natural" order): runs of digits compare by numeric value,
/// and at the first difference a letter sorts after a non-letter (`_x < A < a`, `a2 < a10`).
enum YAMLNaturalOrder {
    /// Sorts keys in natural order (decoding each key once).
    static func sorted(_ keys: [String]) -> [String] {
        keys.map { ($0, Array($0.unicodeScalars)) }.sorted { less($0.1, $1.1) }.map(\.0)
    }

    static func less(_ a: String, _ b: String) -> Bool {
        less(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    static func less(_ ar: [Unicode.Scalar], _ br: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] { i += 1; continue }
            let al = isLetter(ar[i])
            let bl = isLetter(br[i])
            if al && bl { return ar[i].value < br[i].value }
            if al || bl { return bl }
            var an: Int64 = 0
            var bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                // A zero inside a number that started earlier keeps the numbers distinct.
                var j = i - 1
                while j >= 0 && isDigit(ar[j]) {
                    if ar[j] != "0" { an = 1; bn = 1; break }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && isDigit(ar[ai]) {
                an = an &* 10 &+ Int64(ar[ai].value - 48)
                ai += 1
            }
            var bi = i
            while bi < br.count && isDigit(br[bi]) {
                bn = bn &* 10 &+ Int64(br[bi].value - 48)
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        c.properties.generalCategory.isLetter
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.properties.numericType == .decimal
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isLetter: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
