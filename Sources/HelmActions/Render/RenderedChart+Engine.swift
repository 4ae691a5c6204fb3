import HelmEngine
import StructuredData

extension ChartRecord {
    /// The stored form of a loaded chart: metadata in Go field order (dependencies with
    /// `enabled`), lock, templates, post-import values, schema and files (`null` when there are
    /// none, as Go's nil slices); subcharts are not stored.
    public init(_ chart: HelmEngine.Chart) {
        let m = chart.metadata
        var o: JSONObject = [:]
        func put(_ key: String, _ value: JSONValue) { if !value.isGoEmpty { o[key] = value } }
        put("name", .string(m.name))
        put("home", .string(m.home))
        put("sources", .array(m.sources.map { .string($0) }))
        put("version", .string(m.version))
        put("description", .string(m.description))
        put("keywords", .array(m.keywords.map { .string($0) }))
        put("maintainers", .array(m.maintainers.map { mt in
            var x: JSONObject = [:]
            if !mt.name.isEmpty { x["name"] = .string(mt.name) }
            if !mt.email.isEmpty { x["email"] = .string(mt.email) }
            if !mt.url.isEmpty { x["url"] = .string(mt.url) }
            return .object(x)
        }))
        put("icon", .string(m.icon))
        put("apiVersion", .string(m.apiVersion))
        put("condition", .string(m.condition))
        put("tags", .string(m.tags))
        put("appVersion", .string(m.appVersion))
        put("deprecated", .bool(m.deprecated))
        var annotations: JSONObject = [:]
        for (k, v) in m.annotations { annotations[k] = .string(v) }
        put("annotations", JSONValue.object(annotations).goSortedKeys())
        put("kubeVersion", .string(m.kubeVersion))
        put("dependencies", .array(m.dependencies.map { d in
            var x: JSONObject = [:]
            func dput(_ key: String, _ value: JSONValue) { if !value.isGoEmpty { x[key] = value } }
            dput("name", .string(d.name))
            dput("version", .string(d.version))
            dput("repository", .string(d.repository))
            dput("condition", .string(d.condition))
            dput("tags", .array(d.tags.map { .string($0) }))
            dput("enabled", .bool(d.enabled))
            dput("import-values", .array(d.importValues))
            dput("alias", .string(d.alias))
            return .object(x)
        }))
        put("type", .string(m.type))
        self.init(metadata: .object(o), lock: chart.lock,
                  templates: chart.templates.isEmpty ? nil : chart.templates.map { HelmActions.ChartFile(name: $0.name, data: $0.data) },
                  values: chart.hasValues || !chart.values.isEmpty ? .object(chart.values) : .null, schema: chart.schema,
                  files: chart.files.isEmpty ? nil : chart.files.map { HelmActions.ChartFile(name: $0.name, data: $0.data) })
    }
}

extension RenderedChart {
    /// Renders `chart` with `values` as Helm's install/upgrade does (dependencies, render values,
    /// NOTES, sorted manifest and hooks); the CRDs of `crds/` are carried for the CRD policy.
    /// `kubeVersion` is the cluster version the chart sees (`.Capabilities.KubeVersion`).
    /// - Throws: HelmEngine's errors, with Helm's wording.
    public static func render(_ chart: HelmEngine.Chart, values: JSONObject, releaseName: String, namespace: String,
                              revision: Int, isUpgrade: Bool, kubeVersion: String = "v1.28.0") throws -> RenderedChart {
        var capabilities = Capabilities()
        capabilities.kubeVersion = try Capabilities.KubeVersion.parse(kubeVersion)
        return try render(chart, values: values, releaseName: releaseName, namespace: namespace, revision: revision,
                          isUpgrade: isUpgrade, capabilities: capabilities)
    }

    /// Renders as above with explicit `.Capabilities` (those of the cluster, see `ActionConfiguration.render`);
    /// the chart's `kubeVersion` constraint is checked against `capabilities.kubeVersion`.
    /// - Throws: HelmEngine's errors, with Helm's wording.
    public static func render(_ chart: HelmEngine.Chart, values: JSONObject, releaseName: String, namespace: String,
                              revision: Int, isUpgrade: Bool, capabilities: Capabilities) throws -> RenderedChart {
        try render(chart, values: values, releaseName: releaseName, namespace: namespace, revision: revision, isUpgrade: isUpgrade,
                   capabilities: capabilities, subNotes: false, engine: Engine())
    }

    /// Renders as above with the subcharts' NOTES kept or not (`subNotes`) and a given engine
    /// (its function map decides what `lookup` and `getHostByName` do).
    /// - Throws: HelmEngine's errors, with Helm's wording.
    public static func render(_ chart: HelmEngine.Chart, values: JSONObject, releaseName: String, namespace: String,
                              revision: Int, isUpgrade: Bool, capabilities: Capabilities, subNotes: Bool,
                              engine: Engine) throws -> RenderedChart {
        let install = InstallRender(release: ReleaseOptions(name: releaseName, namespace: namespace, revision: revision,
                                                            isInstall: !isUpgrade, isUpgrade: isUpgrade),
                                    capabilities: capabilities, subNotes: subNotes, engine: engine)
        let result: InstallRender.Result
        do {
            result = try install.run(chart: chart, values: values)
        } catch let failure as InstallRender.RenderFailure {
            throw HelmActionsError.message(failure.error.message)
        }
        let hooks = result.hooks.map { h in
            var hook = HelmActions.Hook(name: h.name, kind: h.kind, path: h.path, manifest: h.manifest, events: [], weight: h.weight)
            hook.events = h.events.map(\.rawValue)
            hook.deletePolicies = h.deletePolicies
            return hook
        }
        return RenderedChart(chart: ChartRecord(result.chart), manifest: result.manifest, hooks: hooks, notes: result.notes,
                             crds: chart.crdObjects.map { String(decoding: $0.data, as: UTF8.self) })
    }
}
