import GoTemplate
import OrderedCollections
import StructuredData

/// `.Release` inputs (Helm's `chartutil.ReleaseOptions`).
public struct ReleaseOptions: Sendable, Equatable {
    public var name: String
    public var namespace: String
    public var revision: Int
    public var isInstall: Bool
    public var isUpgrade: Bool

    public init(name: String, namespace: String = "default", revision: Int = 1,
                isInstall: Bool = true, isUpgrade: Bool = false) {
        self.name = name
        self.namespace = namespace
        self.revision = revision
        self.isInstall = isInstall
        self.isUpgrade = isUpgrade
    }

    /// The `.Release` map (`map[string]interface {}`).
    var goValue: GoValue {
        .map([
            "Name": .string(name),
            "Namespace": .string(namespace),
            "IsUpgrade": .bool(isUpgrade),
            "IsInstall": .bool(isInstall),
            "Revision": .of(revision),
            "Service": .string("Helm"),
        ])
    }
}

/// What `chartutil.ToRenderValues` produces: the coalesced values plus release and cluster
/// information, ready for `Engine.render`.
public struct RenderValues: Sendable {
    public var values: JSONObject
    public var release: ReleaseOptions
    public var capabilities: Capabilities

    /// `ToRenderValues`: coalesces `userValues` over the chart defaults and validates every
    /// chart's `values.schema.json`. Throws `HelmError`.
    public init(chart: Chart, userValues: JSONObject, release: ReleaseOptions,
                capabilities: Capabilities) throws(HelmError) {
        self.values = try Coalesce.coalesceValues(chart, userValues)
        self.release = release
        self.capabilities = capabilities
        try SchemaValidation.validate(chart: chart, values: values)
    }
}
