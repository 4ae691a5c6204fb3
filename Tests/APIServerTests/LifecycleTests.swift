import Foundation
import StructuredData
import Testing
@testable import APIServerCore

@Suite("Finalizers, namespace deletion and garbage collection")
struct LifecycleTests {
    let cms = "/api/v1/namespaces/default/configmaps"

    @Test("a finalizer holds the object with a deletionTimestamp until it is removed")
    func finalizers() async throws {
        let api = try await KubeAPI.inMemory()
        var cm = configMap("held")
        cm.set(["metadata", "finalizers"], ["example.com/hold"])
        _ = await api.call("POST", cms, cm)
        let deleting = await api.call("DELETE", "\(cms)/held")
        #expect(deleting.code == 200)
        #expect(deleting.body["metadata"]?["deletionTimestamp"] != nil)
        #expect(await api.call("GET", "\(cms)/held").code == 200)
        let adding = await api.call("PATCH", "\(cms)/held", ["metadata": ["finalizers": ["example.com/hold", "more"]]],
                                    contentType: "application/merge-patch+json")
        #expect(adding.code == 422)
        let removed = await api.call("PATCH", "\(cms)/held", ["metadata": ["finalizers": nil]], contentType: "application/merge-patch+json")
        #expect(removed.code == 200)
        #expect(await api.call("GET", "\(cms)/held").code == 404)
    }

