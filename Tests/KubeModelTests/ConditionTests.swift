import Testing
import GoCompat
import StructuredData
@testable import KubeModel

@Suite("Conditions with Flux semantics")
struct ConditionTests {
    static let t0 = GoTime(unixSeconds: 1_700_000_000, nanosecond: 123_000_000)
    static let t1 = GoTime(unixSeconds: 1_700_000_100)

    @Test("keeps lastTransitionTime unless status, reason or message change", arguments: [
        (ConditionStatus.true, "Succeeded", "ok", false),
        (.true, "Succeeded", "changed", true),
        (.true, "Other", "ok", true),
        (.false, "Succeeded", "ok", true),
    ])
    func transitionTime(status: ConditionStatus, reason: String, message: String, transitions: Bool) {
        var object = KubeObject(apiVersion: "v1", kind: "X", name: "x")
        object.markTrue("Ready", reason: "Succeeded", message: "ok", now: Self.t0)
        #expect(object.condition("Ready")?.lastTransitionTime == "2023-11-14T22:13:20Z")
        object.generation = 7
        object.setCondition(Condition(type: "Ready", status: status, reason: reason, message: message), now: Self.t1)
        let expected = transitions ? Self.t1.rfc3339 : Self.t0.rfc3339
        #expect(object.condition("Ready")?.lastTransitionTime == expected)
        #expect(object.condition("Ready")?.observedGeneration == 7)
        #expect(object.condition("Ready")?.message == message)
    }

    @Test("orders Stalled, Reconciling and Ready first, then by type")
    func ordering() {
        var object = KubeObject(apiVersion: "v1", kind: "X", name: "x")
        object.markUnknown("Reconciling", reason: "Progressing", message: "", now: Self.t0)
        object.markFalse("Ready", reason: "Failed", message: "boom", now: Self.t0)
        object.markTrue("ArtifactInStorage", reason: "Succeeded", message: "", now: Self.t0)
        #expect(object.conditions.map(\.type) == ["Reconciling", "Ready", "ArtifactInStorage"])
        #expect(object.isFalse("Ready") && object.isTrue("ArtifactInStorage") && object.isUnknown("Reconciling"))
        #expect(object.isUnknown("Missing"))
        object.deleteCondition("Reconciling")
        #expect(object.conditions.map(\.type) == ["Ready", "ArtifactInStorage"])
    }

    @Test("serializes in metav1.Condition field order")
    func serializes() throws {
        let c = Condition(type: "Ready", status: .true, reason: "R", message: "m", observedGeneration: 2,
                          lastTransitionTime: "2024-01-01T00:00:00Z")
        let text = #"{"type":"Ready","status":"True","observedGeneration":2,"lastTransitionTime":"2024-01-01T00:00:00Z","reason":"R","message":"m"}"#
        #expect(c.json.serialized() == text)
        #expect(Condition(json: try JSONParser.parse(text)) == c)
    }
}
