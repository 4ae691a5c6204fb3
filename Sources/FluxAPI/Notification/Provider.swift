import KubeModel
import StructuredData

/// `notification.toolkit.fluxcd.io/v1beta3 Provider` (storage version).
public struct Provider: KubeResource, Hashable {
    public static let apiResource = APIResource(
        group: FluxGroups.notification, version: "v1beta3", resource: "providers", kind: "Provider", namespaced: true,
        verbs: FluxGroups.customResourceVerbs)
    public var apiVersion = Provider.apiResource.apiVersion
    public var kind = Provider.apiResource.kind
    public var metadata: ObjectMeta
    @ZeroValued public var spec: ProviderSpec
    public var unknownFields = UnknownFields()

    public init(metadata: ObjectMeta, spec: ProviderSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}
