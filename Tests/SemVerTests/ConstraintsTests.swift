import Testing
@testable import SemVer

@Suite("SemVer constraints")
struct ConstraintsTests {
    @Test("single constraints check like semver v3.2.1", arguments: [
        ("=2.0.0", "1.2.3", false), ("=2.0.0", "2.0.0", true), ("=2.0", "1.2.3", false), ("=2.0", "2.0.0", true),
        ("=2.0", "2.0.1", true), ("4.1", "4.1.0", true), ("!=4.1.0", "4.1.0", false), ("!=4.1.0", "4.1.1", true),
        ("!=4.1", "4.1.0", false), ("!=4.1", "4.1.1", false), ("!=4.1", "5.1.0-alpha.1", false),
        ("!=4.1-alpha", "4.1.0", true), ("!=4.1", "5.1.0", true), ("<11", "0.1.0", true), ("<11", "11.1.0", false),
        ("<1.1", "0.1.0", true), ("<1.1", "1.1.0", false), ("<1.1", "1.1.1", false), ("<=11", "1.2.3", true),
        ("<=11", "12.2.3", false), ("<=11", "11.2.3", true), ("<=1.1", "1.2.3", false), ("<=1.1", "0.1.0", true),
        ("<=1.1", "1.1.0", true), ("<=1.1", "1.1.1", true), (">1.1", "4.1.0", true), (">1.1", "1.1.0", false),
        (">0", "0", false), (">0", "1", true), (">0", "0.0.1-alpha", false), (">0.0", "0.0.1-alpha", false),
        (">0-0", "0.0.1-alpha", false), (">0.0-0", "0.0.1-alpha", false), (">0", "0.0.0-alpha", false),
        (">0-0", "0.0.0-alpha", false), (">0.0.0-0", "0.0.0-alpha", true), (">1.2.3-alpha.1", "1.2.3-alpha.2", true),
        (">1.2.3-alpha.1", "1.3.3-alpha.2", true), (">11", "11.1.0", false), (">11.1", "11.1.0", false),
        (">11.1", "11.1.1", false), (">11.1", "11.2.1", true), (">=11", "11.1.2", true), (">=11.1", "11.1.2", true),
        (">=11.1", "11.0.2", false), (">=1.1", "4.1.0", true), (">=1.1", "1.1.0", true), (">=1.1", "0.0.9", false),
        (">=0", "0.0.1-alpha", false), (">=0.0", "0.0.1-alpha", false), (">=0-0", "0.0.1-alpha", true),
        (">=0.0-0", "0.0.1-alpha", true), (">=0", "0.0.0-alpha", false), (">=0-0", "0.0.0-alpha", true),
        (">=0.0.0-0", "0.0.0-alpha", true), (">=0.0.0-0", "1.2.3", true), (">=0.0.0-0", "3.4.5-beta.1", true),
        ("<0", "0.0.0-alpha", false), ("<0-z", "0.0.0-alpha", true), (">=0", "0", true), ("=0", "1", false),
        ("*", "1", true), ("*", "4.5.6", true), ("*", "1.2.3-alpha.1", false), ("*-0", "1.2.3-alpha.1", true),
        ("2.*", "1", false), ("2.*", "3.4.5", false), ("2.*", "2.1.1", true), ("2.1.*", "2.1.1", true),
        ("2.1.*", "2.2.1", false), ("2", "1", false), ("2", "3.4.5", false), ("2", "2.1.1", true),
        ("2.1", "2.1.1", true), ("2.1", "2.2.1", false), ("~1.2.3", "1.2.4", true), ("~1.2.3", "1.3.4", false),
        ("~1.2", "1.2.4", true), ("~1.2", "1.3.4", false), ("~1", "1.2.4", true), ("~1", "2.3.4", false),
        ("~0.2.3", "0.2.5", true), ("~0.2.3", "0.3.5", false), ("~1.2.3-beta.2", "1.2.3-beta.4", true),
        ("~1.2.3-beta.2", "1.2.4-beta.2", true), ("~1.2.3-beta.2", "1.3.4-beta.2", false), ("^1.2.3", "1.8.9", true),
        ("^1.2.3", "2.8.9", false), ("^1.2.3", "1.2.1", false), ("^1.1.0", "2.1.0", false), ("^1.2.0", "2.2.1", false),
        ("^1.2.0", "1.2.1-alpha.1", false), ("^1.2.0-alpha.0", "1.2.1-alpha.1", true),
        ("^1.2.0-alpha.0", "1.2.1-alpha.0", true), ("^1.2.0-alpha.2", "1.2.0-alpha.1", false), ("^1.2", "1.8.9", true),
        ("^1.2", "2.8.9", false), ("^1", "1.8.9", true), ("^1", "2.8.9", false), ("^0.2.3", "0.2.5", true),
        ("^0.2.3", "0.5.6", false), ("^0.2", "0.2.5", true), ("^0.2", "0.5.6", false), ("^0.0.3", "0.0.3", true),
        ("^0.0.3", "0.0.4", false), ("^0.0", "0.0.3", true), ("^0.0", "0.1.4", false), ("^0.0", "1.0.4", false),
        ("^0", "0.2.3", true), ("^0", "1.1.4", false), ("^0.2.3-beta.2", "0.2.3-beta.4", true),
        ("^0.2.3-beta.2", "0.2.4-beta.2", true), ("^0.2.3-beta.2", "0.3.4-beta.2", false),
        ("^0.2.3-beta.2", "0.2.3-beta.2", true),
    ])
    func single(constraint: String, version: String, expected: Bool) throws {
        let constraints = try Constraints(constraint)
        #expect(constraints.check(try Version(version)) == expected)
    }

