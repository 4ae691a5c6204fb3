import ControllerRuntime
import KubeClient
import KubeModel
import StructuredData

/// A test kind: `Counter` (`test.swiftflux.dev/v1`) whose status counts the ConfigMaps labelled
/// `count: me` in its namespace.
struct Counter: Conditioned {
    static let apiResource = APIResource(group: "test.swiftflux.dev", version: "v1", resource: "counters", kind: "Counter",
                                         namespaced: true)
    var apiVersion = "test.swiftflux.dev/v1"
    var kind = "Counter"
    var metadata: ObjectMeta
    var spec: Spec?
    var status: Status?
    var unknownFields = UnknownFields()

    struct Spec: Codable, Hashable {
        var suspend: Bool?
        var unknownFields = UnknownFields()
    }

    struct Status: Codable, Hashable {
        var observedGeneration: Int64?
        var count: Int?
        var conditions: [Condition]?
        var unknownFields = UnknownFields()
    }

    var conditions: [Condition] {
        get { status?.conditions ?? [] }
        set {
            if status == nil { status = Status() }
            status?.conditions = newValue.isEmpty ? nil : newValue
        }
    }

    init(name: String, namespace: String) { metadata = ObjectMeta(name: name, namespace: namespace) }

    static let crd: JSONValue = [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": "counters.test.swiftflux.dev"],
        "spec": [
            "group": "test.swiftflux.dev", "scope": "Namespaced",
            "names": ["plural": "counters", "singular": "counter", "kind": "Counter", "listKind": "CounterList"],
            "versions": [[
                "name": "v1", "served": true, "storage": true, "subresources": ["status": [:]],
                "schema": ["openAPIV3Schema": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]],
            ]],
        ],
    ]
}

/// Counts labelled ConfigMaps into `status.count`, marks Ready, and records how often it ran.
struct CounterReconciler: Reconciler {
    let client: KubeClient
    let cache: Cache
    let events: EventRecorder
    let runs: RunCounter

    static let configMaps = APIResource(group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true)

    func reconcile(_ key: ObjectKey) async throws -> ReconcileResult {
        await runs.bump(key)
        guard var counter = try await cache.get(Counter.self, namespace: key.namespace, name: key.name) else { return .done }
        var patcher = try StatusPatcher(client: client, object: counter)
        let selector = try LabelSelector.parse("count=me")
        let count = await cache.informer(ConfigMap.self).list(namespace: key.namespace, selector: selector).count
        if counter.status == nil { counter.status = Counter.Status() }
        let changed = counter.status?.count != count
        counter.status?.count = count
        let generation = counter.generation
        counter.status?.observedGeneration = generation
        counter.markTrue(ConditionType.ready, reason: "Succeeded", message: "counted \(count) ConfigMaps")
        try await patcher.patch(counter)
        if changed { events.event(counter, type: .normal, reason: "Counted", message: "counted \(count) ConfigMaps") }
        return .done
    }
}

actor RunCounter {
    var runs: [ObjectKey: Int] = [:]
    func bump(_ k: ObjectKey) { runs[k, default: 0] += 1 }
    func count(_ k: ObjectKey) -> Int { runs[k, default: 0] }
}
