/// Random Go template expressions over Sprig's deterministic functions, for the fuzz
/// differential. Seeded (SplitMix64) so that any finding can be replayed.
struct TemplateFuzzer {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }

    /// `int64` is what Sprig's integer math returns: only `any` parameters accept it.
    enum Kind: CaseIterable { case string, int, int64, float, list, dict, bool, any }

    static let strings = [#""""#, #""a""#, #""abc""#, #""Hello World""#, #""  x y  ""#, #""αβγ δ""#, #""a,b,,c""#,
                          #""1.5""#, #""42""#, #""-7""#, #""true""#, #""a\nb""#, #""$x ${1}""#, #""%d %s""#, #""straße""#,
                          #""x-y_z.w""#, #""AbC dEf""#, #""<&>""#, #""0x1F""#, #"" ""#, ".Values.name", ".Values.empty"]
    static let ints = ["0", "1", "2", "3", "-1", "-2", "5", "10", "64", "-100", ".Values.n"]
    static let floats = ["1.5", "-0.5", "2.0", "0.1", "1e3", ".Values.f"]
    static let lists = ["(list 1 2 3)", #"(list "b" "a" "c" "a")"#, "(list)", ".Values.list", #"(list 1 "a" nil 2.5 true)"#,
                        "(list (list 1) (dict \"k\" 1))", ".Values.strs",
                        // Go's map order is random: keys only ever sorted.
                        "(sortAlpha (keys .Values.map))"]
    static let dicts = [#"(dict "a" 1 "b" "x")"#, ".Values.map", "(dict)", #"(dict "k" (list 1 2) "n" nil)"#]
    static let bools = ["true", "false", ".Values.flag"]
    static let patterns = [#""a+""#, #""[a-c]""#, #""(\\w+)""#, #""^x""#, #""\\s""#, #""(?i)ab""#, #""a*""#, #""[^,]+""#, #""""#,
                           #""(a|b)+c?""#, #""\\d+""#, #""x{2,3}""#]

    /// Functions as (name, argument kinds, result kind).
    static let functions: [(String, [Kind], Kind)] = [
        ("upper", [.string], .string), ("lower", [.string], .string), ("title", [.string], .string),
        ("untitle", [.string], .string), ("trim", [.string], .string), ("nospace", [.string], .string),
        ("initials", [.string], .string), ("snakecase", [.string], .string), ("camelcase", [.string], .string),
        ("kebabcase", [.string], .string), ("swapcase", [.string], .string), ("b64enc", [.string], .string),
        ("b32enc", [.string], .string), ("sha1sum", [.string], .string), ("sha256sum", [.string], .string),
        ("adler32sum", [.string], .string), ("quote", [.any], .string), ("squote", [.any], .string),
        ("toString", [.any], .string), ("trimAll", [.string, .string], .string), ("trimPrefix", [.string, .string], .string),
        ("trimSuffix", [.string, .string], .string), ("replace", [.string, .string, .string], .string),
        ("repeat", [.int, .string], .string), ("substr", [.int, .int, .string], .string), ("trunc", [.int, .string], .string),
        ("abbrev", [.int, .string], .string), ("wrap", [.int, .string], .string), ("indent", [.int, .string], .string),
        ("nindent", [.int, .string], .string), ("contains", [.string, .string], .bool), ("hasPrefix", [.string, .string], .bool),
        ("hasSuffix", [.string, .string], .bool), ("cat", [.any, .any], .string), ("plural", [.string, .string, .int], .string),
        ("first", [.list], .any), ("last", [.list], .any), ("rest", [.list], .list), ("initial", [.list], .list),
        ("reverse", [.list], .list), ("uniq", [.list], .list), ("compact", [.list], .list), ("sortAlpha", [.list], .list),
        ("join", [.string, .list], .string), ("has", [.any, .list], .bool), ("without", [.list, .any], .list),
        ("append", [.list, .any], .list), ("prepend", [.list, .any], .list), ("concat", [.list, .list], .list),
        ("len", [.list], .int), ("chunk", [.int, .list], .list), ("pick", [.dict, .string], .dict),
        ("omit", [.dict, .string], .dict), ("hasKey", [.dict, .string], .bool), ("get", [.dict, .string], .any),
        ("dict", [.string, .any], .dict), ("add", [.any, .any], .int64), ("sub", [.any, .any], .int64), ("mul", [.any, .any], .int64),
        ("mod", [.any, .int], .int64), ("max", [.any, .any], .int64), ("min", [.any, .any], .int64), ("add1", [.any], .int64),
        ("addf", [.any, .any], .float), ("subf", [.any, .any], .float), ("mulf", [.any, .any], .float),
        ("floor", [.any], .float), ("ceil", [.any], .float), ("round", [.any, .int], .float), ("int", [.any], .int),
        ("int64", [.any], .int64), ("float64", [.any], .float), ("atoi", [.string], .int), ("default", [.any, .any], .any),
        ("empty", [.any], .bool), ("coalesce", [.any, .any], .any), ("ternary", [.any, .any, .bool], .any),
        ("toJson", [.any], .string), ("toYaml", [.any], .string), ("typeOf", [.any], .string), ("kindOf", [.any], .string),
        ("until", [.int], .list), ("seq", [.int], .string), ("untilStep", [.int, .int, .int], .list),
        ("regexFind", [.any, .string], .string), ("regexFindAll", [.any, .string, .int], .list),
        ("regexReplaceAll", [.any, .string, .string], .string), ("regexSplit", [.any, .string, .int], .list),
        ("regexMatch", [.any, .string], .bool), ("splitList", [.string, .string], .list), ("toStrings", [.list], .list),
        ("print", [.any, .any], .string), ("printf", [.string, .any], .string), ("deepCopy", [.any], .any),
        ("not", [.any], .bool), ("and", [.any, .any], .any), ("or", [.any, .any], .any), ("eq", [.any, .any], .bool),
        ("lt", [.any, .any], .bool), ("fromYaml", [.string], .dict), ("fromJson", [.string], .dict),
        ("toPrettyJson", [.any], .string), ("toRawJson", [.any], .string),
        ("semverCompare", [.string, .string], .bool), ("base", [.string], .string), ("ext", [.string], .string),
        ("clean", [.string], .string), ("urlquery", [.any], .string), ("html", [.any], .string), ("js", [.any], .string),
    ]

    /// An expression of `kind` nested at most `depth` calls deep.
    mutating func expression(_ kind: Kind, depth: Int) -> String {
        if depth > 0, chance(55) {
            let candidates = Self.functions.filter { kind == .any || $0.2 == kind || ($0.2 == .any && chance(30)) }
            if !candidates.isEmpty {
                let (name, args, _) = pick(candidates)
                let rendered = args.enumerated().map { i, k -> String in
                    if name.hasPrefix("regex"), i == 0 { return pick(Self.patterns) }
                    return expression(k, depth: depth - 1)
                }
                return "(" + ([name] + rendered).joined(separator: " ") + ")"
            }
        }
        switch kind {
        case .string: return pick(Self.strings)
        case .int, .int64: return pick(Self.ints)
        case .float: return pick(Self.floats)
        case .list: return pick(Self.lists)
        case .dict: return pick(Self.dicts)
        case .bool: return pick(Self.bools)
        case .any: return expression(pick([.string, .int, .int64, .float, .list, .dict, .bool]), depth: depth)
        }
    }

    /// One template line printing an expression in a YAML-safe way.
    mutating func line(_ key: String) -> String {
        let e = expression(.any, depth: 3)
        switch next() % 3 {
        case 0: return "\(key): {{ \(e) | toJson | quote }}"
        case 1: return "\(key): {{ \(e) | quote }}"
        default: return "\(key): {{ printf \"%v\" \(e) | quote }}"
        }
    }

    static let values = """
        name: Parity
        empty: ""
        n: 3
        f: 2.5
        flag: true
        list: [3, "x", 1.5]
        strs: ["b", "a"]
        map:
          a: 1
          b: [x, y]
          c: {d: e}

        """
}
