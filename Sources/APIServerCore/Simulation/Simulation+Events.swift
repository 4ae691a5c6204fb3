import Foundation
import StructuredData

extension KubeAPI {
    static let eventType = BuiltinResources.all.first { $0.kind == "Event" && $0.group.isEmpty }

    /// Records a core/v1 Event about `object` as a simulated controller would (`ScalingReplicaSet`
    /// from the deployment-controller, `SuccessfulCreate` and `Completed` from the job-controller,
    /// …). Failures are ignored: events are best-effort, as upstream's recorder.
    func recordEvent(about object: JSONValue, apiVersion: String, kind: String, reason: String, message: String,
                     component: String, type: String = "Normal") async {
        guard let eventType = Self.eventType else { return }
        let namespace = object.metadataString("namespace").isEmpty ? "default" : object.metadataString("namespace")
        let now = Date()
        let stamp = Self.timestamp(now)
        let name = "\(object.metadataString("name")).\(String(UInt64(now.timeIntervalSince1970 * 1_000_000_000), radix: 16))"
        let event: JSONValue = [
            "apiVersion": "v1", "kind": "Event",
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
            "involvedObject": [
                "apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(object.metadataString("name")),
                "namespace": .string(object.metadataString("namespace")), "uid": .string(object.metadataString("uid")),
                "resourceVersion": .string(object.metadataString("resourceVersion")),
            ],
            "reason": .string(reason), "message": .string(message), "type": .string(type),
            "source": ["component": .string(component)],
            "firstTimestamp": .string(stamp), "lastTimestamp": .string(stamp), "count": 1,
            "eventTime": .null, "reportingComponent": .string(component), "reportingInstance": "",
        ]
        _ = try? await FieldManagerContext.$current.withValue(FieldManagerContext(manager: component)) {
            try await create(eventType, namespace: namespace, body: event, dryRun: false)
        }
    }
}
