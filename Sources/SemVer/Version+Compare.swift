extension Version: Comparable, Hashable {
    /// Precedence comparison (-1, 0, 1): numbers first, then a release outranks any
    /// prerelease, then prerelease identifiers left to right (numeric ones numerically and
    /// below alphanumeric ones; more identifiers win). Metadata is ignored.
    public func compare(to other: Version) -> Int {
        if major != other.major { return major < other.major ? -1 : 1 }
        if minor != other.minor { return minor < other.minor ? -1 : 1 }
        if patch != other.patch { return patch < other.patch ? -1 : 1 }
        switch (prerelease.isEmpty, other.prerelease.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): return Version.comparePrerelease(prerelease, other.prerelease)
        }
    }

    public static func == (lhs: Version, rhs: Version) -> Bool { lhs.compare(to: rhs) == 0 }
    public static func < (lhs: Version, rhs: Version) -> Bool { lhs.compare(to: rhs) < 0 }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(prerelease)
    }

    /// Compares dot-separated prerelease strings identifier by identifier; a missing
    /// identifier sorts before a present one.
    static func comparePrerelease(_ lhs: String, _ rhs: String) -> Int {
        let left = goSplit(lhs, on: ".")
        let right = goSplit(rhs, on: ".")
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : ""
            let b = index < right.count ? right[index] : ""
            let result = compareIdentifier(a, b)
            if result != 0 { return result }
        }
        return 0
    }

    private static func compareIdentifier(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        if a.isEmpty { return -1 }
        if b.isEmpty { return 1 }
        switch (VersionParser.decimal(a), VersionParser.decimal(b)) {
        case (nil, nil): return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
        case (.some, nil): return -1
        case (nil, .some): return 1
        case let (.some(x), .some(y)): return x > y ? 1 : -1
        }
    }
}

/// Go's `strings.Split`: keeps empty pieces; an empty input yields one empty piece.
func goSplit(_ text: String, on separator: String) -> [String] {
    var pieces: [String] = []
    var rest = Substring(text)
    while let range = rest.firstRange(of: separator) {
        pieces.append(String(rest[rest.startIndex..<range.lowerBound]))
        rest = rest[range.upperBound...]
    }
    pieces.append(String(rest))
    return pieces
}
