import StructuredData

extension KubeAPI {
    /// `/version`: Kubernetes 1.28.
    static let versionInfo: JSONValue = [
        "major": "1", "minor": "28", "gitVersion": "v1.28.0+swiftflux", "gitCommit": "",
        "gitTreeState": "clean", "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.21.0",
        "compiler": "gc", "platform": "linux/amd64",
    ]

    func discoveryRoot(_ request: APIRequest) throws -> APIResponse {
        .json(code: 200, body: ["paths": ["/api", "/api/v1", "/apis", "/healthz", "/openapi/v2", "/openapi/v3", "/version"]])
    }

    /// `/api`.
    var apiVersions: JSONValue {
        [
            "kind": "APIVersions", "versions": ["v1"],
            "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(advertisedAddress)]],
        ]
    }

    func groupObject(_ name: String, _ versions: [String]) -> JSONValue {
        let entries: [JSONValue] = versions.map { ["groupVersion": .string("\(name)/\($0)"), "version": .string($0)] }
        return ["name": .string(name), "versions": .array(entries), "preferredVersion": entries.first ?? .null]
    }

    /// `/apis`.
    var apiGroupList: JSONValue {
        ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(registry.groups.map { groupObject($0.name, $0.versions) })]
    }

    /// `/apis/<group>`.
    func apiGroup(_ name: String) throws -> APIResponse {
        guard let group = registry.groups.first(where: { $0.name == name }) else { throw APIServerError.unknownPath }
        guard case .object(var object) = groupObject(group.name, group.versions) else { throw APIServerError.unknownPath }
        object["kind"] = "APIGroup"
        object["apiVersion"] = "v1"
        return .json(code: 200, body: .object(object))
    }

    /// `/api/v1` or `/apis/<group>/<version>`.
    func resourceList(group: String, version: String) throws -> APIResponse {
        let types = registry.types(group: group, version: version)
        guard !types.isEmpty else { throw APIServerError.unknownPath }
        return .json(code: 200, body: [
            "kind": "APIResourceList", "apiVersion": "v1",
            "groupVersion": .string(group.isEmpty ? version : "\(group)/\(version)"),
            "resources": .array(types.flatMap(\.discoveryEntries)),
        ])
    }
}
