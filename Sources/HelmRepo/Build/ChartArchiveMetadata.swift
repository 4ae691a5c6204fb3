import ArtifactStorage
import HelmEngine

/// `LoadChartMetadataFromArchive` + `Validate`: checks a downloaded chart archive is a chart by
/// streaming through it and reading only `Chart.yaml` and `requirements.yaml`, with Helm's
/// path checks. Used before a chart is stored as downloaded.
enum ChartArchiveMetadata {
    /// - Throws: messages of `validatePackageAndWriteToPath` (without the reason prefix):
    ///   "failed to load chart metadata from written chart: …" or "failed to validate metadata
    ///   of written chart: …".
    static func check(_ archive: [UInt8], fileName: String, limits: ChartLoader.Limits) throws(HelmRepoError) -> ChartMetadata {
        func load(_ message: String) -> HelmRepoError {
            HelmRepoError(.build, "failed to load chart metadata from written chart: \(message)")
        }
        if archive.count > limits.maxChartSize {
            throw load("size of chart '\(fileName)' exceeds '\(limits.maxChartSize)' bytes limit")
        }
        var wanted: [ChartFile] = []
        var pathError: String?
        do {
            try TarGzScanner.scan(archive, maxDecompressedSize: max(limits.maxChartSize * 10, 64 << 20)) { (entry) throws(ArtifactStorageError) -> Int? in
                if entry.kind == .directory { return nil }
                let delimiter: Character = entry.name.contains("\\") ? "\\" : "/"
                let parts = entry.name.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
                let rest = parts.dropFirst().joined(separator: "/")
                if rest.hasPrefix("/") { pathError = "chart illegally contains absolute paths" }
                let clean = PathClean.goClean(rest)
                if pathError == nil, clean == "." { pathError = "chart illegally contains content outside the base directory: \(entry.name)" }
                if pathError == nil, clean.hasPrefix("..") { pathError = "chart illegally references parent directory" }
                if pathError == nil, Self.hasDrivePrefix(clean) { pathError = "chart contains illegally named files" }
                if let pathError { throw ArtifactStorageError(.invalidPath, pathError) }
                guard parts.count == 2, parts[1] == "Chart.yaml" || parts[1] == "requirements.yaml" else { return nil }
                if entry.size > Int64(limits.maxFileSize) {
                    pathError = "size of '\(entry.name)' exceeds '\(limits.maxFileSize)' bytes limit"
                    throw ArtifactStorageError(.sizeLimit, pathError ?? "")
                }
                return limits.maxFileSize
            } handle: { entry, data in
                let name = String(entry.name.split(separator: "/").last ?? "")
                wanted.append(ChartFile(name: name, data: data))
            }
        } catch {
            throw load(pathError ?? Self.goArchiveError(error.message))
        }
        guard wanted.contains(where: { $0.name == "Chart.yaml" }) else { throw load("no 'Chart.yaml' found") }
        do { return try ChartLoader(limits: limits).load(files: wanted).metadata } catch {
            if error.message.hasPrefix("validation:") {
                throw HelmRepoError(.build, "failed to validate metadata of written chart: \(error.message)")
            }
            throw load(error.message.replacing("cannot load Chart.yaml", with: "cannot load 'Chart.yaml'"))
        }
    }

    static func goArchiveError(_ message: String) -> String {
        message == "gzip: invalid header" ? "gzip: invalid header" : message
    }

    static func hasDrivePrefix(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars.prefix(3))
        guard scalars.count == 3, scalars[1] == ":", scalars[2] == "/" else { return false }
        return scalars[0].properties.isASCIIHexDigit || ("a"..."z").contains(scalars[0]) || ("A"..."Z").contains(scalars[0])
    }
}
