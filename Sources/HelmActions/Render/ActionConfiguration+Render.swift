import HelmEngine
import Sprig
import StructuredData

/// How `ActionConfiguration.render(_:values:releaseName:namespace:revision:isUpgrade:options:)` renders.
public struct RenderOptions: Sendable {
    /// Helm's `lookup` reads the cluster (install and upgrade, `--dry-run=server`); when false it
    /// returns empty maps, as in `helm template` and `--dry-run=client`.
    public var clusterLookup: Bool
    /// Keep the NOTES of subcharts too (`--render-subchart-notes`).
    public var subNotes: Bool
    /// Receives Helm's log lines of failed lookups (see `ClusterLookup.log`).
    public var lookupLog: (@Sendable (String) -> Void)?

    public init(clusterLookup: Bool = false, subNotes: Bool = false, lookupLog: (@Sendable (String) -> Void)? = nil) {
        self.clusterLookup = clusterLookup
        self.subNotes = subNotes
        self.lookupLog = lookupLog
    }
}

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

    /// Renders as `render(_:values:releaseName:namespace:revision:isUpgrade:)` does, with `options`,
    /// on a `RenderThread` (off the cooperative pool, with room for deep `include` nesting).
    /// - Throws: as the plain `render`, plus `lookup` failures (`error calling lookup: …`).
    public func render(_ chart: HelmEngine.Chart, values: JSONObject, releaseName: String, namespace: String,
                       revision: Int, isUpgrade: Bool, options: RenderOptions) async throws -> RenderedChart {
        let capabilities = try await capabilities()
        var functions = HelmFunctions.Options()
        if options.clusterLookup { functions.cluster = ClusterLookup(client: kube.client, log: options.lookupLog) }
        let engine = Engine(functions: Engine.functions(functions))
        return try await RenderThread.run {
            try RenderedChart.render(chart, values: values, releaseName: releaseName, namespace: namespace, revision: revision,
                                     isUpgrade: isUpgrade, capabilities: capabilities, subNotes: options.subNotes, engine: engine)
        }
    }
}