    @Test("compound constraints check like semver v3.2.1", arguments: [
        ("*", "1.2.3", true), ("~0.0.0", "1.2.3", true), ("0.x.x", "1.2.3", false), ("0.0.x", "1.2.3", false),
        ("0.0.0", "1.2.3", false), ("^0.0.0", "1.2.3", false), ("= 2.0", "1.2.3", false), ("= 2.0", "2.0.0", true),
        ("4.1.x", "4.1.3", true), ("1.x", "1.4", true), ("!=4.1-alpha", "4.1.0-alpha", false),
        ("!=4.1-alpha", "4.1.1-alpha", false), ("!=4.x", "5.1.0", true), ("!=4.x", "4.1.0", false),
        ("!=4.1.x", "4.2.0", true), ("!=4.2.x", "4.2.3", false), ("<1.x", "1.1.1", false), ("<1.x", "0.1.1", true),
        ("<1.x", "2.0.0", false), ("<1.1.x", "1.2.1", false), ("<1.1.x", "1.1.500", false),
        ("<1.1.x", "1.0.500", true), ("<1.2.x", "1.1.1", true), (">=1.1", "4.1.0-beta", false),
        ("<=1.1", "0.1.0-alpha", false), ("<=1.1-a", "0.1.0-alpha", true), ("<=1.x", "1.1.0", true),
        ("<=2.x", "3.0.0", false), ("<=1.1.x", "1.2.500", false), ("<=4.5", "3.4.0", true), ("<=4.5", "3.7.0", true),
        ("<=4.5", "4.6.3", false), (">1.1, <2", "1.1.1", false), (">1.1, <2", "1.2.1", true), (">1.1, <3", "4.3.2", false),
        (">=1.1, <2, !=1.2.3", "1.2.3", false), (">1.1 <2", "1.2.1", true), (">1.1    <3", "4.3.2", false),
        (">=1.1    <2    !=1.2.3", "1.2.3", false), (">=1.1, <2, !=1.2.3 || > 3", "4.1.2", true),
        (">=1.1, <2, !=1.2.3 || > 3", "3.1.2", false), (">=1.1, <2, !=1.2.3 || >= 3", "3.0.0", true),
        (">=1.1, <2, !=1.2.3 || > 3", "3.0.0", false), (">=1.1, <2, !=1.2.3 || > 3", "1.2.3", false),
        (">=1.1 <2 !=1.2.3 || > 3", "4.1.2", true), ("> 1.1, <     2", "1.1.1", false), (">   1.1, <2", "1.2.1", true),
        (">=1.1    < 2    != 1.2.3", "1.2.3", false), (">= 1.1 <2 != 1.2.3 || >= 3", "3.0.0", true),
        ("1.1 - 2", "1.1.1", true), ("1.5.0 - 4.5", "3.7.0", true), ("1.1-3", "4.3.2", false), ("^1.1", "1.1.1", true),
        ("^1.1", "4.3.2", false), ("^1.x", "1.1.1", true), ("^2.x", "1.1.1", false), ("^1.x", "2.1.1", false),
        ("^1.x", "1.1.1-beta1", false), ("^1.1.2-alpha", "1.2.1-beta1", true), ("^1.2.x-alpha", "1.1.1-beta1", false),
        ("^0.0.1", "0.0.1", true), ("^0.0.1", "0.3.1", false), ("~*", "2.1.1", true), ("~1", "2.1.1", false),
        ("~1", "1.3.5", true), ("~1", "1.3.5-beta", false), ("~1.x", "1.3.5", true), ("~1.3.6-alpha", "1.3.5-beta", false),
        ("~1.3.5-alpha", "1.3.5-beta", true), ("~1.3.5-beta", "1.3.5-alpha", false), ("~1.2.3", "1.2.2", false),
        ("~1.1", "1.2.3", false), ("1.0.0 - 2.0.0 <=2.0.0", "1.5.0", true), ("1.0.0 - 2.0.0, <=2.0.0", "1.5.0", true),
        (">=1.2.3-0 <2.0.0-0", "1.5.0-rc.1", true), (">=v1.20.0-0", "v1.28.4-gke.1", true),
    ])
    func compound(constraint: String, version: String, expected: Bool) throws {
        let constraints = try Constraints(constraint)
        #expect(constraints.check(try Version(version)) == expected)
        #expect(constraints.validate(try Version(version)).satisfied == expected)
    }

