import KubeModel
import StructuredData

/// `HelmRelease.spec.postRenderers[].kustomize.patches[]` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.postRenderers[].kustomize.patches[]` (helm.toolkit.fluxcd.io/v2beta2).
public struct Patch: Codable, Sendable, Hashable {
    public var patch: String
    public var target: Selector?
    public var unknownFields = UnknownFields()

    public init(patch: String) {
        self.patch = patch
    }
}

/// `HelmRelease.spec.postRenderers[].kustomize.patches[].target` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.postRenderers[].kustomize.patchesJson6902[].target` (helm.toolkit.fluxcd.io/v2beta1).
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

/// `HelmRelease.spec.postRenderers[].kustomize.images[]` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.postRenderers[].kustomize.images[]` (helm.toolkit.fluxcd.io/v2beta2).
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

/// `HelmRelease.spec.postRenderers[].kustomize.patchesJson6902[]` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.postRenderers[].kustomize.patchesJson6902[]` (helm.toolkit.fluxcd.io/v2beta2).
public struct JSON6902Patch: Codable, Sendable, Hashable {
    public var patch: [JSON6902]
    public var target: Selector
    public var unknownFields = UnknownFields()

    public init(patch: [JSON6902], target: Selector) {
        self.patch = patch
        self.target = target
    }
}

/// `HelmRelease.spec.postRenderers[].kustomize.patchesJson6902[].patch[]` (helm.toolkit.fluxcd.io/v2beta1), `HelmRelease.spec.postRenderers[].kustomize.patchesJson6902[].patch[]` (helm.toolkit.fluxcd.io/v2beta2).
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

/// `HelmRelease.spec.postRenderers[].kustomize.patchesJson6902[].patch[].op`: `test`, `remove`, `add`, `replace`, `move`, `copy`.
public enum JSON6902Operation: String, FluxEnum {
    case test = "test"
    case remove = "remove"
    case add = "add"
    case replace = "replace"
    case move = "move"
    case copy = "copy"
}
