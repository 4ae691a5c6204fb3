import ArtifactStorage
import Foundation
import HelmEngine
import StructuredData

/// Re-packages a downloaded chart the way source-controller's remote builder does with Helm's
/// `chartutil.Save`: the chart is loaded (within the size limits), its version may change and
/// its `values.yaml` may be replaced by merged values files, then every file is written under
/// `<name>/` with mode 0644 (Chart.yaml and Chart.lock re-encoded, subcharts as directories),
/// gzip'd with Helm's header comment and extra field.
struct ChartPackager {
    /// The chart's files as they came in the archive (root-relative, BOM stripped).
    private(set) var files: [ChartFile]
    private(set) var chart: Chart
    let limits: ChartLoader.Limits

    init(archive: [UInt8], limits: ChartLoader.Limits) throws(HelmError) {
        let loader = ChartLoader(limits: limits)
        files = try loader.archiveFiles(archive)
        chart = try loader.load(files: files)
        self.limits = limits
    }

    /// The raw `values.yaml`, nil when the chart has none.
    var rawValues: [UInt8]? { files.first { $0.name == "values.yaml" }?.data }

    mutating func setVersion(_ version: String) { chart.metadata.version = version }

    /// `mergeChartValues`: `values.yaml` contributes the chart's defaults, any other path must be
    /// a file of the chart (not a template); later files win, maps merge key by key.
    /// - Throws: "no values file found at path '<p>'", "unmarshaling values from '<p>' failed: …".
    func mergedValues(_ paths: [String]) throws(HelmRepoError) -> JSONObject {
        var merged = JSONObject()
        for path in paths {
            let clean = PathClean.goClean(path)
            if clean == "values.yaml" {
                merged = Self.mergeMaps(merged, chart.values)
                continue
            }
            guard let file = chart.files.first(where: { $0.name == clean }) else {
                throw HelmRepoError(.build, "no values file found at path '\(path)'")
            }
            let value: JSONValue
            do { value = try YAML.parse(String(decoding: file.data, as: UTF8.self)) } catch {
                throw HelmRepoError(.build, "unmarshaling values from '\(path)' failed: error converting YAML to JSON: \(error.message)")
            }
            switch value.helmNumbers {
            case .object(let object): merged = Self.mergeMaps(merged, object)
            case .null: continue
            case let other:
                throw HelmRepoError(.build, "unmarshaling values from '\(path)' failed: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(IndexDecoder.goKind(other)) into Go value of type map[string]interface {}")
            }
        }
        return merged
    }

    /// fluxcd/pkg `transform.MergeMaps`: `b` over `a`, nested maps merged, anything else replaced.
    static func mergeMaps(_ a: JSONObject, _ b: JSONObject) -> JSONObject {
        var out = a
        for (key, value) in b {
            if case .object(let inner) = value, case .object(let existing)? = out[key] {
                out[key] = .object(mergeMaps(existing, inner))
            } else {
                out[key] = value
            }
        }
        return out
    }

    /// `OverwriteChartDefaultValues`: replaces `values.yaml` with the YAML of `values` unless the
    /// bytes are already equal; true when it changed.
    /// - Throws: "failed to locate values file: values.yaml" when the chart has none.
    mutating func overwriteDefaultValues(_ values: JSONObject?) throws(HelmRepoError) -> Bool {
        guard let values else { return false }
        var encoded: [UInt8] = []
        if !values.isEmpty {
            do { encoded = Array(try YAML.serialize(.object(values)).utf8) } catch {
                throw HelmRepoError(.build, error.message)
            }
        }
        guard let index = files.firstIndex(where: { $0.name == "values.yaml" }) else {
            throw HelmRepoError(.build, "failed to locate values file: values.yaml")
        }
        if files[index].data == encoded { return false }
        files[index].data = encoded
        chart.values = values
        return true
    }

    /// The packaged chart (`chartutil.Save`).
    func package(modificationTime: Date) throws(HelmRepoError) -> [UInt8] {
        var builder = TarGzBuilder(header: GzipHeader(extra: Array("+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=".utf8), comment: "Helm"))
        let mtime = Int64(modificationTime.timeIntervalSince1970)
        var metadata = chart.metadata
        do { try metadata.validateMetadata() } catch { throw HelmRepoError(.build, "chart validation: \(error.message)") }
        try Self.write(files: files, metadata: metadata, prefix: "", into: &builder, mtime: mtime, limits: limits)
        do { return try builder.build() } catch { throw HelmRepoError(.build, error.message) }
    }
}
