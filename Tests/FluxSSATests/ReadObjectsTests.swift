import FluxSSA
import KubeModel
import StructuredData
import Testing

@Suite("Reading and normalizing manifests")
struct ReadObjectsTests {
    @Test("lists are flattened, build files and nameless objects dropped")
    func readsObjects() throws {
        let objects = try KubeObject.readObjects(try Fixtures.text("manifests.yaml"))
        #expect(objects.map(\.subject) == ["ConfigMap/apps/from-list", "Deployment/apps/podinfo", "Secret/apps/creds",
                                           "Service/apps/podinfo", "Role/apps/reader"])
    }

    static let invalid: [(String, String)] = [
        ("- a\n- b\n", "error unmarshaling JSON: json: cannot unmarshal array into Go value of type map[string]interface {}"),
        ("apiVersion: v1\nmetadata: {name: x}\n", #"Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"name":"x"}}'"#),
    ]

    @Test("documents that are not objects, or lack a kind, are errors", arguments: invalid.indices)
    func invalidDocuments(index: Int) {
        let (text, message) = Self.invalid[index]
        #expect(throws: FluxSSAError(.invalidObject, message)) { try KubeObject.readObjects(text) }
    }

    @Test("normalization defaults port protocols, folds Secret stringData and drops status except on Roles")
    func normalizes() throws {
        var objects = try KubeObject.readObjects(try Fixtures.text("manifests.yaml"))
        Normalize.objects(&objects)
        let deployment = objects[1].raw
        #expect(deployment[path: ["spec", "template", "spec", "containers"]]?[0]?["ports"] == [
            ["containerPort": 9898, "protocol": "TCP"], ["containerPort": 9797, "protocol": "UDP"],
        ])
        #expect(deployment["status"] == nil)
        #expect(objects[2].raw["data"] == ["user": "YWRtaW4=", "password": "aHVudGVyMg=="])
        #expect(objects[2].raw["stringData"] == nil)
        #expect(objects[3].raw[path: ["spec", "ports"]] == [["port": 80, "protocol": "TCP"]])
        #expect(objects[4].raw["status"] == ["kept": true])
    }

    @Test("a HorizontalPodAutoscaler dry-run result loses duplicated and typeless metrics")
    func hpaMetrics() {
        let metric: JSONValue = ["type": "Resource", "resource": ["name": "cpu"]]
        var hpa = KubeObject(["apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
                              "spec": ["metrics": [metric, metric, ["type": ""]]]])
        Normalize.dryRunResult(&hpa)
        #expect(hpa.raw[path: ["spec", "metrics"]] == [metric])
    }

    @Test("common metadata overrides existing keys on every object")
    func commonMetadata() {
        var objects = [KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "a", namespace: "x")]
        objects[0].labels = ["team": "old", "app": "a"]
        objects.setCommonMetadata(labels: ["team": "new"], annotations: ["owner": "me"])
        #expect(objects[0].labels == ["team": "new", "app": "a"])
        #expect(objects[0].annotations == ["owner": "me"])
    }
}
