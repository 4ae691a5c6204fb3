import FluxSSA
import KubeModel
import StructuredData
import Testing

@Suite("Object identities, change sets, apply order and inventories")
struct ChangeSetTests {
    static let ids: [(ObjMetadata, String, String)] = [
        (ObjMetadata(namespace: "default", name: "podinfo", groupKind: GroupKind(group: "apps", kind: "Deployment")),
         "default_podinfo_apps_Deployment", "Deployment/default/podinfo"),
        (ObjMetadata(namespace: "default", name: "podinfo", groupKind: GroupKind(group: "", kind: "Service")),
         "default_podinfo__Service", "Service/default/podinfo"),
        (ObjMetadata(namespace: "", name: "flux-system", groupKind: GroupKind(group: "", kind: "Namespace")),
         "_flux-system__Namespace", "Namespace/flux-system"),
        (ObjMetadata(namespace: "", name: "system:auth", groupKind: GroupKind(group: "rbac.authorization.k8s.io", kind: "ClusterRole")),
         "_system__auth_rbac.authorization.k8s.io_ClusterRole", "ClusterRole/system:auth"),
    ]

    @Test("identities print as inventory IDs and subjects and parse back", arguments: ids.indices)
    func identity(index: Int) throws {
        let (id, text, subject) = Self.ids[index]
        #expect(id.description == text)
        #expect(id.subject == subject)
        #expect(try ObjMetadata.parse(text) == id)
    }

    static let badIDs: [(String, String)] = [
        ("podinfo", "unable to parse stored object metadata: podinfo"),
        ("default_podinfo", "unable to parse stored object metadata: podinfo"),
        ("default_pod_info_apps_Deployment", "too many fields within: pod_info_apps"),
    ]

    @Test("malformed inventory IDs are rejected with cli-utils' messages", arguments: badIDs.indices)
    func badID(index: Int) {
        let (text, message) = Self.badIDs[index]
        #expect(throws: FluxSSAError(.inventory, message)) { try ObjMetadata.parse(text) }
    }

    static func object(_ apiVersion: String, _ kind: String, _ name: String, _ namespace: String = "") -> KubeObject {
        KubeObject(apiVersion: apiVersion, kind: kind, name: name, namespace: namespace)
    }

    @Test("a change set prints one Flux line per entry")
    func changeSetText() {
        let set = ChangeSet([
            ChangeSetEntry(Self.object("v1", "Namespace", "apps"), .created),
            ChangeSetEntry(Self.object("apps/v1", "Deployment", "podinfo", "default"), .configured),
            ChangeSetEntry(Self.object("v1", "Service", "podinfo", "default"), .unchanged),
        ])
        #expect(set.description == "Namespace/apps created\nDeployment/default/podinfo configured\nService/default/podinfo unchanged")
        #expect(set.changedLines == ["Namespace/apps created", "Deployment/default/podinfo configured"])
        #expect(set.entries[1].groupVersion == "v1")
        #expect(set.actions["Service/default/podinfo"] == .unchanged)
    }

    @Test("objects sort in Flux's reconcile order: definitions first, webhooks last, then group, kind, namespace, name")
    func reconcileOrder() {
        let objects = [
            Self.object("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "hook"),
            Self.object("example.com/v1", "Widget", "w", "b"),
            Self.object("apps/v1", "Deployment", "b", "default"),
            Self.object("apps/v1", "Deployment", "a", "default"),
            Self.object("v1", "ConfigMap", "cfg", "default"),
            Self.object("v1", "Namespace", "default"),
            Self.object("apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com"),
            Self.object("example.com/v1", "Gadget", "g", "a"),
            Self.object("v1", "ServiceAccount", "sa", "default"),
        ]
        #expect(ReconcileOrder.sorted(objects).map(\.subject) == [
            "CustomResourceDefinition/widgets.example.com", "Namespace/default", "ServiceAccount/default/sa",
            "ConfigMap/default/cfg", "Deployment/default/a", "Deployment/default/b", "Gadget/a/g", "Widget/b/w",
            "ValidatingWebhookConfiguration/hook",
        ])
    }

    @Test("an inventory records each change set entry as id and version, in order")
    func inventoryFromChangeSet() {
        let set = ChangeSet([
            ChangeSetEntry(Self.object("v1", "Namespace", "apps"), .created),
            ChangeSetEntry(Self.object("apps/v1", "Deployment", "podinfo", "apps"), .unchanged),
        ])
        let inventory = Inventory(set)
        #expect(inventory.json.serialized() == #"{"entries":[{"id":"_apps__Namespace","v":"v1"},{"id":"apps_podinfo_apps_Deployment","v":"v1"}]}"#)
        #expect(Inventory(json: inventory.json) == inventory)
    }

    @Test("stale objects are the old entries missing from the new inventory, in apply order, with their old versions")
    func staleObjects() throws {
        let old = Inventory(entries: [
            .init(id: "apps_podinfo_apps_Deployment", v: "v1"),
            .init(id: "apps_podinfo__Service", v: "v1"),
            .init(id: "apps_old_autoscaling_HorizontalPodAutoscaler", v: "v2"),
            .init(id: "_apps__Namespace", v: "v1"),
        ])
        let new = Inventory(entries: [.init(id: "apps_podinfo_apps_Deployment", v: "v1")])
        let stale = try old.stale(comparedTo: new)
        #expect(stale.map(\.subject) == ["Namespace/apps", "Service/apps/podinfo", "HorizontalPodAutoscaler/apps/old"])
        #expect(stale.map(\.apiVersion) == ["v1", "v1", "autoscaling/v2"])
        #expect(try new.stale(comparedTo: old).isEmpty)
        #expect(try old.objects().map(\.subject).first == "Namespace/apps")
    }

    @Test("an inventory with a malformed entry cannot be listed")
    func malformedInventory() {
        let inventory = Inventory(entries: [.init(id: "broken", v: "v1")])
        #expect(throws: FluxSSAError(.inventory, "unable to parse stored object metadata: broken")) { try inventory.objects() }
    }

    @Test("only skipped and unchanged count as no change")
    func hasChanged() {
        #expect(Action.allCases.filter(\.hasChanged) == [.created, .configured, .deleted, .unknown])
    }
}
