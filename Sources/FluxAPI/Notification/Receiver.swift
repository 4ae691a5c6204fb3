import KubeModel
import StructuredData

/// `notification.toolkit.fluxcd.io/v1 Receiver` (storage version).
public struct Receiver: KubeResource, Hashable, FluxObject, Suspendable {
    public static let apiResource = APIResource(
        group: FluxGroups.notification, version: "v1", resource: "receivers", kind: "Receiver", namespaced: true,
        verbs: FluxGroups.customResourceVerbs)
    public var apiVersion = Receiver.apiResource.apiVersion
    public var kind = Receiver.apiResource.kind
    public var metadata: ObjectMeta
    @ZeroValued public var spec: ReceiverSpec
    @ZeroValued public var status: ReceiverStatus
    public var unknownFields = UnknownFields()

    public init(metadata: ObjectMeta, spec: ReceiverSpec) {
        self.metadata = metadata
        self.spec = spec
    }
}
