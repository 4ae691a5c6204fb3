import GoTemplate

extension Sprig {
    static let reflection: [GoFunction] = [
        fn("typeOf", [.any], result: .string) { a in .string(a[0].typeName) },
        fn("typeIs", [.string, .any], result: .bool) { a in .bool(a[0].str == a[1].typeName) },
        fn("typeIsLike", [.string, .any], result: .bool) { a in
            let t = a[1].typeName
            return .bool(a[0].str == t || "*" + a[0].str == t)
        },
        fn("kindOf", [.any], result: .string) { a in .string(a[0].kindName) },
        fn("kindIs", [.string, .any], result: .bool) { a in .bool(a[0].str == a[1].kindName) },
        fn("deepEqual", [.any, .any], result: .bool) { a in .bool(deepEqual(a[0], a[1])) },
    ]

    static let paths: [GoFunction] = [
        fn("base", [.string], result: .string) { a in .string(GoPath.base(a[0].str)) },
        fn("dir", [.string], result: .string) { a in .string(GoPath.dir(a[0].str)) },
        fn("clean", [.string], result: .string) { a in .string(GoPath.clean(a[0].str)) },
        fn("ext", [.string], result: .string) { a in .string(GoPath.ext(a[0].str)) },
        fn("isAbs", [.string], result: .bool) { a in .bool(a[0].str.hasPrefix("/")) },
        fn("osBase", [.string], result: .string) { a in .string(GoPath.base(a[0].str)) },
        fn("osDir", [.string], result: .string) { a in .string(GoPath.dir(a[0].str)) },
        fn("osClean", [.string], result: .string) { a in .string(GoPath.clean(a[0].str)) },
        fn("osExt", [.string], result: .string) { a in .string(GoPath.ext(a[0].str)) },
        fn("osIsAbs", [.string], result: .bool) { a in .bool(a[0].str.hasPrefix("/")) },
    ]
}

/// Go's `path` package (slash-separated; `filepath` on Linux behaves the same).
enum GoPath {
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." { parts.removeLast() }
                else if !rooted { parts.append(part) }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    static func base(_ path: String) -> String {
        if path.isEmpty { return "." }
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        if p == "/" { return "/" }
        if let slash = p.lastIndex(of: "/") { p = p[p.index(after: slash)...] }
        return p.isEmpty ? "/" : String(p)
    }

    static func dir(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return clean(String(path[...slash]))
    }

    static func ext(_ path: String) -> String {
        var i = path.utf8.count - 1
        let bytes = Array(path.utf8)
        while i >= 0, bytes[i] != UInt8(ascii: "/") {
            if bytes[i] == UInt8(ascii: ".") { return String(decoding: bytes[i...], as: UTF8.self) }
            i -= 1
        }
        return ""
    }
}
