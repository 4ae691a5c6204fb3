/// An API group and version, e.g. `apps/v1`; the core group is the empty string (`v1`).
public struct GroupVersion: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var version: String

    public init(group: String, version: String) {
        self.group = group
        self.version = version
    }

    /// Parses an `apiVersion` string as `schema.ParseGroupVersion` does: `""` is the empty
    /// group-version, `"v1"` is the core group, `"apps/v1"` is a named group.
    /// - Throws: `KubeModelError.invalidGroupVersion` when the string has more than one `/`.
    public static func parse(_ apiVersion: String) throws(KubeModelError) -> GroupVersion {
        if apiVersion.isEmpty || apiVersion == "/" { return GroupVersion(group: "", version: "") }
        let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return GroupVersion(group: "", version: apiVersion)
        case 2: return GroupVersion(group: String(parts[0]), version: String(parts[1]))
        default: throw .invalidGroupVersion(apiVersion)
        }
    }

    /// The `apiVersion` form: `version` for the core group, `group/version` otherwise.
    public var description: String {
        if group.isEmpty { return version }
        return "\(group)/\(version)"
    }

    /// The same group-version with a kind.
    public func withKind(_ kind: String) -> GroupVersionKind {
        GroupVersionKind(group: group, version: version, kind: kind)
    }

    /// The same group-version with a resource (plural name).
    public func withResource(_ resource: String) -> GroupVersionResource {
        GroupVersionResource(group: group, version: version, resource: resource)
    }
}

/// A group, version and kind, e.g. `apps/v1, Kind=Deployment`.
public struct GroupVersionKind: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String

    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }

    /// Builds a GVK from an `apiVersion` string and a kind; an unparsable `apiVersion` yields the
    /// whole string as the version of the core group.
    public init(apiVersion: String, kind: String) {
        let gv = (try? GroupVersion.parse(apiVersion)) ?? GroupVersion(group: "", version: apiVersion)
        self.init(group: gv.group, version: gv.version, kind: kind)
    }

    public var groupVersion: GroupVersion { GroupVersion(group: group, version: version) }
    public var groupKind: GroupKind { GroupKind(group: group, kind: kind) }
    /// The `apiVersion` string of this GVK.
    public var apiVersion: String { groupVersion.description }

    /// `schema.GroupVersionKind.String()`: `apps/v1, Kind=Deployment`.
    public var description: String { "\(group)/\(version), Kind=\(kind)" }
}

/// A group, version and resource (plural, lower case), e.g. `apps/v1, Resource=deployments`.
public struct GroupVersionResource: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var resource: String

    public init(group: String, version: String, resource: String) {
        self.group = group
        self.version = version
        self.resource = resource
    }

    public var groupVersion: GroupVersion { GroupVersion(group: group, version: version) }
    public var groupResource: GroupResource { GroupResource(group: group, resource: resource) }

    /// `schema.GroupVersionResource.String()`: `apps/v1, Resource=deployments`.
    public var description: String { "\(group)/\(version), Resource=\(resource)" }
}

/// A group-qualified resource; its string form is `deployments.apps`, or `configmaps` for the core group.
public struct GroupResource: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var resource: String

    public init(group: String, resource: String) {
        self.group = group
        self.resource = resource
    }

    /// Parses `resource.group` (first dot separates), as `schema.ParseGroupResource` does.
    public static func parse(_ text: String) -> GroupResource {
        guard let dot = text.firstIndex(of: ".") else { return GroupResource(group: "", resource: text) }
        return GroupResource(group: String(text[text.index(after: dot)...]), resource: String(text[..<dot]))
    }

    public var isEmpty: Bool { group.isEmpty && resource.isEmpty }

    public var description: String {
        if group.isEmpty { return resource }
        return "\(resource).\(group)"
    }
}

/// A group-qualified kind; its string form is `Deployment.apps`, or `ConfigMap` for the core group.
public struct GroupKind: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var kind: String

    public init(group: String, kind: String) {
        self.group = group
        self.kind = kind
    }

    public var isEmpty: Bool { group.isEmpty && kind.isEmpty }

    public var description: String {
        if group.isEmpty { return kind }
        return "\(kind).\(group)"
    }
}
