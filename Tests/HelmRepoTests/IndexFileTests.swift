import HelmEngine
import Testing
@testable import HelmRepo

@Suite("Repository index: parsing, validation, sorting and source-controller's JSON artifact")
struct IndexFileTests {
    @Test("a YAML index is parsed, validated and sorted newest first")
    func parseYAML() throws {
        let index = try IndexFile(bytes: fixture("index.yaml"))
        #expect(index.apiVersion == "v1")
        #expect(index.versions(of: "podinfo")?.map(\.version) == ["6.6.0-rc.1", "6.5.3", "6.5.2", "5.0.0"])
        #expect(index.versions(of: "other")?.first?.metadata.apiVersion == "v1")
        #expect(index.versions(of: "podinfo")?[1].created == "2023-11-07T10:19:36.215213+02:00")
    }

    @Test("the stored artifact is json.MarshalIndent of the sorted index, byte for byte")
    func json() throws {
        let index = try IndexFile(bytes: fixture("index.yaml"))
        #expect(String(decoding: index.jsonBytes(), as: UTF8.self) == String(decoding: fixture("index.json"), as: UTF8.self))
        // The JSON artifact parses back to the same document.
        let again = try IndexFile(bytes: index.jsonBytes())
        #expect(again.jsonBytes() == index.jsonBytes())
    }

