import KubeModel
import StructuredData

/// `notification.toolkit.fluxcd.io/v1beta3 Alert` (storage version).
public struct Alert: KubeResource, Hashable {
    public static let apiResource = APIResource(
        group: FluxGroups.notification, version: "v1beta3", resource: "alerts", kind: "Alert", namespaced: true,
        verbs: FluxGroups.customResourceVerbs)
    public var apiVersion = Alert.apiResource.apiVersion
    public var kind = Alert.apiResource.kind
    public var metadata: ObjectMeta
    @ZeroValued public var spec: AlertSpec
    public var unknownFields = UnknownFields()

    public init(metadata: ObjectMeta, spec: AlertSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}
