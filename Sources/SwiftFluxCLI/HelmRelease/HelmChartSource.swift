import Foundation
import HelmEngine

/// The chart steps `helm install`, `helm upgrade` and `helm template` share before any cluster
/// access: locating a local chart, loading it with Helm's size limits, and checking its
/// dependencies (optionally with `--dependency-update`).
enum HelmChartSource {
    /// The chart size limits of `swiftflux helm`: Helm's (100 MiB decompressed, 5 MiB per file).
    static let loader = ChartLoader(limits: .helm)

    /// Helm's `LocateChart` for local charts: an existing path becomes absolute; a missing path
    /// starting with `/` or `.` is `path "x" not found`; anything else would be a repository
    /// reference, which is not downloaded.
    static func locate(_ name: String, workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> String {
        let trimmed = name.trimmingGoSpace()
        let path = trimmed.hasPrefix("/") ? trimmed : workingDirectory + "/" + trimmed
        if FileManager.default.fileExists(atPath: path) { return URL(fileURLWithPath: path).standardizedFileURL.path }
        if trimmed.hasPrefix("/") || trimmed.hasPrefix(".") { throw FlagError("path \"\(trimmed)\" not found") }
        throw FlagError("non-absolute URLs should be in form of repo_name/path_to_chart, got: \(trimmed)")
    }

    /// Loads the chart at `path`.
    static func load(_ path: String) throws -> Chart {
        try loader.load(path: path)
    }

    /// Helm's `action.CheckDependencies`: every dependency of Chart.yaml must be in `charts/`.
    /// - Throws: `found in Chart.yaml, but missing in charts/ directory: a, b`.
    static func checkDependencies(_ chart: Chart) throws {
        let missing = chart.metadata.dependencies.filter { request in
            !chart.dependencies.contains { $0.name == request.name }
        }.map(\.name)
        if !missing.isEmpty {
            throw FlagError("found in Chart.yaml, but missing in charts/ directory: \(missing.joined(separator: ", "))")
        }
    }

    /// The dependency check of `runInstall` and `helm upgrade`: a chart with missing dependencies
    /// fails with Helm's hint, or, with `dependencyUpdate`, goes through `HelmDependencyUpdate`
    /// (which only succeeds when nothing needs downloading) and is loaded again.
    /// - Parameter out: receives what Helm prints on stdout while updating.
    static func resolveDependencies(_ chart: Chart, path: String, dependencyUpdate: Bool, out: (String) -> Void) throws -> Chart {
        guard !chart.metadata.dependencies.isEmpty else { return chart }
        do {
            try checkDependencies(chart)
            return chart
        } catch {
            let wrapped = FlagError("An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: \(error)")
            guard dependencyUpdate else { throw wrapped }
        }
        try HelmDependencyUpdate(chartPath: path, chart: chart).run(out: out)
        do { return try load(path) } catch { throw FlagError("failed reloading chart after repo update: \(error)") }
    }
}

extension ChartLoader.Limits {
    /// Helm's limits (`loader.MaxDecompressedChartSize` 100 MiB, `MaxDecompressedFileSize` 5 MiB),
    /// used by `swiftflux helm`; the controllers pass Flux's flags instead.
    static let helm = ChartLoader.Limits(maxChartSize: 100 << 20, maxFileSize: 5 << 20)
}
