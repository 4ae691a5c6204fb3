import FluxSSA
import KubeModel
import StructuredData
import Testing

@Suite("Metadata cleanup before apply (kustomize-controller options)")
struct CleanupTests {
    static let options = ApplyOptions.kustomizeController(force: false).cleanup

    static func entry(_ manager: String, _ operation: String, _ fields: JSONValue, subresource: String? = nil) -> JSONValue {
        var o: JSONObject = ["manager": .string(manager), "operation": .string(operation), "apiVersion": "v1",
                             "time": "2024-01-01T00:00:00Z", "fieldsType": "FieldsV1", "fieldsV1": fields]
        if let subresource { o["subresource"] = .string(subresource) }
        return .object(o)
    }

    static func configMap(annotations: [String: String] = [:], labels: [String: String] = [:], managedFields: [JSONValue]) -> KubeObject {
        var o = KubeObject(apiVersion: "v1", kind: "ConfigMap", name: "cfg", namespace: "default")
        o.annotations = annotations
        o.labels = labels
        o.managedFields = .array(managedFields)
        return o
    }

    @Test("kubectl's last-applied annotation and Flux v1 marks are removed")
    func removesOldMetadata() {
        let live = Self.configMap(annotations: ["kubectl.kubernetes.io/last-applied-configuration": "{}", "fluxcd.io/sync-checksum": "abc",
                                                "keep": "me"],
                                  labels: ["fluxcd.io/sync-gc-mark": "x", "app": "web"], managedFields: [])
        let patch = ResourceManager.cleanupPatch(live, options: Self.options, fieldManager: "kustomize-controller")
        #expect(patch.json.serialized() == #"[{"op":"remove","path":"/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration"},{"op":"remove","path":"/metadata/annotations/fluxcd.io~1sync-checksum"},{"op":"remove","path":"/metadata/labels/fluxcd.io~1sync-gc-mark"}]"#)
    }

    @Test("a kubectl client-side apply entry is renamed to the controller's Apply entry")
    func renamesKubectl() throws {
        let live = Self.configMap(managedFields: [
            Self.entry("kubectl-client-side-apply", "Update", ["f:data": ["f:a": [:]]]),
            Self.entry("kube-controller-manager", "Update", ["f:metadata": ["f:labels": [:]]]),
        ])
        let patch = ResourceManager.cleanupPatch(live, options: Self.options, fieldManager: "kustomize-controller")
        guard case .replace(let path, let value)? = patch.operations.first else {
            Issue.record("expected a replace of the managed fields")
            return
        }
        #expect(path.description == "/metadata/managedFields")
        #expect(value.arrayValue?.compactMap { $0["manager"]?.stringValue } == ["kube-controller-manager", "kustomize-controller"])
        #expect(value.arrayValue?.last?["operation"] == "Apply")
        #expect(value.arrayValue?.last?["fieldsV1"] == ["f:data": ["f:a": [:]]])
    }

    @Test("kubectl edits merge into the controller's existing Apply entry, which goes last")
    func mergesIntoExistingEntry() {
        let live = Self.configMap(managedFields: [
            Self.entry("kubectl-edit", "Update", ["f:data": ["f:b": [:]], "f:metadata": ["f:labels": [".": [:], "f:x": [:]]]]),
            Self.entry("kustomize-controller", "Apply", ["f:data": ["f:a": [:]]]),
            Self.entry("before-first-apply", "Update", ["f:data": ["f:c": [:]]]),
            Self.entry("kubectl", "Update", ["f:status": [:]], subresource: "status"),
        ])
        let patch = ResourceManager.cleanupPatch(live, options: Self.options, fieldManager: "kustomize-controller")
        guard case .replace(_, let value)? = patch.operations.first, let entries = value.arrayValue else {
            Issue.record("expected a replace of the managed fields")
            return
        }
        #expect(entries.compactMap { $0["manager"]?.stringValue } == ["kubectl", "kustomize-controller"])
        #expect(entries.last?["fieldsV1"]?.serialized() == #"{"f:data":{"f:a":{},"f:b":{},"f:c":{}},"f:metadata":{"f:labels":{".":{},"f:x":{}}}}"#)
    }

    @Test("nothing is patched when no key or manager matches")
    func noPatch() {
        let live = Self.configMap(annotations: ["a": "b"], managedFields: [Self.entry("kustomize-controller", "Apply", ["f:data": [:]])])
        #expect(ResourceManager.cleanupPatch(live, options: Self.options, fieldManager: "kustomize-controller").operations.isEmpty)
    }

    @Test("override managers are taken over for Apply and Update")
    func overrideManagers() {
        let options = ApplyOptions.kustomizeController(force: false, overrideManagers: ["argocd"]).cleanup
        let live = Self.configMap(managedFields: [Self.entry("argocd-controller", "Apply", ["f:data": [:]])])
        let patch = ResourceManager.cleanupPatch(live, options: options, fieldManager: "kustomize-controller")
        #expect(patch.operations.count == 1)
    }
}
