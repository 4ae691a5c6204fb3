import StructuredData

/// Loads charts from files (Helm's `pkg/chart/loader`): classification of every path, v1
/// `requirements.yaml`, subcharts under `charts/` (directories and `.tgz` archives), then
/// Chart.yaml validation.
public struct ChartLoader: Sendable {
    /// Size caps applied while reading archives and directories (source-controller defaults).
    public struct Limits: Sendable, Equatable {
        /// Maximum total decompressed size of one chart archive.
        public var maxChartSize: Int
        /// Maximum size of any single file.
        public var maxFileSize: Int
        public init(maxChartSize: Int = 10 << 20, maxFileSize: Int = 5 << 20) {
            self.maxChartSize = maxChartSize
            self.maxFileSize = maxFileSize
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Builds a chart from `(path, bytes)` pairs relative to the chart root (Helm's
    /// `LoadFiles`). Throws `HelmError` with Helm's wording.
    public func load(files: [ChartFile]) throws(HelmError) -> Chart {
        var metadata: ChartMetadata?
        for file in files where file.name == "Chart.yaml" {
            var decoded = try ChartMetadata.decode(yaml: Self.text(file.data))
            if decoded.apiVersion.isEmpty { decoded.apiVersion = "v1" }
            metadata = decoded
        }
        var chart = Chart(metadata: metadata ?? ChartMetadata())
        var subcharts: [(name: String, files: [ChartFile])] = []
        for file in files {
            switch file.name {
            case "Chart.yaml":
                continue
            case "Chart.lock", "requirements.lock":
                chart.lock = try Self.parseYAML(file, what: file.name)
                if file.name == "requirements.lock", chart.metadata.apiVersion == "v1" { chart.files.append(file) }
            case "values.yaml":
                chart.values = try Self.parseValues(file.data, what: "values.yaml")
                chart.hasValues = true
            case "values.schema.json":
                chart.schema = file.data
            case "requirements.yaml":
                let value = try Self.parseYAML(file, what: "requirements.yaml")
                do { try chart.metadata.apply(value, file: "requirements.yaml") } catch {
                    throw HelmError(.chart, error.message)
                }
                if chart.metadata.apiVersion == "v1" { chart.files.append(file) }
            default:
                if file.name.hasPrefix("templates/") {
                    chart.templates.append(file)
                } else if file.name.hasPrefix("charts/") {
                    if Self.extension(file.name) == ".prov" {
                        chart.files.append(file)
                        continue
                    }
                    let rest = String(file.name.dropFirst("charts/".count))
                    let first = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? rest
                    let item = ChartFile(name: rest, data: file.data)
                    if let index = subcharts.firstIndex(where: { $0.name == first }) {
                        subcharts[index].files.append(item)
                    } else {
                        subcharts.append((first, [item]))
                    }
                } else {
                    chart.files.append(file)
                }
            }
        }
        if metadata == nil { throw HelmError(.chart, "Chart.yaml file is missing") }
        try chart.metadata.validate()

        for (name, subFiles) in subcharts {
            if name.hasPrefix("_") || name.hasPrefix(".") { continue }
            let sub: Chart
            do throws(HelmError) {
                if Self.extension(name) == ".tgz" {
                    guard let file = subFiles.first, file.name == name else {
                        throw HelmError(.chart, "error unpacking tar in \(chart.name): expected \(name), got \(subFiles.first?.name ?? "")")
                    }
                    sub = try loadArchive(file.data)
                } else {
                    var trimmed: [ChartFile] = []
                    for file in subFiles {
                        guard let slash = file.name.firstIndex(of: "/") else { continue }
                        trimmed.append(ChartFile(name: String(file.name[file.name.index(after: slash)...]), data: file.data))
                    }
                    sub = try load(files: trimmed)
                }
            } catch {
                throw HelmError(.chart, "error unpacking \(name) in \(chart.name): \(error.message)")
            }
            chart.dependencies.append(sub)
        }
        return chart
    }

    // MARK: Helpers

    static func text(_ data: [UInt8]) -> String { String(decoding: data, as: UTF8.self) }

    static func lastComponent(_ path: String) -> Substring {
        if let slash = path.lastIndex(of: "/") { return path[path.index(after: slash)...] }
        return Substring(path)
    }

    /// Go's `filepath.Ext`.
    static func `extension`(_ path: String) -> String {
        let base = lastComponent(path)
        guard let dot = base.lastIndex(of: ".") else { return "" }
        return String(base[dot...])
    }

    static func parseYAML(_ file: ChartFile, what: String) throws(HelmError) -> JSONValue {
        do { return try YAML.parse(text(file.data)) } catch {
            throw HelmError(.chart, "cannot load \(what): error converting YAML to JSON: \(error.message)")
        }
    }

    /// Parses a values document into a map with Helm's number semantics (every YAML number
    /// becomes float64). An empty document is `{}`; a non-map is an error.
    static func parseValues(_ data: [UInt8], what: String) throws(HelmError) -> JSONObject {
        let value: JSONValue
        do { value = try YAML.parse(text(data)) } catch {
            throw HelmError(.values, "cannot load \(what): error converting YAML to JSON: \(error.message)")
        }
        switch value.helmNumbers {
        case .object(let object): return object
        case .null: return [:]
        case let other:
            throw HelmError(.values, "cannot load \(what): error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(other.goJSONTypeName) into Go value of type map[string]interface {}")
        }
    }
}

extension JSONValue {
    /// The value as Helm's YAML → JSON → `interface{}` decoding leaves it: every number float64.
    public var helmNumbers: JSONValue {
        switch self {
        case .int(let i): return .double(Double(i))
        case .array(let items): return .array(items.map(\.helmNumbers))
        case .object(let object):
            var result = JSONObject(minimumCapacity: object.count)
            for (k, v) in object { result[k] = v.helmNumbers }
            return .object(result)
        default: return self
        }
    }
}
