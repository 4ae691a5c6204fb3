import Testing
import GoCompat
import StructuredData
@testable import KubeModel

@Suite("KubeObject metadata and group-versions")
struct KubeObjectTests {
    @Test("parses group-versions", arguments: [
        ("v1", "", "v1"), ("apps/v1", "apps", "v1"), ("", "", ""),
        ("helm.toolkit.fluxcd.io/v2beta2", "helm.toolkit.fluxcd.io", "v2beta2"),
    ])
    func parsesGroupVersion(text: String, group: String, version: String) throws {
        let gv = try GroupVersion.parse(text)
        #expect(gv.group == group && gv.version == version)
        #expect(gv.description == text)
    }

    @Test("rejects group-versions with two slashes")
    func rejectsGroupVersion() {
        #expect(throws: KubeModelError.invalidGroupVersion("a/b/c")) { try GroupVersion.parse("a/b/c") }
        #expect(KubeModelError.invalidGroupVersion("a/b/c").description == "unexpected GroupVersion string: a/b/c")
    }

    @Test("formats group-qualified names", arguments: [
        (GroupResource(group: "", resource: "configmaps").description, "configmaps"),
        (GroupResource(group: "apps", resource: "deployments").description, "deployments.apps"),
        (GroupKind(group: "apps", kind: "Deployment").description, "Deployment.apps"),
        (GroupVersionKind(group: "apps", version: "v1", kind: "Deployment").description, "apps/v1, Kind=Deployment"),
        (GroupResource.parse("deployments.apps").group, "apps"),
    ])
    func formats(actual: String, expected: String) {
        #expect(actual == expected)
    }

    @Test("reads metadata from raw JSON")
    func readsMetadata() throws {
        let object = KubeObject(try JSONParser.parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default",
            "uid":"u1","resourceVersion":"42","generation":3,"creationTimestamp":"2024-01-02T03:04:05Z",
            "labels":{"app":"web"},"annotations":{"a":"b"},"finalizers":["f1"],
            "ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"o","uid":"u0","controller":true}]},
            "spec":{"replicas":2},"status":{"readyReplicas":1}}
            """))
        #expect(object.gvk == GroupVersionKind(group: "apps", version: "v1", kind: "Deployment"))
        #expect(object.name == "web" && object.namespace == "default" && object.uid == "u1")
        #expect(object.resourceVersion == "42" && object.generation == 3)
        #expect(object.creationTimestamp == "2024-01-02T03:04:05Z")
        #expect(object.deletionTimestamp == nil)
        #expect(object.creationTime == GoTime(year: 2024, month: 1, day: 2, hour: 3, minute: 4, second: 5))
        #expect(object.deletionTime == nil)
        #expect(object.labels == ["app": "web"] && object.annotations == ["a": "b"])
        #expect(object.finalizers == ["f1"])
        #expect(object.controllerReference?.name == "o")
        #expect(object.spec?["replicas"] == .int(2))
        #expect(object.status?["readyReplicas"] == .int(1))
    }

    @Test("writes metadata and removes empty values")
    func writesMetadata() {
        var object = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "c", namespace: "ns")
        object.labels = ["b": "2", "a": "1"]
        object.finalizers = ["x"]
        object.ownerReferences = [OwnerReference(apiVersion: "v1", kind: "Secret", name: "s", uid: "u")]
        #expect(object.raw.serialized()
            == #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"ns","labels":{"a":"1","b":"2"},"finalizers":["x"],"ownerReferences":[{"apiVersion":"v1","kind":"Secret","name":"s","uid":"u"}]}}"#)
        object.labels = [:]
        object.finalizers = []
        object.namespace = ""
        #expect(object.raw.serialized()
            == #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","ownerReferences":[{"apiVersion":"v1","kind":"Secret","name":"s","uid":"u"}]}}"#)
    }
}