    @Test("malformed indexes fail with Helm's and sigs.k8s.io/yaml's messages", arguments: [
        ("", "empty index.yaml file"),
        ("entries: {}\n", "no API version specified"),
        ("apiVersion: v1\nentries: {}\nbogus: 1\n", "error unmarshaling JSON: while decoding JSON: json: unknown field \"bogus\""),
        ("apiVersion: v1\nentries:\n  a:\n  - name: a\n    version: 1.0.0\n    colour: red\n", "error unmarshaling JSON: while decoding JSON: json: unknown field \"colour\""),
        ("apiVersion: 1\nentries: {}\n", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go struct field IndexFile.apiVersion of type string"),
        (#"{"apiVersion": "v1", "entries": {"a": [{"name": "a", "version": 1}]}}"#, "json: cannot unmarshal number into Go struct field ChartVersion.entries.version of type string"),
    ])
    func malformed(_ text: String, _ message: String) {
        #expect(throws: HelmRepoError(.index, message)) { try IndexFile(bytes: Array(text.utf8)) }
    }

    @Test("JSON indexes ignore unknown fields")
    func lenientJSON() throws {
        let index = try IndexFile(bytes: Array(#"{"apiVersion":"v1","entries":{"a":[{"name":"a","version":"1.0.0","extra":true}]},"x":1}"#.utf8))
        #expect(index.versions(of: "a")?.map(\.version) == ["1.0.0"])
    }

    @Test("invalid entries are dropped exactly as upstream's slice handling drops them")
    func invalidEntries() throws {
        // [good 1.0.0, bad (no name), good 3.0.0]: the map keeps 3 slots, the bad one is
        // overwritten by its successor, which then appears twice.
        let text = "apiVersion: v1\nentries:\n  a:\n  - {name: a, version: 1.0.0}\n  - {version: 2.0.0}\n  - {name: a, version: 3.0.0}\n"
        let index = try IndexFile(bytes: Array(text.utf8))
        #expect(index.versions(of: "a")?.map(\.version) == ["3.0.0", "3.0.0", "1.0.0"])
        // A bad last entry is not removed from the map at all.
        let tail = "apiVersion: v1\nentries:\n  a:\n  - {name: a, version: 1.0.0}\n  - {version: 2.0.0}\n"
        #expect(try IndexFile(bytes: Array(tail.utf8)).versions(of: "a")?.map(\.version) == ["2.0.0", "1.0.0"])
    }
}

@Suite("Chart version resolution as source-controller does it")
struct VersionResolutionTests {
    static let index: IndexFile = (try? IndexFile(bytes: fixture("index.yaml"))) ?? IndexFile()

    @Test("versions and ranges resolve to the highest match", arguments: [
        ("", "6.5.3"), ("*", "6.5.3"), ("6.5.x", "6.5.3"), ("<6.5.3", "6.5.2"), ("~5", "5.0.0"),
        (">=6.6.0-0", "6.6.0-rc.1"), ("6.5.2", "6.5.2"), ("6.6.0-rc.1", "6.6.0-rc.1"), (">= 5.0.0, < 6.0.0", "5.0.0"),
    ])
    func resolves(_ constraint: String, _ expected: String) throws {
        #expect(try VersionResolution.chartVersion(in: Self.index, name: "podinfo", version: constraint).version == expected)
    }

    @Test("an exact string match wins even when it is not strict semver")
    func exact() throws {
        #expect(try VersionResolution.chartVersion(in: Self.index, name: "other", version: "1.0").version == "1.0")
        // "1.0" is not strict semver, so a range never selects it.
        #expect(throws: HelmRepoError(.reference, "no 'other' chart with version matching '*' found")) {
            try VersionResolution.chartVersion(in: Self.index, name: "other", version: "*")
        }
    }

    @Test("misses are reference errors with upstream's messages", arguments: [
        ("nope", "*", "no chart name found"),
        ("podinfo", "7.x", "no 'podinfo' chart with version matching '7.x' found"),
        ("podinfo", "not a range", "improper constraint: not a range"),
    ])
    func misses(_ name: String, _ constraint: String, _ message: String) {
        #expect(throws: HelmRepoError(.reference, message)) {
            try VersionResolution.chartVersion(in: Self.index, name: name, version: constraint)
        }
    }

    @Test("equal versions are ordered by creation time")
    func createdTieBreak() throws {
        let text = """
        apiVersion: v1
        entries:
          a:
          - {name: a, version: 1.0.0+old, created: "2020-01-01T00:00:00Z", urls: [old.tgz]}
          - {name: a, version: 1.0.0+new, created: "2021-01-01T00:00:00Z", urls: [new.tgz]}
        """
        let index = try IndexFile(bytes: Array(text.utf8))
        #expect(try VersionResolution.chartVersion(in: index, name: "a", version: "1.0.x").urls == ["new.tgz"])
    }

    @Test("registry tags resolve like the OCI chart repository", arguments: [
        ("", "6.5.3"), ("6.5.x", "6.5.3"), (">=6.6.0-0", "6.6.0-rc.1"), ("6.5.1", "6.5.1"), ("v6.5.2", "v6.5.2"),
    ])
    func tags(_ constraint: String, _ expected: String) throws {
        let tags = ["6.5.1", "v6.5.2", "6.5.3", "6.6.0-rc.1", "latest"]
        #expect(try VersionResolution.matchingTag(in: tags, version: constraint) == expected)
    }

    @Test("no matching tag is upstream's error")
    func noTag() {
        #expect(throws: HelmRepoError(.reference, "could not locate a version matching provided version string 9.x")) {
            try VersionResolution.matchingTag(in: ["1.0.0"], version: "9.x")
        }
    }
}

@Suite("go-units HumanSize for index events")
struct HumanSizeTests {
    @Test("sizes print with four significant digits in decimal units", arguments: [
        (Int64(0), "0B"), (999, "999B"), (1000, "1kB"), (30_880, "30.88kB"), (1_234_567, "1.235MB"), (52_428_800, "52.43MB"),
    ])
    func human(_ bytes: Int64, _ text: String) {
        #expect(HumanSize.string(bytes) == text)
    }

    @Test("the NewArtifact message of a HelmRepository")
    func message() {
        #expect(HumanSize.fetchedIndexMessage(size: 30_880, url: "https://stefanprodan.github.io/podinfo")
                == "stored fetched index of size 30.88kB from 'https://stefanprodan.github.io/podinfo'")
    }
}
