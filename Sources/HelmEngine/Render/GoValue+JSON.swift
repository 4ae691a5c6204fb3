import GoTemplate
import OrderedCollections
import StructuredData

/// Go types Helm's render context uses.
enum HelmGoTypes {
    /// `chartutil.Values` (a named `map[string]interface {}`).
    static let values = GoType.named("chartutil.Values", underlying: .mapStringAny)
    static let files = GoType.named("engine.files", underlying: GoType.map(key: .string, elem: .bytes))
    static let chart = GoType.structure("struct { chart.Metadata; IsRoot bool }")
    static let maintainer = GoType.pointer(to: GoType.structure("chart.Maintainer"))
    static let dependency = GoType.pointer(to: GoType.structure("chart.Dependency"))
    static let capabilities = GoType.pointer(to: GoType.structure("chartutil.Capabilities"))
    static let kubeVersion = GoType.structure("chartutil.KubeVersion")
    static let versionSet = GoType.named("chartutil.VersionSet", underlying: .sliceOfString)
    static let helmVersion = GoType.structure("version.BuildInfo")
}

extension GoValue {
    /// A values tree as Go's `interface{}` decoding sees it: objects are
    /// `map[string]interface {}`, arrays `[]interface {}`, `.int` is int64 (from `--set`),
    /// `.double` float64, `null` a nil interface.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i, .int64)
        case .double(let d): self = .float(d, .float64)
        case .string(let s): self = .string(s)
        case .array(let items): self = .list(items.map(GoValue.init(json:)))
        case .object(let object): self = .map(GoValue.entries(object))
        }
    }

    /// A values table typed `chartutil.Values`.
    static func values(_ object: JSONObject) -> GoValue {
        .map(entries(object), type: HelmGoTypes.values)
    }

    static func entries(_ object: JSONObject) -> OrderedDictionary<String, GoValue> {
        var result = OrderedDictionary<String, GoValue>(minimumCapacity: object.count)
        for (k, v) in object { result[k] = GoValue(json: v) }
        return result
    }

    static func strings(_ items: [String]) -> GoValue {
        .list(items.map(GoValue.string), type: .sliceOfString)
    }
}
