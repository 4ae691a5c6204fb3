import FluxAPI
import Foundation
import HelmActions
import KubeClient
import KubeModel
import StructuredData

extension Harness {
    static let events = APIResource(group: "", version: "v1", resource: "events", kind: "Event", namespaced: true)

    /// A HelmRelease of fixture chart `chart` from a (not reconciled) HelmRepository `repo`.
    static func release(_ name: String, chart: String = "demo", namespace: String = "default",
                        configure: (inout HelmReleaseSpec) -> Void = { _ in }) -> HelmRelease {
        var source = HelmChartTemplateSourceReference(name: "repo")
        source.kind = .helmRepository
        var spec = HelmReleaseSpec(chart: HelmChartTemplate(spec: HelmChartTemplateSpec(chart: chart, sourceRef: source)), interval: "10m")
        configure(&spec)
        return HelmRelease(metadata: ObjectMeta(name: name, namespace: namespace), spec: spec)
    }

    /// Merge-patches `spec` of HelmRelease `name` (no conflict with the controller's status writes).
    func patchSpec(_ name: String, namespace: String = "default", _ spec: JSONValue) async throws {
        _ = try await client.patch(HelmRelease.apiResource, namespace: namespace, name: name, type: .merge, body: ["spec": spec])
    }

    func get(_ name: String, namespace: String = "default") async throws -> HelmRelease {
        try await client.get(HelmRelease.self, namespace: namespace, name: name)
    }

    /// Polls the HelmRelease until `condition` holds (default deadline 60 s); returns it.
    @discardableResult
    func waitFor(_ name: String, namespace: String = "default", within: Duration = .seconds(60),
                 _ condition: (HelmRelease) -> Bool) async throws -> HelmRelease {
        let deadline = ContinuousClock.now + within
        var last: HelmRelease?
        while ContinuousClock.now < deadline {
            if let hr = try? await get(name, namespace: namespace) {
                last = hr
                if condition(hr) { return hr }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let conditions = last?.conditions.map { "\($0.type)=\($0.status.rawValue) \($0.reason): \($0.message)" } ?? []
        var chartState = ""
        if let ref = last?.status.helmChartReference, let chart = try? await client.get(HelmChart.self, namespace: ref.namespace, name: ref.name) {
            chartState = "; HelmChart generation \(chart.generation), observed \(chart.observedGeneration), revision \(chart.status.artifact?.revision ?? "-")"
        }
        throw HarnessError("HelmRelease \(namespace)/\(name) did not reach the expected state; conditions: \(conditions)\(chartState)")
    }

    /// `(type, reason, message)` of the Events about HelmRelease `name`, oldest first.
    func events(for name: String, namespace: String = "default") async throws -> [(type: String, reason: String, message: String)] {
        await manager?.events.flush()
        let items = try await client.listAll(Self.events, in: .named(namespace)).items
            .filter { $0.raw[path: ["involvedObject", "name"]]?.stringValue == name && $0.raw[path: ["involvedObject", "kind"]]?.stringValue == "HelmRelease" }
            .sorted { ($0.raw["firstTimestamp"]?.stringValue ?? "", $0.name) < ($1.raw["firstTimestamp"]?.stringValue ?? "", $1.name) }
        return items.map { ($0.raw["type"]?.stringValue ?? "", $0.raw["reason"]?.stringValue ?? "", $0.raw["message"]?.stringValue ?? "") }
    }

    /// Helm storage of the namespace.
    func storage(namespace: String = "default") -> ReleaseStorage {
        ReleaseStorage(driver: SecretDriver(client: client, namespace: namespace))
    }
}

extension HelmRelease {
    /// `Type=Status Reason` of a condition, or "" when absent.
    func summary(_ type: String) -> String {
        guard let c = condition(type) else { return "" }
        return "\(c.status.rawValue) \(c.reason)"
    }
}
