/// `.helmignore` rules (Helm's `internal/ignore`): gitignore-like lines with Go
/// `filepath.Match` globs. `**` is rejected, `!` negates, a trailing `/` matches directories
/// only, a leading `/` anchors at the chart root, and a pattern without `/` matches the base name.
struct HelmIgnore {
    struct Pattern {
        var raw: String
        var glob: String
        var negate = false
        var mustDir = false
        var basenameOnly = false
    }

    private(set) var patterns: [Pattern] = []

    /// Parses `.helmignore` text. Throws `HelmError` for `**` or a malformed glob.
    init(text: String) throws(HelmError) {
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            try add(String(line))
        }
    }

    init() {}

    /// Adds Helm's implicit rule ignoring dotfiles under `templates/`.
    mutating func addDefaults() {
        try? add("templates/.?*")
    }

    mutating func add(_ line: String) throws(HelmError) {
        var rule = line.trimmingCharacters(in: .whitespacesAndNewlinesGo)
        if rule.isEmpty || rule.hasPrefix("#") { return }
        if rule.contains("**") { throw HelmError(.chart, "double-star (**) syntax is not supported") }
        if GoPathMatch.match(rule, "abc") == nil { throw HelmError(.chart, "syntax error in pattern") }
        var pattern = Pattern(raw: rule, glob: rule)
        if rule.hasPrefix("!") { pattern.negate = true; rule.removeFirst() }
        if rule.hasSuffix("/") { pattern.mustDir = true; rule.removeLast() }
        if rule.hasPrefix("/") {
            rule.removeFirst()
        } else if !rule.contains("/") {
            pattern.basenameOnly = true
        }
        pattern.glob = rule
        patterns.append(pattern)
    }

    /// Whether `path` (relative, `/`-separated) is ignored.
    func ignores(_ path: String, isDirectory: Bool) -> Bool {
        if path.isEmpty || path == "." || path == "./" { return false }
        for pattern in patterns {
            let subject = pattern.basenameOnly ? String(ChartLoader.lastComponent(path)) : path
            let matched = GoPathMatch.match(pattern.glob, subject) ?? false
            if pattern.negate {
                if pattern.mustDir && !isDirectory { return true }
                if !matched { return true }
                continue
            }
            if pattern.mustDir && !isDirectory { continue }
            if matched { return true }
        }
        return false
    }
}

extension Set where Element == Character {
    static let whitespacesAndNewlinesGo: Set<Character> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"]
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
