import StructuredData

/// A file of a chart, by its path relative to the chart root (always `/`-separated).
public struct ChartFile: Sendable, Equatable {
    public var name: String
    public var data: [UInt8]
    public init(name: String, data: [UInt8]) {
        self.name = name
        self.data = data
    }
}

/// A loaded Helm chart (`pkg/chart.Chart`): metadata, templates, default values, other files
/// and the subcharts found under `charts/`.
///
/// Value semantics: subcharts are stored inline, so processing dependencies (aliases,
/// disabling) works on a copy and never touches the loaded chart.
public struct Chart: Sendable {
    /// Chart.yaml (plus `requirements.yaml` dependencies for v1 charts).
    public var metadata: ChartMetadata
    /// Chart.lock / requirements.lock, raw (not interpreted here).
    public var lock: JSONValue?
    /// Templates under `templates/`, in the order the loader saw them.
    public var templates: [ChartFile] = []
    /// Default values (`values.yaml`), numbers as float64 (`.double`) as Helm decodes them.
    public var values: JSONObject = [:]
    /// Go's `Values != nil`: the chart had a `values.yaml`, or values were assigned (import
    /// values, `--reuse-values`). A stored chart without values shows `"values": null`.
    public var hasValues = false
    /// `values.schema.json`, raw.
    public var schema: [UInt8]?
    /// Every other file (README, crds/, .helmignore, …) in load order.
    public var files: [ChartFile] = []
    /// Subcharts from `charts/`, in load order.
    public var dependencies: [Chart] = []
    /// Path of this chart from the root chart, e.g. `root/charts/sub` (set when composed).
    public var parentPath: String?

    public init(metadata: ChartMetadata) {
        self.metadata = metadata
    }

    /// The chart's name (its alias once dependencies are processed).
    public var name: String { metadata.name }

    /// Whether this is a library chart (`type: library`).
    public var isLibrary: Bool { metadata.type == "library" }

    /// Helm's `ChartFullPath`: `root`, `root/charts/sub`, … (aliases used).
    public var fullPath: String {
        if let parentPath { return parentPath + "/charts/" + name }
        return name
    }

    /// Sets `parentPath` of every subchart below this chart from this chart's `fullPath`.
    mutating func assignPaths() {
        let me = fullPath
        for index in dependencies.indices {
            dependencies[index].parentPath = me
            dependencies[index].assignPaths()
        }
    }

    /// CRD files (`crds/*.yaml|yml|json`) of this chart then of its subcharts, recursively
    /// (Helm's `CRDObjects`), each named by its path from the root (`root/crds/a.yaml`).
    public var crdObjects: [ChartFile] {
        var result: [ChartFile] = []
        for file in files where file.name.hasPrefix("crds/") && Chart.isCRDFileName(file.name) {
            result.append(ChartFile(name: fullPath + "/" + file.name, data: file.data))
        }
        for dependency in dependencies { result.append(contentsOf: dependency.crdObjects) }
        return result
    }

    static func isCRDFileName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json")
    }
}
