import GoCompat
import StructuredData

/// `metav1.ObjectMeta` accessors on a dynamic object.
extension KubeObject {
    public var name: String {
        get { string(["metadata", "name"]) }
        set { setString(["metadata", "name"], newValue) }
    }

    public var generateName: String {
        get { string(["metadata", "generateName"]) }
        set { setString(["metadata", "generateName"], newValue) }
    }

    /// `metadata.namespace`; `""` for cluster-scoped objects.
    public var namespace: String {
        get { string(["metadata", "namespace"]) }
        set { setString(["metadata", "namespace"], newValue) }
    }

    public var uid: String {
        get { string(["metadata", "uid"]) }
        set { setString(["metadata", "uid"], newValue) }
    }

    public var resourceVersion: String {
        get { string(["metadata", "resourceVersion"]) }
        set { setString(["metadata", "resourceVersion"], newValue) }
    }

    /// `metadata.generation`; `0` when absent. Setting `0` removes it.
    public var generation: Int64 {
        get { raw[path: ["metadata", "generation"]]?.intValue ?? 0 }
        set { raw[path: ["metadata", "generation"]] = newValue == 0 ? nil : .int(newValue) }
    }

    /// `metadata.creationTimestamp` as its RFC 3339 string; `""` when absent.
    public var creationTimestamp: String {
        get { string(["metadata", "creationTimestamp"]) }
        set { setString(["metadata", "creationTimestamp"], newValue) }
    }

    /// `metadata.deletionTimestamp` as its RFC 3339 string; `nil` when absent.
    public var deletionTimestamp: String? {
        get { raw[path: ["metadata", "deletionTimestamp"]]?.stringValue }
        set { raw[path: ["metadata", "deletionTimestamp"]] = newValue.map { .string($0) } }
    }

    /// `metadata.deletionGracePeriodSeconds`; `nil` when absent.
    public var deletionGracePeriodSeconds: Int64? {
        get { raw[path: ["metadata", "deletionGracePeriodSeconds"]]?.intValue }
        set { raw[path: ["metadata", "deletionGracePeriodSeconds"]] = newValue.map { .int($0) } }
    }

    /// `metadata.labels`; setting writes keys sorted (as Go's JSON encoder does for maps).
    public var labels: [String: String] {
        get { stringMap(["metadata", "labels"]) }
        set { setStringMap(["metadata", "labels"], newValue) }
    }

    /// `metadata.annotations`; setting writes keys sorted.
    public var annotations: [String: String] {
        get { stringMap(["metadata", "annotations"]) }
        set { setStringMap(["metadata", "annotations"], newValue) }
    }

    public var finalizers: [String] {
        get { (raw[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue) }
        set { raw[path: ["metadata", "finalizers"]] = newValue.isEmpty ? nil : .array(newValue.map { .string($0) }) }
    }

    public var ownerReferences: [OwnerReference] {
        get { (raw[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).map(OwnerReference.init(json:)) }
        set { raw[path: ["metadata", "ownerReferences"]] = newValue.isEmpty ? nil : .array(newValue.map(\.json)) }
    }

    /// The owner reference with `controller: true`, if any (`metav1.GetControllerOf`).
    public var controllerReference: OwnerReference? {
        ownerReferences.first { $0.controller == true }
    }

    /// `metadata.managedFields`, raw; `nil` when absent.
    public var managedFields: JSONValue? {
        get { raw[path: ["metadata", "managedFields"]] }
        set { raw[path: ["metadata", "managedFields"]] = newValue }
    }

    /// True when `deletionTimestamp` is set.
    public var isBeingDeleted: Bool { deletionTimestamp != nil }

    /// `namespace/name`, or `name` for cluster-scoped objects (`types.NamespacedName.String()` without
    /// the leading `/`).
    public var namespacedName: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }
}

extension KubeObject {
    /// `metadata.creationTimestamp` parsed as RFC 3339; `nil` when absent or malformed.
    public var creationTime: GoTime? {
        get { try? GoTime.parseRFC3339(creationTimestamp) }
        set { creationTimestamp = newValue?.rfc3339 ?? "" }
    }

    /// `metadata.deletionTimestamp` parsed as RFC 3339; `nil` when absent or malformed.
    public var deletionTime: GoTime? {
        get { deletionTimestamp.flatMap { try? GoTime.parseRFC3339($0) } }
        set { deletionTimestamp = newValue?.rfc3339 }
    }
}
