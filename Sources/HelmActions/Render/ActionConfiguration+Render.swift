import HelmEngine
import StructuredData

extension ActionConfiguration {
    /// The cluster's `.Capabilities` (server `/version` and discovery version set), cached per configuration.
    /// - Throws: `could not get server version from Kubernetes: …` / `could not get apiVersions from Kubernetes: …`.
    public func capabilities() async throws(HelmActionsError) -> Capabilities {
        try await capabilitiesCache.capabilities(kube.client)
    }

    /// Renders `chart` for install (`isUpgrade == false`) or upgrade with the cluster's capabilities,
    /// as Helm's `renderResources` does; the chart's `kubeVersion` is checked against the server version.
    /// - Throws: capability read errors, or HelmEngine's render errors (e.g. `chart requires kubeVersion: …
    ///   which is incompatible with Kubernetes …`) as `HelmActionsError.message`.
    public func render(_ chart: HelmEngine.Chart, values: JSONObject, releaseName: String, namespace: String,
                       revision: Int, isUpgrade: Bool) async throws -> RenderedChart {
        let capabilities = try await capabilities()
        return try RenderedChart.render(chart, values: values, releaseName: releaseName, namespace: namespace,
                                        revision: revision, isUpgrade: isUpgrade, capabilities: capabilities)
    }
}
