import GoTemplate
import StructuredData
import SemVer

extension Sprig {
    static let semver: [GoFunction] = [
        fn("semver", [.string], result: VersionObject.type, returnsError: true) { a in
            do { return .object(VersionObject(version: try Version(a[0].str))) } catch { throw SprigError("\(error)") }
        },
        fn("semverCompare", [.string, .string], result: .bool, returnsError: true) { a in
            let constraints: Constraints
            let version: Version
            do { constraints = try Constraints(a[0].str) } catch { throw SprigError("\(error)") }
            do { version = try Version(a[1].str) } catch { throw SprigError("\(error)") }
            return .bool(constraints.check(version))
        },
    ]
}

/// `*semver.Version` as templates see it, with its methods (`Major`, `LessThan`, `IncPatch`, …).
struct VersionObject: GoObject, JSONMarshaling {
    static let type = GoType.pointer(to: .structure("semver.Version"))
    let version: Version

    var goType: GoType { Self.type }
    var jsonValue: JSONValue { .string(version.description) }

    func method(_ name: String) -> GoFunction? {
        let v = version
        @Sendable func other(_ a: [GoValue]) -> Version? { (a.first.flatMap { if case .object(let o) = $0 { return o as? VersionObject }; return nil })?.version }
        switch name {
        case "Major": return fn(name, [], result: .uint64) { _ in .uint(v.major, .uint64) }
        case "Minor": return fn(name, [], result: .uint64) { _ in .uint(v.minor, .uint64) }
        case "Patch": return fn(name, [], result: .uint64) { _ in .uint(v.patch, .uint64) }
        case "Prerelease": return fn(name, [], result: .string) { _ in .string(v.prerelease) }
        case "Metadata": return fn(name, [], result: .string) { _ in .string(v.metadata) }
        case "Original": return fn(name, [], result: .string) { _ in .string(v.original) }
        case "String": return fn(name, [], result: .string) { _ in .string(v.description) }
        case "IncMajor": return fn(name, [], result: Self.type) { _ in .object(VersionObject(version: v.incMajor())) }
        case "IncMinor": return fn(name, [], result: Self.type) { _ in .object(VersionObject(version: v.incMinor())) }
        case "IncPatch": return fn(name, [], result: Self.type) { _ in .object(VersionObject(version: v.incPatch())) }
        case "Compare": return fn(name, [Self.type], result: .int) { a in .goInt(other(a).map { v.compare(to: $0) } ?? 0) }
        case "LessThan": return fn(name, [Self.type], result: .bool) { a in .bool(other(a).map { v < $0 } ?? false) }
        case "GreaterThan": return fn(name, [Self.type], result: .bool) { a in .bool(other(a).map { v > $0 } ?? false) }
        case "Equal": return fn(name, [Self.type], result: .bool) { a in .bool(other(a).map { v == $0 } ?? false) }
        default: return nil
        }
    }
}
