import FluxAPI
import Testing

@Suite("HelmRelease status.history (Snapshots)")
struct SnapshotHistoryTests {
    /// A snapshot of revision `version` in `status`, optionally with a test hook in `testPhase`.
    static func snap(_ version: Int, _ status: String, testPhase: String? = nil) -> Snapshot {
        var s = Snapshot(digest: "sha256:\(version)", name: "podinfo", namespace: "apps", version: version, status: status,
                         chartName: "podinfo", chartVersion: "6.5.\(version)", configDigest: "sha256:c",
                         firstDeployed: "2023-12-01T00:00:00Z", lastDeployed: "2023-12-01T00:00:00Z")
        if let testPhase {
            var hook = TestHookStatus()
            hook.phase = testPhase
            s.testHooks = ["podinfo-test": hook]
        }
        return s
    }

    @Test("names: full release name and versioned chart name")
    func names() {
        let s = Self.snap(3, "deployed")
        #expect(s.fullReleaseName == "apps/podinfo.v3")
        #expect(s.versionedChartName == "podinfo@6.5.3")
        #expect(s.targets(name: "podinfo", namespace: "apps", version: 3))
        #expect(!s.targets(name: "podinfo", namespace: "apps", version: 2))
    }

    @Test("an empty test hook map means tested with no tests; nil means never tested")
    func testedness() {
        var s = Self.snap(1, "deployed")
        #expect(!s.hasBeenTested)
        s.testHooks = [:]
        #expect(s.hasBeenTested)
        #expect(!s.hasTestInPhase("Failed"))
        #expect(Self.snap(1, "deployed", testPhase: "Failed").hasTestInPhase("Failed"))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var history: [Snapshot]
        var ignoreTests: Bool
        var latest: Int?
        var previous: Int?
        var truncated: [Int]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty history", history: [], ignoreTests: false, latest: nil, previous: nil, truncated: []),
        Case(name: "one snapshot", history: [snap(1, "deployed")], ignoreTests: false, latest: 1, previous: nil, truncated: [1]),
        Case(name: "unsorted history sorts newest first", history: [snap(1, "superseded"), snap(3, "deployed"), snap(2, "superseded")],
             ignoreTests: false, latest: 3, previous: 2, truncated: [3, 2]),
        Case(name: "failed releases are skipped up to the previous success",
             history: [snap(4, "failed"), snap(3, "failed"), snap(2, "superseded"), snap(1, "superseded")],
             ignoreTests: false, latest: 4, previous: 2, truncated: [4, 3, 2]),
        Case(name: "a failed test disqualifies a snapshot unless tests are ignored",
             history: [snap(3, "deployed"), snap(2, "superseded", testPhase: "Failed"), snap(1, "superseded")],
             ignoreTests: false, latest: 3, previous: 1, truncated: [3, 2, 1]),
        Case(name: "ignoring tests accepts a snapshot with a failed test",
             history: [snap(3, "deployed"), snap(2, "superseded", testPhase: "Failed"), snap(1, "superseded")],
             ignoreTests: true, latest: 3, previous: 2, truncated: [3, 2]),
        Case(name: "without a previous success the newest five are kept",
             history: (1...7).map { snap($0, "failed") }, ignoreTests: false, latest: 7, previous: nil, truncated: [7, 6, 5, 4, 3]),
    ]

    @Test("latest, previous and truncate", arguments: cases)
    func history(_ c: Case) {
        #expect(c.history.latest?.version == c.latest)
        #expect(c.history.previous(ignoreTests: c.ignoreTests)?.version == c.previous)
        var truncated = c.history
        truncated.truncate(ignoreTests: c.ignoreTests)
        #expect(truncated.map(\.version) == c.truncated)
    }
}
