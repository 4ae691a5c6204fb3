import KubeClient
import KubeModel
import StructuredData

/// One object of a release with its resolved REST mapping (`resource.Info`).
public struct HelmResource: Sendable, Equatable {
    public var object: KubeObject
    public var mapping: APIResource

    public init(object: KubeObject, mapping: APIResource) {
        self.object = object
        self.mapping = mapping
    }

    public var name: String { object.name }
    public var namespace: String { object.namespace }
    public var kind: String { object.kind }

    /// Helm's `resourceString`: `<Kind> "<name>" in namespace "<ns>"`.
    public var resourceString: String { "\(mapping.kind) \"\(name)\" in namespace \"\(namespace)\"" }

    /// Identity used to match objects between releases: name, namespace and kind (group ignored).
    public var identity: String { "\(kind)/\(namespace)/\(name)" }
}

/// Ownership metadata Helm puts on every rendered object (`pkg/action/validate.go`).
public enum Ownership {
    public static let managedByLabel = "app.kubernetes.io/managed-by"
    public static let managedByHelm = "Helm"
    public static let releaseNameAnnotation = "meta.helm.sh/release-name"
    public static let releaseNamespaceAnnotation = "meta.helm.sh/release-namespace"
    public static let resourcePolicyAnnotation = "helm.sh/resource-policy"

    /// Adds the label and the two annotations to `object`.
    public static func set(on object: inout KubeObject, releaseName: String, releaseNamespace: String) {
        var labels = object.labels
        labels[managedByLabel] = managedByHelm
        object.labels = labels
        var annotations = object.annotations
        annotations[releaseNameAnnotation] = releaseName
        annotations[releaseNamespaceAnnotation] = releaseNamespace
        object.annotations = annotations
    }

    /// `nil` when `existing` may be adopted by the release, else Helm's `invalid ownership
    /// metadata; label validation error: …; annotation validation error: …` text.
    public static func check(_ existing: KubeObject, releaseName: String, releaseNamespace: String) -> String? {
        var errors: [String] = []
        if let e = require(existing.labels, managedByLabel, managedByHelm) { errors.append("label validation error: " + e) }
        let annotations = existing.annotations
        if let e = require(annotations, releaseNameAnnotation, releaseName) { errors.append("annotation validation error: " + e) }
        if let e = require(annotations, releaseNamespaceAnnotation, releaseNamespace) { errors.append("annotation validation error: " + e) }
        guard !errors.isEmpty else { return nil }
        return (["invalid ownership metadata"] + errors).joined(separator: "; ")
    }

    private static func require(_ map: [String: String], _ key: String, _ value: String) -> String? {
        guard let actual = map[key] else { return "missing key \"\(key)\": must be set to \"\(value)\"" }
        return actual == value ? nil : "key \"\(key)\" must equal \"\(value)\": current value is \"\(actual)\""
    }

    /// Whether the object carries `helm.sh/resource-policy: keep` (trimmed, case-insensitive).
    public static func keeps(_ object: KubeObject) -> Bool {
        object.annotations[resourcePolicyAnnotation].map { $0.trimmingWhitespace().lowercased() == "keep" } ?? false
    }

    /// Whether the object carries any `helm.sh/resource-policy` annotation.
    public static func hasResourcePolicy(_ object: KubeObject) -> Bool {
        object.annotations[resourcePolicyAnnotation] != nil
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