    @Test("constraint parsing groups alternatives and rejects bad text", arguments: [
        (">= 1.1", 1, 1), (">40.50.60, < 50.70", 1, 2), ("2.0", 1, 1), ("v2.3.5-20161202202307-sha.e8fc5e5", 1, 1),
        (">= bar", 0, 0), ("BAR >= 1.2.3", 0, 0), (">= 1.2.3 < 2.0", 1, 2), (">= 1.2.3 < 2.0 || => 3.0 < 4", 2, 2),
        (">= 1.2.3, < 2.0 || => 3.0, < 4", 2, 2), ("3 - 4 || => 3.0, < 4", 2, 2), ("12.3.4.1234", 0, 0),
        ("12.3.34 ~1.2.3", 1, 2), ("12.3.34~ 1.2.3", 0, 0), ("1.0.0 - 2.0.0, <=2.0.0", 1, 3), ("", 0, 0), ("foo", 0, 0),
    ])
    func parsing(text: String, alternatives: Int, firstCount: Int) {
        let parsed = try? Constraints(text)
        #expect((parsed?.alternatives.count ?? 0) == alternatives)
        #expect((parsed?.alternatives.first?.count ?? 0) == firstCount)
    }

    @Test("bad constraints report Go's error text")
    func errorText() {
        #expect(throws: SemVerError.improperConstraint(">= bar")) { try Constraints(">= bar") }
        #expect(SemVerError.improperConstraint("foo").description == "improper constraint: foo")
    }

    @Test("hyphen ranges are rewritten to AND pairs", arguments: [
        ("2 - 3", ">= 2, <= 3 "), ("2 - 3, 2 - 3", ">= 2, <= 3 ,>= 2, <= 3 "),
        ("2 - 3, 4.0.0 - 5.1", ">= 2, <= 3 ,>= 4.0.0, <= 5.1 "), ("2 - 3 4.0.0 - 5.1", ">= 2, <= 3 >= 4.0.0, <= 5.1 "),
        ("1.0.0 - 2.0.0 <=2.0.0", ">= 1.0.0, <= 2.0.0 <=2.0.0"),
    ])
    func rewrite(text: String, expected: String) {
        #expect(ConstraintGrammar.rewriteRanges(text) == expected)
    }

