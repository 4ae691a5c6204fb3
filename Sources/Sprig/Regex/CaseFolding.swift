/// Go's simple case folding orbits (`unicode.SimpleFold`): the scalars equal to `c` under
/// case-insensitive matching, e.g. `k`, `K` and KELVIN SIGN. Derived once from the runtime's
/// single-scalar case mappings: two scalars share an orbit when lower(upper(x)) agree.
enum CaseFolding {
    /// Every member of the orbit of `c` (just `[c]` when it has no case variants).
    static func orbit(_ c: UInt32) -> [UInt32] {
        guard let scalar = Unicode.Scalar(c) else { return [c] }
        return orbits[key(scalar)] ?? [c]
    }

    /// Highest scalar with a case variant (Go's `maxFold`).
    static let maxFold: UInt32 = 0x1E943
    /// Lowest scalar with a case variant (Go's `minFold`).
    static let minFold: UInt32 = 0x41

    private static func single(_ s: String, or fallback: Unicode.Scalar) -> Unicode.Scalar {
        let scalars = s.unicodeScalars
        guard scalars.count == 1, let first = scalars.first else { return fallback }
        return first
    }

    private static func key(_ scalar: Unicode.Scalar) -> UInt32 {
        let upper = single(scalar.properties.uppercaseMapping, or: scalar)
        return single(upper.properties.lowercaseMapping, or: upper).value
    }

    private static let orbits: [UInt32: [UInt32]] = {
        var groups: [UInt32: [UInt32]] = [:]
        var c: UInt32 = minFold
        while c <= maxFold {
            if let s = Unicode.Scalar(c), s.properties.changesWhenCaseMapped || s.properties.changesWhenCaseFolded {
                groups[key(s), default: []].append(c)
            }
            c += 1
        }
        var result: [UInt32: [UInt32]] = [:]
        for (k, members) in groups {
            var all = members
            if !all.contains(k) { all.append(k) }
            if all.count > 1 { result[k] = all.sorted() }
        }
        return result
    }()
}
