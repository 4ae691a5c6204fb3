import ArtifactStorage
import GoCompat
import HelmEngine
import StructuredData

extension ChartPackager {
    /// `writeTarContents` for one chart given its raw files: Chart.yaml, Chart.lock (v2),
    /// values.yaml, values.schema.json, templates, other files, then each subchart.
    static func write(files: [ChartFile], metadata: ChartMetadata?, prefix: String, into builder: inout TarGzBuilder,
                      mtime: Int64, limits: ChartLoader.Limits) throws(HelmRepoError) {
        let chart: Chart
        do { chart = try ChartLoader(limits: limits).load(files: files) } catch {
            throw HelmRepoError(.build, error.message)
        }
        let meta = metadata ?? chart.metadata
        let base = prefix.isEmpty ? meta.name : prefix + "/" + meta.name
        func add(_ name: String, _ data: [UInt8]) {
            builder.addFile(base + "/" + name, data, mode: 0o644, modificationTime: mtime)
        }
        var yamlMeta = meta.goJSONObject
        if meta.apiVersion == "v1" { yamlMeta["dependencies"] = nil }
        add("Chart.yaml", try yaml(.object(yamlMeta)))
        if meta.apiVersion == "v2", let lock = chart.lock {
            add("Chart.lock", try yaml(lockJSON(lock)))
        }
        if let values = files.first(where: { $0.name == "values.yaml" }) { add("values.yaml", values.data) }
        if let schema = chart.schema {
            guard (try? JSONParser.parse(bytes: schema)) != nil else { throw HelmRepoError(.build, "Invalid JSON in values.schema.json") }
            add("values.schema.json", schema)
        }
        for file in chart.templates { add(file.name, file.data) }
        for file in chart.files { add(file.name, file.data) }
        for sub in try subcharts(of: files, limits: limits) {
            try write(files: sub, metadata: nil, prefix: base + "/charts", into: &builder, mtime: mtime, limits: limits)
        }
    }

    /// The raw files of each subchart under `charts/`, in the loader's order (archives are
    /// unpacked, directories re-rooted; names starting with `_` or `.` skipped).
    static func subcharts(of files: [ChartFile], limits: ChartLoader.Limits) throws(HelmRepoError) -> [[ChartFile]] {
        var groups: [(name: String, files: [ChartFile])] = []
        for file in files where file.name.hasPrefix("charts/") && !file.name.hasSuffix(".prov") {
            let rest = String(file.name.dropFirst("charts/".count))
            let first = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? rest
            let item = ChartFile(name: rest, data: file.data)
            if let index = groups.firstIndex(where: { $0.name == first }) { groups[index].files.append(item) } else { groups.append((first, [item])) }
        }
        var result: [[ChartFile]] = []
        for (name, group) in groups where !name.hasPrefix("_") && !name.hasPrefix(".") {
            if name.hasSuffix(".tgz"), let archive = group.first {
                do { result.append(try ChartLoader(limits: limits).archiveFiles(archive.data)) } catch {
                    throw HelmRepoError(.build, error.message)
                }
            } else {
                result.append(group.compactMap { file in
                    guard let slash = file.name.firstIndex(of: "/") else { return nil }
                    return ChartFile(name: String(file.name[file.name.index(after: slash)...]), data: file.data)
                })
            }
        }
        return result
    }

    /// `chart.Lock` as `yaml.Marshal` writes it: generated (RFC 3339 with nanoseconds), digest,
    /// dependencies.
    static func lockJSON(_ lock: JSONValue) -> JSONValue {
        var o = JSONObject()
        let generated: String
        switch lock["generated"] {
        case .string(let s)?: generated = RFC3339.normalize(s) ?? RFC3339.zero
        default: generated = RFC3339.zero
        }
        o["generated"] = .string(generated)
        o["digest"] = .string(lock["digest"]?.stringValue ?? "")
        var deps: [JSONValue] = []
        if case .array(let items)? = lock["dependencies"] {
            for item in items {
                var d = ChartDependency()
                d.name = item["name"]?.stringValue ?? ""
                d.version = item["version"]?.stringValue ?? ""
                d.repository = item["repository"]?.stringValue ?? ""
                d.condition = item["condition"]?.stringValue ?? ""
                d.alias = item["alias"]?.stringValue ?? ""
                d.enabled = item["enabled"]?.boolValue ?? false
                d.tags = item["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
                d.importValues = item["import-values"]?.arrayValue ?? []
                deps.append(d.goJSON)
            }
            o["dependencies"] = .array(deps)
        } else {
            o["dependencies"] = .null
        }
        return .object(o)
    }

    static func yaml(_ value: JSONValue) throws(HelmRepoError) -> [UInt8] {
        do { return Array(try YAML.serialize(value).utf8) } catch { throw HelmRepoError(.build, error.message) }
    }
}
