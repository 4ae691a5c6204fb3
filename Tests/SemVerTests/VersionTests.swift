import Testing
@testable import SemVer

@Suite("SemVer versions")
struct VersionTests {
    @Test("lenient parsing accepts or rejects like NewVersion", arguments: [
        ("1.2.3", true), ("1.2.3-alpha.01", false), ("1.2.3+test.01", true), ("1.2.3-alpha.-1", true),
        ("v1.2.3", true), ("1.0", true), ("v1.0", true), ("1", true), ("v1", true),
        ("1.2.beta", false), ("v1.2.beta", false), ("foo", false), ("1.2-5", true), ("v1.2-5", true),
        ("1.2-beta.5", true), ("v1.2-beta.5", true), ("\n1.2", false), ("\nv1.2", false),
        ("1.2.0-x.Y.0+metadata", true), ("v1.2.0-x.Y.0+metadata", true),
        ("1.2.0-x.Y.0+metadata-width-hypen", true), ("1.2.3-rc1-with-hypen", true),
        ("1.2.3.4", false), ("v1.2.3.4", false), ("1.2.2147483648", true), ("2147483648.3.0", true),
        ("12.3.4.1234", false), ("20221209-update-renovatejson-v4", true), ("", false), ("1.", false),
        ("V1.2.3", false), ("1.2.3-", false), ("1.2.3+", false), ("1.2.3-a..b", false),
    ])
    func lenient(text: String, valid: Bool) {
        #expect(((try? Version(text)) != nil) == valid)
    }

    @Test("strict parsing accepts or rejects like StrictNewVersion", arguments: [
        ("1.2.3", true), ("1.2.3-alpha.01", false), ("1.2.3+test.01", true), ("1.2.3-alpha.-1", true),
        ("v1.2.3", false), ("1.0", false), ("1", false), ("1.2.beta", false), ("1.2-5", false),
        ("1.2.0-x.Y.0+metadata", true), ("1.2.0-x.Y.0+metadata-width-hypen", true),
        ("1.2.3-rc1-with-hypen", true), ("1.2.3.4", false), ("1.2.2147483648", true),
        ("20221209-update-renovatejson-v4", false), ("01.2.3", false),
    ])
    func strict(text: String, valid: Bool) {
        #expect(((try? Version.strict(text)) != nil) == valid)
    }

    @Test("parse errors carry Go's messages", arguments: [
        ("foo", "Invalid Semantic Version"),
        ("1.2.3-alpha.01", "Version segment starts with 0"),
        ("99999999999999999999.1.1",
         "Error parsing version segment: strconv.ParseUint: parsing \"99999999999999999999\": value out of range"),
    ])
    func errors(text: String, message: String) {
        #expect(throws: (any Error).self) { try Version(text) }
        do { _ = try Version(text) } catch { #expect(error.description == message) }
    }

    @Test("lenient versions print canonically and keep the original", arguments: [
        ("1.2.3", "1.2.3"), ("v1.2.3", "1.2.3"), ("1.0", "1.0.0"), ("v1", "1.0.0"),
        ("1.2-5", "1.2.0-5"), ("v1.2-beta.5", "1.2.0-beta.5"),
        ("v1.2.0-x.Y.0+metadata", "1.2.0-x.Y.0+metadata"), ("1.2.3-rc1-with-hypen", "1.2.3-rc1-with-hypen"),
    ])
    func canonical(text: String, expected: String) throws {
        let version = try Version(text)
        #expect(version.description == expected)
        #expect(version.original == text)
    }

    @Test("parts are exposed separately")
    func parts() throws {
        let version = try Version("1.2.3-beta.1+build.345")
        #expect(version.major == 1)
        #expect(version.minor == 2)
        #expect(version.patch == 3)
        #expect(version.prerelease == "beta.1")
        #expect(version.metadata == "build.345")
    }

    @Test("comparison follows semver precedence", arguments: [
        ("1.2.3", "1.5.1", -1), ("2.2.3", "1.5.1", 1), ("2.2.3", "2.2.2", 1), ("3.2-beta", "3.2-beta", 0),
        ("1.3", "1.1.4", 1), ("4.2", "4.2-beta", 1), ("4.2-beta", "4.2", -1), ("4.2-alpha", "4.2-beta", -1),
        ("4.2-alpha", "4.2-alpha", 0), ("4.2-beta.2", "4.2-beta.1", 1), ("4.2-beta2", "4.2-beta1", 1),
        ("4.2-beta", "4.2-beta.2", -1), ("4.2-beta", "4.2-beta.foo", -1), ("4.2-beta.2", "4.2-beta", 1),
        ("4.2-beta.foo", "4.2-beta", 1), ("1.2+bar", "1.2+baz", 0), ("1.0.0-beta.4", "1.0.0-beta.-2", -1),
        ("1.0.0-beta.-2", "1.0.0-beta.-3", -1), ("1.0.0-beta.-3", "1.0.0-beta.5", 1),
        ("3.2.0-beta.1", "3.2.0-beta.5", -1), ("7.43.0-SNAPSHOT.99", "7.43.0-SNAPSHOT.103", -1),
        ("7.43.0-SNAPSHOT.FOO", "7.43.0-SNAPSHOT.103", 1), ("7.43.0-SNAPSHOT.99", "7.43.0-SNAPSHOT.BAR", -1),
    ])
    func compare(lhs: String, rhs: String, expected: Int) throws {
        let a = try Version(lhs)
        let b = try Version(rhs)
        #expect(a.compare(to: b) == expected)
        #expect((a < b) == (expected < 0))
        #expect((a == b) == (expected == 0))
    }

    @Test("incrementing drops prerelease and metadata and keeps a v prefix", arguments: [
        ("1.2.3", "patch", "1.2.4", "1.2.4"), ("v1.2.4", "patch", "1.2.5", "v1.2.5"),
        ("1.2.3", "minor", "1.3.0", "1.3.0"), ("v1.2.4", "minor", "1.3.0", "v1.3.0"),
        ("1.2.3", "major", "2.0.0", "2.0.0"), ("v1.2.4", "major", "2.0.0", "v2.0.0"),
        ("1.2.3+meta", "patch", "1.2.4", "1.2.4"), ("1.2.3-beta+meta", "patch", "1.2.3", "1.2.3"),
        ("v1.2.4-beta+meta", "patch", "1.2.4", "v1.2.4"), ("1.2.3-beta+meta", "minor", "1.3.0", "1.3.0"),
        ("v1.2.4-beta+meta", "minor", "1.3.0", "v1.3.0"), ("1.2.3-beta+meta", "major", "2.0.0", "2.0.0"),
        ("v1.2.4-beta+meta", "major", "2.0.0", "v2.0.0"),
    ])
    func increment(text: String, part: String, expected: String, original: String) throws {
        let version = try Version(text)
        let next = part == "patch" ? version.incPatch() : part == "minor" ? version.incMinor() : version.incMajor()
        #expect(next.description == expected)
        #expect(next.original == original)
    }

    @Test("prerelease and metadata setters validate")
    func setters() throws {
        let version = try Version("v1.2.3")
        #expect(try version.settingPrerelease("rc.1").original == "v1.2.3-rc.1")
        #expect(try version.settingMetadata("build.7").description == "1.2.3+build.7")
        #expect(throws: SemVerError.invalidPrerelease) { try version.settingPrerelease("a_b") }
        #expect(throws: SemVerError.invalidMetadata) { try version.settingMetadata("a!b") }
    }
}
