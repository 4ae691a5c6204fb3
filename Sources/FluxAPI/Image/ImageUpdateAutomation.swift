import KubeModel
import StructuredData

/// `image.toolkit.fluxcd.io/v1beta1 ImageUpdateAutomation` (storage version).
public struct ImageUpdateAutomation: KubeResource, Hashable, FluxObject, Suspendable {
    public static let apiResource = APIResource(
        group: FluxGroups.image, version: "v1beta1", resource: "imageupdateautomations", kind: "ImageUpdateAutomation", namespaced: true,
        verbs: FluxGroups.customResourceVerbs)
    public var apiVersion = ImageUpdateAutomation.apiResource.apiVersion
    public var kind = ImageUpdateAutomation.apiResource.kind
    public var metadata: ObjectMeta
    @ZeroValued public var spec: ImageUpdateAutomationSpec
    @ZeroValued public var status: ImageUpdateAutomationStatus
    public var unknownFields = UnknownFields()

    public init(metadata: ObjectMeta, spec: ImageUpdateAutomationSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}
