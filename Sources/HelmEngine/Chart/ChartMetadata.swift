import StructuredData

/// A maintainer entry of Chart.yaml.
public struct ChartMaintainer: Sendable, Equatable {
    public var name = ""
    public var email = ""
    public var url = ""
    public init() {}
}

/// One `dependencies[]` entry of Chart.yaml (or v1 `requirements.yaml`).
public struct ChartDependency: Sendable, Equatable {
    public var name = ""
    public var version = ""
    public var repository = ""
    public var condition = ""
    public var tags: [String] = []
    public var enabled = false
    /// Raw `import-values` entries: strings or `{child, parent}` maps.
    public var importValues: [JSONValue] = []
    public var alias = ""
    public init() {}
}

/// Chart.yaml (`pkg/chart.Metadata`), fields in Helm's struct order.
public struct ChartMetadata: Sendable, Equatable {
    public var name = ""
    public var home = ""
    public var sources: [String] = []
    public var version = ""
    public var description = ""
    public var keywords: [String] = []
    public var maintainers: [ChartMaintainer] = []
    public var icon = ""
    public var apiVersion = ""
    public var condition = ""
    public var tags = ""
    public var appVersion = ""
    public var deprecated = false
    public var annotations: [(key: String, value: String)] = []
    public var kubeVersion = ""
    public var dependencies: [ChartDependency] = []
    public var type = ""
    /// Whether Chart.yaml had a `dependencies` list (Go's non-nil `Dependencies`).
    public var hasDependenciesField = false

    public init() {}

    public static func == (a: ChartMetadata, b: ChartMetadata) -> Bool {
        a.name == b.name && a.version == b.version && a.apiVersion == b.apiVersion
            && a.dependencies == b.dependencies && a.type == b.type
            && a.annotations.map(\.key) == b.annotations.map(\.key)
            && a.annotations.map(\.value) == b.annotations.map(\.value)
    }
}

extension ChartMetadata {
    /// Decodes Chart.yaml text as `sigs.k8s.io/yaml` does (YAML → JSON → struct; unknown
    /// fields ignored; a type mismatch is an error).
    static func decode(yaml text: String) throws(HelmError) -> ChartMetadata {
        let value: JSONValue
        do { value = try YAML.parse(text) } catch {
            throw HelmError(.chart, "cannot load Chart.yaml: error converting YAML to JSON: \(error.message)")
        }
        var metadata = ChartMetadata()
        try metadata.apply(value, file: "Chart.yaml")
        return metadata
    }

    /// Overlays the fields present in `value` (how `requirements.yaml` is unmarshalled over
    /// the metadata).
    mutating func apply(_ value: JSONValue, file: String) throws(HelmError) {
        guard case .object(let object) = value else {
            if case .null = value { return }
            throw HelmError(.chart, "cannot load \(file): error unmarshaling JSON: json: cannot unmarshal \(value.goJSONTypeName) into Go value of type chart.Metadata")
        }
        var reader = FieldReader(file: file, type: "chart.Metadata")
        for (key, field) in object {
            switch key {
            case "name": name = try reader.string(field, key)
            case "home": home = try reader.string(field, key)
            case "sources": sources = try reader.strings(field, key)
            case "version": version = try reader.string(field, key)
            case "description": description = try reader.string(field, key)
            case "keywords": keywords = try reader.strings(field, key)
            case "maintainers": maintainers = try reader.maintainers(field)
            case "icon": icon = try reader.string(field, key)
            case "apiVersion": apiVersion = try reader.string(field, key)
            case "condition": condition = try reader.string(field, key)
            case "tags": tags = try reader.string(field, key)
            case "appVersion": appVersion = try reader.string(field, key)
            case "deprecated": deprecated = try reader.bool(field, key)
            case "annotations": annotations = try reader.stringMap(field, key)
            case "kubeVersion": kubeVersion = try reader.string(field, key)
            case "dependencies":
                dependencies = try reader.dependencies(field)
                hasDependenciesField = !field.isNull
            case "type": type = try reader.string(field, key)
            default: continue
            }
        }
    }
}
