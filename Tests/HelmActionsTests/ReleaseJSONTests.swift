import Foundation
import GoCompat
import StructuredData
import Testing
@testable import HelmActions

@Suite("Release JSON shape")
struct ReleaseJSONTests {
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name)
        var text = try String(contentsOf: url, encoding: .utf8)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test("a record in Helm's JSON decodes and re-encodes byte for byte")
    func roundTrip() throws {
        let text = try Self.fixture("release-v1.json")
        let release = try Release(jsonBytes: Array(text.utf8))
        #expect(release.name == "demo" && release.namespace == "apps" && release.version == 3)
        #expect(release.status == .deployed)
        #expect(release.info?.notes == "Visit <http://demo.local> & enjoy")
        #expect(release.info?.firstDeployed.utcOffsetSeconds == 3600)
        #expect(release.info?.firstDeployed.instant == GoTime(year: 2023, month: 11, day: 2, hour: 9, minute: 15, second: 30, nanosecond: 123_456_789))
        #expect(release.info?.deleted.isZero == true)
        #expect(release.chart?.name == "demo" && release.chart?.appVersion == "6.5.3")
        #expect(release.chart?.templates?.first.map { String(decoding: $0.data, as: UTF8.self) } == "kind: ConfigMap")
        #expect(release.hooks.count == 2)
        #expect(release.hooks[0].weight == -5 && release.hooks[0].hookDeletePolicies == [.beforeHookCreation, .hookSucceeded])
        #expect(release.hooks[0].lastRun.phase == .succeeded)
        #expect(release.hooks[1].hookEvents == [.preInstall, .preUpgrade] && release.hooks[1].lastRun.phase == HookPhase.none)
        #expect(String(decoding: release.jsonBytes(), as: UTF8.self) == text)
    }

    @Test("a new release is written with Go's field order, omitempty and sorted maps")
    func newReleaseShape() throws {
        var release = Release(name: "r", namespace: "ns", version: 1,
                              info: ReleaseInfo(firstDeployed: HelmTime(GoTime(unixSeconds: 1_700_000_000, nanosecond: 120_000_000)),
                                                lastDeployed: HelmTime(GoTime(unixSeconds: 1_700_000_000)),
                                                description: "Initial install underway", status: .pendingInstall),
                              chart: ChartRecord(metadata: ChartRecord.goOrderedMetadata(
                                  ["version": "0.1.0", "apiVersion": "v2", "name": "c", "icon": "", "annotations": ["z": "1", "a": "2"]]),
                                                 values: ["z": 1, "a": ["y": true, "b": .null]]),
                              config: ["zeta": "<&>", "alpha": 1.5])
        release.hooks = [Hook(name: "h", kind: "Job", manifest: "m", events: [.postInstall])]
        let expected = #"{"name":"r","info":{"first_deployed":"2023-11-14T22:13:20.12Z","last_deployed":"2023-11-14T22:13:20Z","deleted":"","description":"Initial install underway","status":"pending-install"},"chart":{"metadata":{"name":"c","version":"0.1.0","apiVersion":"v2","annotations":{"a":"2","z":"1"}},"lock":null,"templates":[],"values":{"a":{"b":null,"y":true},"z":1},"schema":null,"files":[]},"config":{"alpha":1.5,"zeta":"\u003c\u0026\u003e"},"hooks":[{"name":"h","kind":"Job","manifest":"m","events":["post-install"],"last_run":{"started_at":"","completed_at":"","phase":""}}],"version":1,"namespace":"ns"}"#
        #expect(String(decoding: release.jsonBytes(), as: UTF8.self) == expected)
        let decoded = try Release(jsonBytes: release.jsonBytes())
        #expect(decoded.info == release.info)
        #expect(decoded.chart == release.chart)
        #expect(decoded.config == release.config)
        #expect(decoded.hooks == release.hooks)
        #expect(decoded == release)
    }

    @Test("Helm times parse and print with their offset", arguments: [
        ("", ""),
        ("2022-05-04T12:37:54.016495582Z", "2022-05-04T12:37:54.016495582Z"),
        ("2022-05-04T12:37:54.100Z", "2022-05-04T12:37:54.1Z"),
        ("2022-05-04T14:37:54+02:00", "2022-05-04T14:37:54+02:00"),
        ("2022-05-04T07:07:54.5-05:30", "2022-05-04T07:07:54.5-05:30"),
    ])
    func times(input: String, printed: String) throws {
        #expect(try HelmTime(parsing: input).description == printed)
    }

    @Test("malformed records are reported, not trusted", arguments: [
        #"[]"#,
        #"{"version":"3"}"#,
        #"{"info":{"first_deployed":"yesterday"}}"#,
        #"{"chart":{"files":[{"name":"a","data":"***"}]}}"#,
        #"{"hooks":[{"events":[1]}]}"#,
    ])
    func malformed(text: String) {
        #expect(throws: HelmActionsError.self) { try Release(jsonBytes: Array(text.utf8)) }
    }

    @Test("a null or missing last_run phase and times decode as zero")
    func zeroTimes() throws {
        let release = try Release(jsonBytes: Array(#"{"name":"x","info":{"first_deployed":null,"last_deployed":"","deleted":""}}"#.utf8))
        #expect(release.info?.firstDeployed.isZero == true)
        #expect(String(decoding: release.jsonBytes(), as: UTF8.self)
            == #"{"name":"x","info":{"first_deployed":"","last_deployed":"","deleted":"","status":"unknown"}}"#)
    }
}
