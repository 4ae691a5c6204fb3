import Foundation
import StructuredData

extension KubeAPI {
    /// The aggregated-discovery version the client's `Accept` asks for (`v2` or `v2beta1`), in its
    /// order of preference; nil when it wants legacy discovery.
    static func aggregatedDiscoveryVersion(_ accept: String?) -> String? {
        for mediaType in (accept ?? "").split(separator: ",") {
            let params = mediaType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard params.first == "application/json" else { continue }
            guard params.contains("as=APIGroupDiscoveryList"), params.contains("g=apidiscovery.k8s.io") else {
                return nil
            }
            if params.contains("v=v2") { return "v2" }
            if params.contains("v=v2beta1") { return "v2beta1" }
        }
        return nil
    }

    /// `/api` (core group) or `/apis` (named groups) as an `APIGroupDiscoveryList`, with
    /// `Content-Type` telling the client which format it got.
    func aggregatedDiscovery(version: String, core: Bool) -> APIResponse {
        let names = core ? [""] : registry.groups.map(\.name)
        var items: [JSONValue] = []
        for name in names {
            let versions = core ? ["v1"] : (registry.groups.first { $0.name == name }?.versions ?? [])
            let entries: [JSONValue] = versions.map { v in
                [
                    "version": .string(v),
                    "resources": .array(registry.types(group: name, version: v).map(Self.discoveryResource)),
                    "freshness": "Current",
                ]
            }
            items.append(["metadata": ["name": .string(name), "creationTimestamp": nil], "versions": .array(entries)])
        }
        let body: JSONValue = [
            "kind": "APIGroupDiscoveryList", "apiVersion": .string("apidiscovery.k8s.io/\(version)"),
            "metadata": .object([:]), "items": .array(items),
        ]
        var bytes = body.serializedBytes()
        bytes.append(10)
        return .raw(code: 200, contentType: "application/json;g=apidiscovery.k8s.io;v=\(version);as=APIGroupDiscoveryList",
                    body: bytes)
    }

    /// One `APIResourceDiscovery` entry.
    static func discoveryResource(_ type: ResourceType) -> JSONValue {
        let kind: JSONValue = ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)]
        var subresources: [JSONValue] = []
        if type.hasStatus {
            subresources.append(["subresource": "status", "responseKind": kind, "verbs": .array(ResourceType.subresourceVerbs)])
        }
        if type.hasScale {
            subresources.append(["subresource": "scale", "responseKind": ["group": "autoscaling", "version": "v1", "kind": "Scale"],
                                 "verbs": .array(ResourceType.subresourceVerbs)])
        }
        var entry: JSONObject = [
            "resource": .string(type.plural), "responseKind": kind,
            "scope": type.namespaced ? "Namespaced" : "Cluster", "singularResource": .string(type.singular),
            "verbs": .array(ResourceType.mainVerbs),
        ]
        if !type.shortNames.isEmpty { entry["shortNames"] = .array(type.shortNames.map(JSONValue.string)) }
        if !type.categories.isEmpty { entry["categories"] = .array(type.categories.map(JSONValue.string)) }
        if !subresources.isEmpty { entry["subresources"] = .array(subresources) }
        return .object(entry)
    }
}
