import GoTemplate

extension Sprig {
    static let regex: [GoFunction] = [
        fn("regexMatch", [.string, .string], result: .bool) { a in .bool(try must(a[0]).firstMatch(in: a[1].str) != nil) },
        fn("mustRegexMatch", [.string, .string], result: .bool, returnsError: true) { a in
            .bool(try GoRegex(a[0].str).firstMatch(in: a[1].str) != nil)
        },
        fn("regexFind", [.string, .string], result: .string) { a in .string(try find(must(a[0]), a[1].str)) },
        fn("mustRegexFind", [.string, .string], result: .string, returnsError: true) { a in .string(try find(GoRegex(a[0].str), a[1].str)) },
        fn("regexFindAll", [.string, .string, .int], result: .sliceOfString) { a in
            .strings(try must(a[0]).matches(in: a[1].str, limit: a[2].intValue).map { String(a[1].str[$0.range]) })
        },
        fn("mustRegexFindAll", [.string, .string, .int], result: .sliceOfString, returnsError: true) { a in
            .strings(try GoRegex(a[0].str).matches(in: a[1].str, limit: a[2].intValue).map { String(a[1].str[$0.range]) })
        },
        fn("regexReplaceAll", [.string, .string, .string], result: .string) { a in
            .string(try must(a[0]).replaceAll(a[1].str, with: a[2].str, literal: false))
        },
        fn("mustRegexReplaceAll", [.string, .string, .string], result: .string, returnsError: true) { a in
            .string(try GoRegex(a[0].str).replaceAll(a[1].str, with: a[2].str, literal: false))
        },
        fn("regexReplaceAllLiteral", [.string, .string, .string], result: .string) { a in
            .string(try must(a[0]).replaceAll(a[1].str, with: a[2].str, literal: true))
        },
        fn("mustRegexReplaceAllLiteral", [.string, .string, .string], result: .string, returnsError: true) { a in
            .string(try GoRegex(a[0].str).replaceAll(a[1].str, with: a[2].str, literal: true))
        },
        fn("regexSplit", [.string, .string, .int], result: .sliceOfString) { a in
            .strings(try must(a[0]).split(a[1].str, limit: a[2].intValue))
        },
        fn("mustRegexSplit", [.string, .string, .int], result: .sliceOfString, returnsError: true) { a in
            .strings(try GoRegex(a[0].str).split(a[1].str, limit: a[2].intValue))
        },
        fn("regexQuoteMeta", [.string], result: .string) { a in .string(GoRegex.quoteMeta(a[0].str)) },
    ]

    /// `regexp.MustCompile`: a bad pattern panics, which the template reports as an error.
    static func must(_ pattern: GoValue) throws -> GoRegex {
        do { return try GoRegex(pattern.str) } catch { throw SprigError(GoRegex.panicText(pattern.str, error)) }
    }

    static func find(_ regex: GoRegex, _ s: String) -> String {
        regex.firstMatch(in: s).map { String(s[$0.range]) } ?? ""
    }
}