    @Test("validation explains each failure", arguments: [
        ("2.x", "1.2.3", "1.2.3 is less than 2.x"), ("2", "1.2.3", "1.2.3 is less than 2"),
        ("= 2.0", "1.2.3", "1.2.3 is less than 2.0"), ("!=4.1", "4.1.0", "4.1.0 is equal to 4.1"),
        ("!=4.x", "4.1.0", "4.1.0 is equal to 4.x"), ("!=4.2.x", "4.2.3", "4.2.3 is equal to 4.2.x"),
        (">1.1", "1.1.0", "1.1.0 is less than or equal to 1.1"), ("<1.1", "1.1.0", "1.1.0 is greater than or equal to 1.1"),
        ("<1.x", "2.1.1", "2.1.1 is greater than or equal to 1.x"), (">=1.1", "0.0.9", "0.0.9 is less than 1.1"),
        ("<=2.x", "3.1.0", "3.1.0 is greater than 2.x"), ("<=1.1.x", "1.2.500", "1.2.500 is greater than 1.1.x"),
        (">1.1, <3", "4.3.2", "4.3.2 is greater than or equal to 3"),
        (">=1.1, <2, !=1.2.3", "1.2.3", "1.2.3 is equal to 1.2.3"),
        (">=1.1, <2, !=1.2.3 || > 3", "3.0.0", "3.0.0 is greater than or equal to 2"),
        ("1.1 - 3", "4.3.2", "4.3.2 is greater than 3"),
        ("^1.1", "4.3.2", "4.3.2 does not have same major version as 1.1"),
        ("^1.12.7", "1.6.6", "1.6.6 is less than 1.12.7"),
        ("^0.2", "0.3.0", "0.3.0 does not have same minor version as 0.2. Expected minor versions to match when constraint major version is 0"),
        ("^0.0.3", "0.1.1", "0.1.1 does not have same minor version as 0.0.3"),
        ("^0.0.3", "0.0.4", "0.0.4 does not equal 0.0.3. Expect version and constraint to equal when major and minor versions are 0"),
        ("~1.2.3", "1.3.2", "1.3.2 does not have same major and minor version as 1.2.3"),
        ("~1.3", "2.4.5", "2.4.5 does not have same major version as 1.3"),
        ("> 1.2.3", "1.2.3-beta.1", "1.2.3-beta.1 is a prerelease version and the constraint is only looking for release versions"),
    ])
    func validation(constraint: String, version: String, message: String) throws {
        let result = try Constraints(constraint).validate(try Version(version))
        #expect(result.satisfied == false)
        #expect(result.reasons.contains(message))
    }

    @Test("validation lists every failing constraint")
    func validationList() throws {
        let result = try Constraints("!= 1.2.5, ^2, <= 1.1.x").validate(try Version.strict("1.2.3"))
        #expect(result.reasons == ["1.2.3 is less than 2", "1.2.3 is greater than 1.1.x"])
    }

    @Test("constraints print normalised", arguments: [
        ("*", "*"), (">=1.2.3", ">=1.2.3"), (">= 1.2.3", ">=1.2.3"),
        ("2.x,   >=1.2.3 || >4.5.6, < 5.7", "2.x >=1.2.3 || >4.5.6 <5.7"),
    ])
    func printing(text: String, expected: String) throws {
        #expect(try Constraints(text).description == expected)
    }
}

@Suite("SemVer concurrency")
struct ConstraintsConcurrencyTests {
    @Test("constraints parse and check from many tasks at once")
    func concurrent() async throws {
        let results = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<64 {
                group.addTask {
                    guard let c = try? Constraints(">= 1.\(i % 5), < 2.0 || ^3.1"), let v = try? Version("1.4.\(i)") else { return false }
                    return c.check(v) == (i % 5 <= 4)
                }
            }
            var all: [Bool] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }
}
