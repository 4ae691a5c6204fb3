import KubeModel
import StructuredData

/// `kustomize.Patch` (fluxcd/pkg/apis/kustomize): a strategic merge or JSON 6902 patch and the
/// objects it targets (Kustomization `spec.patches`, HelmRelease post-renderers).
public struct Patch: Codable, Sendable, Hashable {
    public var patch: String
    public var target: Selector?
    public var unknownFields = UnknownFields()

    public init(patch: String) {
        self.patch = patch
    }
}

/// `kustomize.Selector`: objects by group, version, kind, name, namespace (regular expressions)
/// and label/annotation selectors.
public struct Selector: Codable, Sendable, Hashable {
    public var group: String?
    public var version: String?
    public var kind: String?
    public var namespace: String?
    public var name: String?
    public var annotationSelector: String?
    public var labelSelector: String?
    public var unknownFields = UnknownFields()

    public init() {}
}

/// `kustomize.Image`: an image name, tag or digest override.
public struct Image: Codable, Sendable, Hashable {
    public var name: String
    public var newName: String?
    public var newTag: String?
    public var digest: String?
    public var unknownFields = UnknownFields()

    public init(name: String) {
        self.name = name
    }
}

/// `kustomize.JSON6902Patch`: JSON 6902 operations and their target (deprecated in favour of `Patch`).
public struct JSON6902Patch: Codable, Sendable, Hashable {
    public var patch: [JSON6902]
    public var target: Selector
    public var unknownFields = UnknownFields()

    public init(patch: [JSON6902], target: Selector) {
        self.patch = patch
        self.target = target
    }
}

/// `kustomize.JSON6902`: one JSON Patch operation.
public struct JSON6902: Codable, Sendable, Hashable {
    public var op: JSON6902Operation
    public var path: String
    public var from: String?
    public var value: JSONValue?
    public var unknownFields = UnknownFields()

    public init(op: JSON6902Operation, path: String) {
        self.op = op
        self.path = path
    }
}

/// A JSON Patch operation: `test`, `remove`, `add`, `replace`, `move`, `copy`.
public enum JSON6902Operation: String, FluxEnum {
    case test = "test"
    case remove = "remove"
    case add = "add"
    case replace = "replace"
    case move = "move"
    case copy = "copy"
}
