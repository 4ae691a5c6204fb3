import Foundation
import HelmEngine
import NIOPosix
import SemVer
import StructuredData

/// Builds charts from a repository (`chart.NewRemoteBuilder`): resolve the version, verify,
/// reuse the stored chart when name and version still match, download, then either write the
/// chart as downloaded (after checking it is a chart) or, with values files or version
/// metadata, load it, merge the values and package it anew.
public struct RemoteChartBuilder: Sendable {
    public let repository: any ChartDownloader

    public init(repository: any ChartDownloader) { self.repository = repository }

    /// Builds `reference` into `outputPath`.
    /// - Throws: `.build` errors with source-controller's reason and wording, e.g.
    ///   `InvalidChartReference` "invalid chart reference: failed to get chart version for remote
    ///   reference: no 'podinfo' chart with version matching '9.x' found", `ChartPullError`
    ///   "chart pull error: failed to download chart for remote reference: …",
    ///   `ValuesFilesError` "values files merge error: no values file found at path 'x.yaml'".
    public func build(_ reference: RemoteReference, to outputPath: String, options: ChartBuildOptions) async throws(HelmRepoError) -> ChartBuild {
        do { try reference.validate() } catch { throw HelmRepoError.build(.chartReference, error.message) }

        let entry: ChartVersion
        do { entry = try await repository.chartVersion(name: reference.name, version: reference.version) } catch {
            let reason: ChartBuildReason = error.kind == .reference ? .chartReference : .chartPull
            throw HelmRepoError.build(reason, "failed to get chart version for remote reference: \(error.message)")
        }
        if options.verify {
            do { try await repository.verify(entry) } catch { throw HelmRepoError.build(.chartVerification, error.message) }
        }

        var result = ChartBuild(name: entry.name, version: entry.version)
        if !options.versionMetadata.isEmpty {
            do {
                let version = try Version(result.version)
                do { result.version = try version.settingMetadata(options.versionMetadata).description } catch {
                    throw HelmRepoError.build(.metadataPatch, "failed to set SemVer metadata on chart version: \(error.description)")
                }
            } catch let error as HelmRepoError {
                throw error
            } catch {
                throw HelmRepoError.build(.metadataPatch, "failed to parse version from chart metadata as SemVer: \(error)")
            }
        }
        let valuesFiles = options.effectiveValuesFiles
        let requiresPackaging = !valuesFiles.isEmpty || !options.versionMetadata.isEmpty

        if let cached = options.cachedChart, !options.force,
           let metadata = await Self.cachedMetadata(cached, limits: options.limits),
           metadata.name == result.name, metadata.version == result.version {
            result.path = cached
            result.valuesFiles = valuesFiles
            result.packaged = requiresPackaging
            return result
        }

        let bytes: [UInt8]
        do { bytes = try await repository.download(entry, maxSize: options.limits.maxChartSize) } catch {
            throw HelmRepoError.build(.chartPull, "failed to download chart for remote reference: \(error.message)")
        }

        guard requiresPackaging else {
            do {
                _ = try ChartArchiveMetadata.check(bytes, fileName: POSIXName.base(outputPath), limits: options.limits)
            } catch {
                throw HelmRepoError.build(.chartPull, error.message)
            }
            try await Self.write(bytes, to: outputPath, reason: .chartPull)
            result.path = outputPath
            return result
        }

        let packager: ChartPackager
        do { packager = try ChartPackager(archive: bytes, limits: options.limits) } catch {
            throw HelmRepoError.build(.chartPackage, "failed to load downloaded chart: \(error.message)")
        }
        var chart = packager
        chart.setVersion(result.version)
        let merged: JSONObject
        do { merged = try chart.mergedValues(options.valuesFiles) } catch {
            throw HelmRepoError.build(.valuesFilesMerge, "failed to merge chart values: \(error.message)")
        }
        do {
            if try chart.overwriteDefaultValues(merged) { result.valuesFiles = valuesFiles }
        } catch {
            throw HelmRepoError.build(.valuesFilesMerge, error.message)
        }
        let archive: [UInt8]
        do { archive = try chart.package(modificationTime: options.packagedAt ?? Date()) } catch {
            throw HelmRepoError.build(.chartPackage, "failed to package chart: \(error.message)")
        }
        try await Self.write(archive, to: outputPath, reason: .chartPackage)
        result.path = outputPath
        result.packaged = true
        return result
    }

    /// The metadata of the stored chart, nil when it cannot be read or is not a valid chart
    /// (a corrupt cache is ignored, as upstream does).
    static func cachedMetadata(_ path: String, limits: ChartLoader.Limits) async -> ChartMetadata? {
        let bytes: [UInt8]? = try? await NIOThreadPool.singleton.runIfActive {
            var st = stat()
            guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG, Int(st.st_size) <= limits.maxChartSize else { return nil }
            return FileManager.default.contents(atPath: path).map { Array($0) }
        }
        guard let bytes else { return nil }
        return try? ChartArchiveMetadata.check(bytes, fileName: POSIXName.base(path), limits: limits)
    }

    /// Writes `bytes` to `path` through a temp file and a rename.
    static func write(_ bytes: [UInt8], to path: String, reason: ChartBuildReason) async throws(HelmRepoError) {
        let failure: String?
        do {
            failure = try await NIOThreadPool.singleton.runIfActive { () -> String? in
                let temporary = path + ".tmp-\(UInt64.random(in: 0...UInt64.max))"
                guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
                    return "failed to write chart to file: open \(temporary): permission denied"
                }
                if rename(temporary, path) != 0 {
                    let message = String(cString: strerror(errno)).lowercased()
                    unlink(temporary)
                    return "failed to write chart to file: rename \(temporary) \(path): \(message)"
                }
                return nil
            }
        } catch {
            failure = "failed to write chart to file: \(error)"
        }
        if let failure { throw HelmRepoError.build(reason, failure) }
    }
}

enum POSIXName {
    static func base(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }
}
