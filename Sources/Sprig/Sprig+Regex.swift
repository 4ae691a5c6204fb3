import GoTemplate

extension Sprig {
    static let regex: [GoFunction] = [
        fn("regexMatch", [.string, .string], result: .bool) { a in .bool((try? GoRegex(a[0].str))?.matches(a[1].str) ?? false) },
        fn("mustRegexMatch", [.string, .string], result: .bool, returnsError: true) { a in
            .bool(try GoRegex(a[0].str).matches(a[1].str))
        },
        fn("regexFind", [.string, .string], result: .string) { a in .string(try must(a[0]).find(a[1].str)) },
        fn("mustRegexFind", [.string, .string], result: .string, returnsError: true) { a in .string(try GoRegex(a[0].str).find(a[1].str)) },
        fn("regexFindAll", [.string, .string, .int], result: .sliceOfString) { a in
            nilIfEmpty(try must(a[0]).findAll(a[1].str, limit: a[2].intValue))
        },
        fn("mustRegexFindAll", [.string, .string, .int], result: .sliceOfString, returnsError: true) { a in
            nilIfEmpty(try GoRegex(a[0].str).findAll(a[1].str, limit: a[2].intValue))
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
            splitResult(try must(a[0]).split(a[1].str, limit: a[2].intValue), a[2].intValue)
        },
        fn("mustRegexSplit", [.string, .string, .int], result: .sliceOfString, returnsError: true) { a in
            splitResult(try GoRegex(a[0].str).split(a[1].str, limit: a[2].intValue), a[2].intValue)
        },
        fn("regexQuoteMeta", [.string], result: .string) { a in .string(GoRegex.quoteMeta(a[0].str)) },
    ]

    /// `FindAllString` returns a nil slice when nothing matches (`toJson` prints `null`).
    static func nilIfEmpty(_ items: [String]) -> GoValue {
        items.isEmpty ? .nilValue(.sliceOfString) : .strings(items)
    }

    /// `Split(s, 0)` returns a nil slice.
    static func splitResult(_ parts: [String], _ n: Int) -> GoValue {
        n == 0 ? .nilValue(.sliceOfString) : .strings(parts)
    }

    /// `regexp.MustCompile`: a bad pattern panics, which the template reports as an error.
    static func must(_ pattern: GoValue) throws -> GoRegex {
        do { return try GoRegex(pattern.str) } catch { throw SprigError(GoRegex.panicText(pattern.str, error)) }
    }
}

extension GoRegex {
    /// Go's `QuoteMeta`.
    public static func quoteMeta(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if "\\.+*?()|[]{}^$".unicodeScalars.contains(c) { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
