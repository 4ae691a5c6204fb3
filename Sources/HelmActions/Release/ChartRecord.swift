import StructuredData

/// A file of a stored chart (`chart.File`): `{name, data:<base64>}`.
public struct ChartFile: Sendable, Hashable {
    public var name: String
    public var data: [UInt8]

    public init(name: String, data: [UInt8]) {
        self.name = name
        self.data = data
    }
}

/// The chart as Helm stores it inside a release (`chart.Chart` JSON): `{metadata, lock, templates,
/// values, schema, files}`, none omitted, `nil` written as `null`. Subcharts are not stored.
///
/// `metadata` and `lock` are kept as JSON in Go's field order (see `ChartRecord.goOrderedMetadata`),
/// so a record read from Helm re-encodes identically; `values` is a Go map and is written with
/// sorted keys.
public struct ChartRecord: Sendable, Hashable {
    public var metadata: JSONValue?
    public var lock: JSONValue?
    public var templates: [ChartFile]?
    public var values: JSONValue?
    public var schema: [UInt8]?
    public var files: [ChartFile]?

    public init(metadata: JSONValue?, lock: JSONValue? = nil, templates: [ChartFile]? = [], values: JSONValue? = .emptyObject,
                schema: [UInt8]? = nil, files: [ChartFile]? = []) {
        self.metadata = metadata
        self.lock = lock
        self.templates = templates
        self.values = values
        self.schema = schema
        self.files = files
    }

    /// `metadata.name`, or `""`.
    public var name: String { metadata?["name"]?.stringValue ?? "" }
    /// `metadata.version`, or `""`.
    public var version: String { metadata?["version"]?.stringValue ?? "" }
    /// `metadata.appVersion`, or `""`.
    public var appVersion: String { metadata?["appVersion"]?.stringValue ?? "" }

    /// Go's field order of `chart.Metadata`; every field is `omitempty`.
    static let metadataOrder = ["name", "home", "sources", "version", "description", "keywords", "maintainers", "icon",
                                "apiVersion", "condition", "tags", "appVersion", "deprecated", "annotations",
                                "kubeVersion", "dependencies", "type"]
    static let maintainerOrder = ["name", "email", "url"]
    static let dependencyOrder = ["name", "version", "repository", "condition", "tags", "enabled", "import-values", "alias"]

    /// Reorders Chart.yaml-shaped metadata as `json.Marshal(chart.Metadata)` writes it: struct field
    /// order, empty fields dropped, `annotations` with sorted keys, unknown keys dropped.
    public static func goOrderedMetadata(_ metadata: JSONValue) -> JSONValue {
        guard let object = metadata.objectValue else { return metadata }
        return .object(ordered(object, metadataOrder) { key, value in
            switch key {
            case "maintainers":
                return .array((value.arrayValue ?? []).map { .object(ordered($0.objectValue ?? [:], maintainerOrder) { _, v in v }) })
            case "dependencies":
                return .array((value.arrayValue ?? []).map { .object(ordered($0.objectValue ?? [:], dependencyOrder) { _, v in v }) })
            case "annotations":
                return value.goSortedKeys()
            default:
                return value
            }
        })
    }

    private static func ordered(_ object: JSONObject, _ order: [String], _ transform: (String, JSONValue) -> JSONValue) -> JSONObject {
        var out: JSONObject = [:]
        for key in order {
            guard let value = object[key], !value.isGoEmpty else { continue }
            out[key] = transform(key, value)
        }
        return out
    }
}

extension JSONValue {
    /// An empty object (`{}`), usable in default arguments.
    public static var emptyObject: JSONValue { .object([:]) }

    /// Go's `omitempty` emptiness: `false`, `0`, `""`, `null`, empty array or object.
    var isGoEmpty: Bool {
        switch self {
        case .null: return true
        case .bool(let b): return !b
        case .int(let i): return i == 0
        case .double(let d): return d == 0
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        }
    }

    /// This value with every object's keys sorted by UTF-8 bytes, as Go marshals maps.
    public func goSortedKeys() -> JSONValue {
        switch self {
        case .array(let a): return .array(a.map { $0.goSortedKeys() })
        case .object(let o):
            var out: JSONObject = [:]
            for key in o.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                out[key] = o[key]?.goSortedKeys()
            }
            return .object(out)
        default: return self
        }
    }
}