    @Test("deleting a namespace refuses new content, empties it, then removes it")
    func namespaceDeletion() async throws {
        let api = try await KubeAPI.inMemory()
        _ = await api.call("POST", "/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "team"]])
        _ = await api.call("POST", "/api/v1/namespaces/team/configmaps", configMap("a"))
        var held = configMap("b")
        held.set(["metadata", "finalizers"], ["example.com/hold"])
        _ = await api.call("POST", "/api/v1/namespaces/team/configmaps", held)
        let deleting = await api.call("DELETE", "/api/v1/namespaces/team")
        #expect(deleting.body["status"]?["phase"] == "Terminating")
        let refused = await api.call("POST", "/api/v1/namespaces/team/configmaps", configMap("c"))
        #expect(refused.code == 403)
        #expect(refused.body["message"] == "configmaps \"c\" is forbidden: unable to create new content in namespace team because it is being terminated")
        await api.waitForControllers()
        #expect(await api.call("GET", "/api/v1/namespaces/team/configmaps/a").code == 404)
        let terminating = await api.call("GET", "/api/v1/namespaces/team")
        #expect(terminating.code == 200)
        let conditions = terminating.body["status"]?["conditions"]?.arrayValue ?? []
        let finalizersRemaining = conditions.first { $0["type"] == "NamespaceFinalizersRemaining" }
        #expect(finalizersRemaining?["message"] == "Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances")
        #expect(conditions.first { $0["type"] == "NamespaceContentRemaining" }?["message"] == "Some resources are remaining: configmaps. has 1 resource instances")
        _ = await api.call("PATCH", "/api/v1/namespaces/team/configmaps/b", ["metadata": ["finalizers": nil]],
                           contentType: "application/merge-patch+json")
        let gone = await eventually { await api.call("GET", "/api/v1/namespaces/team").code == 404 }
        #expect(gone)
    }

    func owned(_ name: String, by owner: JSONValue) -> JSONValue {
        var cm = configMap(name)
        cm.set(["metadata", "ownerReferences"], [[
            "apiVersion": "v1", "kind": "ConfigMap", "name": owner["metadata"]?["name"] ?? "",
            "uid": owner["metadata"]?["uid"] ?? "", "blockOwnerDeletion": true,
        ]])
        return cm
    }

    @Test("owner deletion cascades by policy", arguments: [
        ("Background", false, true),
        ("Foreground", false, true),
        ("Orphan", true, false),
    ])
    func garbageCollection(policy: String, dependentSurvives: Bool, ownerRefGoneIfSurvives: Bool) async throws {
        let api = try await KubeAPI.inMemory()
        let owner = await api.call("POST", cms, configMap("owner")).body
        _ = await api.call("POST", cms, owned("dep", by: owner))
        let deleted = await api.handle(APIRequest(method: "DELETE", path: "\(cms)/owner",
                                                  body: JSONValue.object(["propagationPolicy": .string(policy)]).serializedBytes()))
        #expect(deleted.code == 200)
        let settled = await eventually {
            let ownerCode = await api.call("GET", "\(cms)/owner").code
            let depCode = await api.call("GET", "\(cms)/dep").code
            return ownerCode == 404 && (depCode == 404) != dependentSurvives
        }
        #expect(settled)
        if dependentSurvives {
            let dep = await api.call("GET", "\(cms)/dep").body
            #expect(dep["metadata"]?["ownerReferences"] == nil)
        }
    }

    @Test("a CR main-resource update keeps status and bumps generation only for spec changes")
    func statusSubresource() async throws {
        let api = try await KubeAPI.inMemory()
        let crd = try JSONParser.parse(#"{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"things.example.com"},"spec":{"group":"example.com","scope":"Namespaced","names":{"plural":"things","kind":"Thing"},"versions":[{"name":"v1","served":true,"storage":true,"subresources":{"status":{}},"schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}"#)
        let created = await api.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)
        #expect(created.code == 201)
        let conditions = created.body["status"]?["conditions"]?.arrayValue?.compactMap { $0["type"]?.stringValue }
        #expect(conditions == ["NamesAccepted", "Established"])
        let path = "/apis/example.com/v1/namespaces/default/things"
        let thing = await api.call("POST", path, ["apiVersion": "example.com/v1", "kind": "Thing", "metadata": ["name": "t"],
                                                  "spec": ["a": 1], "status": ["ok": true]])
        #expect(thing.code == 201)
        #expect(thing.body["status"] == nil)
        #expect(thing.body["metadata"]?["generation"] == 1)
        let status = await api.call("PATCH", "\(path)/t/status", ["status": ["ok": true], "spec": ["a": 9]],
                                    contentType: "application/merge-patch+json")
        #expect(status.body["status"] == ["ok": true])
        #expect(status.body["spec"] == ["a": 1])
        #expect(status.body["metadata"]?["generation"] == 1)
        let spec = await api.call("PATCH", "\(path)/t", ["spec": ["a": 2], "status": ["ok": false]],
                                  contentType: "application/merge-patch+json")
        #expect(spec.body["status"] == ["ok": true])
        #expect(spec.body["metadata"]?["generation"] == 2)
        let smp = await api.call("PATCH", "\(path)/t", ["spec": ["a": 3]], contentType: "application/strategic-merge-patch+json")
        #expect(smp.code == 415)
        var noRV = spec.body
        noRV.set(["metadata", "resourceVersion"], nil)
        let put = await api.call("PUT", "\(path)/t", noRV)
        #expect(put.code == 422)
    }

    @Test("events older than the TTL are swept; newer ones stay")
    func eventExpiry() async throws {
        let api = try await KubeAPI.inMemory()
        for name in ["old", "new"] {
            _ = await api.call("POST", "/api/v1/namespaces/default/events", [
                "apiVersion": "v1", "kind": "Event", "metadata": ["name": .string(name)],
                "involvedObject": ["kind": "ConfigMap", "name": "x", "namespace": "default"], "reason": "R",
            ])
        }
        // Nothing is old yet.
        #expect(await api.expireEvents() == 0)
        // Two hours from now, both are older than the 1h TTL.
        #expect(await api.expireEvents(now: Date().addingTimeInterval(7200)) == 2)
        let left = await api.call("GET", "/api/v1/namespaces/default/events")
        #expect(left.body["items"]?.arrayValue?.isEmpty == true)
    }
}
