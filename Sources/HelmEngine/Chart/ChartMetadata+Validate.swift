import GoCompat
import SemVer

extension ChartMetadata {
    /// Helm's `Metadata.Validate`: sanitises every string field (Unicode spaces become `' '`,
    /// non-printable characters are dropped) and checks the required fields, the version
    /// (lenient semver), the chart type and dependency aliases. Errors read `validation: …`.
    mutating func validate() throws(HelmError) {
        func fail(_ message: String) -> HelmError { HelmError(.chart, "validation: " + message) }
        name = Self.sanitize(name)
        description = Self.sanitize(description)
        home = Self.sanitize(home)
        icon = Self.sanitize(icon)
        condition = Self.sanitize(condition)
        tags = Self.sanitize(tags)
        appVersion = Self.sanitize(appVersion)
        kubeVersion = Self.sanitize(kubeVersion)
        sources = sources.map(Self.sanitize)
        keywords = keywords.map(Self.sanitize)
        for index in maintainers.indices {
            maintainers[index].name = Self.sanitize(maintainers[index].name)
            maintainers[index].email = Self.sanitize(maintainers[index].email)
            maintainers[index].url = Self.sanitize(maintainers[index].url)
        }
        if apiVersion.isEmpty { throw fail("chart.metadata.apiVersion is required") }
        if name.isEmpty { throw fail("chart.metadata.name is required") }
        if name != Self.goBase(name) { throw fail("chart.metadata.name \(GoQuote.quote(name)) is invalid") }
        if version.isEmpty { throw fail("chart.metadata.version is required") }
        if (try? Version(version)) == nil { throw fail("chart.metadata.version \(GoQuote.quote(version)) is invalid") }
        if !(type.isEmpty || type == "application" || type == "library") {
            throw fail("chart.metadata.type must be application or library")
        }
        var seen: Set<String> = []
        for index in dependencies.indices {
            dependencies[index].name = Self.sanitize(dependencies[index].name)
            dependencies[index].version = Self.sanitize(dependencies[index].version)
            dependencies[index].repository = Self.sanitize(dependencies[index].repository)
            dependencies[index].condition = Self.sanitize(dependencies[index].condition)
            dependencies[index].tags = dependencies[index].tags.map(Self.sanitize)
            let alias = Self.sanitize(dependencies[index].alias)
            dependencies[index].alias = alias
            if !alias.isEmpty, !alias.unicodeScalars.allSatisfy(Self.isAliasCharacter) {
                throw fail("dependency \(GoQuote.quote(dependencies[index].name)) has disallowed characters in the alias")
            }
            let key = alias.isEmpty ? dependencies[index].name : alias
            if !seen.insert(key).inserted {
                throw fail("more than one dependency with name or alias \(GoQuote.quote(key))")
            }
        }
    }

    static func isAliasCharacter(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "_" || s == "-"
    }

    /// Go's `filepath.Base` for `/` paths.
    static func goBase(_ path: String) -> String {
        if path.isEmpty { return "." }
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "/" { return "/" }
        if let slash = trimmed.lastIndex(of: "/") { return String(trimmed[trimmed.index(after: slash)...]) }
        return String(trimmed)
    }

    /// Helm's `sanitizeString`: spaces → `' '`, non-printable runes dropped.
    static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { out.append(" "); continue }
            if isPrintable(scalar) { out.append(scalar) }
        }
        return String(out)
    }

    /// Go's `unicode.IsPrint` approximation: letters, marks, numbers, punctuation, symbols and
    /// ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
