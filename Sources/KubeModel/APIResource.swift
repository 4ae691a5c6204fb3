/// One served resource, as discovery describes it (`metav1.APIResource` plus its group-version).
public struct APIResource: Sendable, Hashable {
    public var group: String
    public var version: String
    /// The plural resource name, e.g. `deployments`.
    public var resource: String
    public var kind: String
    public var namespaced: Bool
    public var verbs: [String]
    public var shortNames: [String]

    public init(group: String, version: String, resource: String, kind: String, namespaced: Bool,
                verbs: [String] = [], shortNames: [String] = []) {
        self.group = group
        self.version = version
        self.resource = resource
        self.kind = kind
        self.namespaced = namespaced
        self.verbs = verbs
        self.shortNames = shortNames
    }

    public var gvk: GroupVersionKind { GroupVersionKind(group: group, version: version, kind: kind) }
    public var gvr: GroupVersionResource { GroupVersionResource(group: group, version: version, resource: resource) }
    public var groupResource: GroupResource { GroupResource(group: group, resource: resource) }
    public var apiVersion: String { gvk.apiVersion }

    /// `/api/v1` for the core group, `/apis/<group>/<version>` otherwise.
    public var groupVersionPath: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }
}
