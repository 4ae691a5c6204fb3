import Foundation
import KubeModel

/// An object's identity without its version (cli-utils `object.ObjMetadata`): namespace, name,
/// group and kind. Its string form is the inventory ID `<namespace>_<name>_<group>_<kind>`.
public struct ObjMetadata: Hashable, Sendable, CustomStringConvertible {
    public var namespace: String
    public var name: String
    public var groupKind: GroupKind

    public init(namespace: String, name: String, groupKind: GroupKind) {
        self.namespace = namespace
        self.name = name
        self.groupKind = groupKind
    }

    /// The identity of a dynamic object.
    public init(_ object: KubeObject) {
        self.init(namespace: object.namespace, name: object.name, groupKind: object.gvk.groupKind)
    }

    /// RBAC kinds whose names may contain `:`; it is written `__` in IDs.
    static let rbacKinds: Set<GroupKind> = Set(["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"].map {
        GroupKind(group: "rbac.authorization.k8s.io", kind: $0)
    })

    /// The inventory ID, e.g. `default_podinfo_apps_Deployment` or `_flux-system__Namespace`.
    public var description: String {
        let name = Self.rbacKinds.contains(groupKind) ? self.name.replacingOccurrences(of: ":", with: "__") : self.name
        return "\(namespace)_\(name)_\(groupKind.group)_\(groupKind.kind)"
    }

    /// `ssa.FmtObjMetadata`: `Kind/namespace/name`, or `Kind/name` for cluster-scoped objects.
    public var subject: String {
        namespace.isEmpty ? "\(groupKind.kind)/\(name)" : "\(groupKind.kind)/\(namespace)/\(name)"
    }

    /// Parses an inventory ID (`object.ParseObjMetadata`): the namespace runs to the first `_`,
    /// the kind and group are the last two `_` fields, `__` in the name is `:`.
    /// - Throws: `.inventory` with cli-utils' message when a field is missing or the name still
    ///   contains `_`.
    public static func parse(_ id: String) throws(FluxSSAError) -> ObjMetadata {
        guard let first = id.firstIndex(of: "_") else {
            throw FluxSSAError(.inventory, "unable to parse stored object metadata: \(id)")
        }
        let namespace = String(id[..<first])
        var rest = String(id[id.index(after: first)...])
        guard let kindSep = rest.lastIndex(of: "_") else {
            throw FluxSSAError(.inventory, "unable to parse stored object metadata: \(rest)")
        }
        let kind = String(rest[rest.index(after: kindSep)...])
        rest = String(rest[..<kindSep])
        guard let groupSep = rest.lastIndex(of: "_") else {
            throw FluxSSAError(.inventory, "unable to parse stored object metadata: \(rest)")
        }
        let group = String(rest[rest.index(after: groupSep)...])
        let name = String(rest[..<groupSep]).replacingOccurrences(of: "__", with: ":")
        if name.contains("_") { throw FluxSSAError(.inventory, "too many fields within: \(rest)") }
        return ObjMetadata(namespace: namespace, name: name, groupKind: GroupKind(group: group, kind: kind))
    }
}

extension KubeObject {
    /// `Kind/namespace/name` (`ssa.FmtUnstructured`).
    public var subject: String { ObjMetadata(self).subject }

    /// A metadata-only object (apiVersion, kind, name, namespace) for an identity and version.
    public init(_ id: ObjMetadata, version: String) {
        let apiVersion = GroupVersion(group: id.groupKind.group, version: version).description
        self.init(apiVersion: apiVersion, kind: id.groupKind.kind, name: id.name, namespace: id.namespace)
    }
}
