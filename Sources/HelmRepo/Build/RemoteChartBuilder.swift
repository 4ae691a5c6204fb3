import Foundation
import HelmEngine
import SemVer

/// A chart in a repository: name and version range (`chart.RemoteReference`).
public struct RemoteReference: Sendable, Equatable {
    public var name: String
    /// A semver range; empty for the latest stable version.
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    /// `RemoteReference.Validate`.
    public func validate() throws(HelmRepoError) {
        guard !name.isEmpty else { throw HelmRepoError(.reference, "no name set for remote chart reference") }
        let valid = name.split(separator: "/", omittingEmptySubsequences: false).enumerated().allSatisfy { index, part in
            (!part.isEmpty || index > 0) && part.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
        } && !name.hasPrefix("/") && !name.contains("//")
        guard valid else {
            throw HelmRepoError(.reference, "invalid chart name '\(name)': a valid name must be lower case letters and numbers and MAY be separated with dashes (-) or slashes (/)")
        }
    }
}

/// Build options (`chart.BuildOptions`).
public struct ChartBuildOptions: Sendable {
    /// SemVer build metadata appended to the version (the object's generation when values
    /// files are set).
    public var versionMetadata: String = ""
    /// Values files merged, in order, into the packaged chart's `values.yaml`.
    public var valuesFiles: [String] = []
    /// The currently stored chart (absolute path), reused when name and version still match.
    public var cachedChart: String?
    /// Rebuild even when the cached chart matches.
    public var force = false
    /// Verify the chart's signature before pulling.
    public var verify = false
    /// `--helm-chart-max-size` and `--helm-chart-file-max-size`.
    public var limits = ChartLoader.Limits()
    /// Modification time written into packaged archives (Helm uses the current time).
    public var packagedAt: Date?

    public init() {}

    /// `GetValuesFiles`: a lone `values.yaml` means no values files.
    public var effectiveValuesFiles: [String] {
        if valuesFiles.count == 1, PathClean.goClean(valuesFiles[0]) == "values.yaml" { return [] }
        return valuesFiles
    }
}

/// The outcome of a build (`chart.Build`).
public struct ChartBuild: Sendable, Equatable {
    public var name = ""
    public var version = ""
    /// Where the chart was written; empty when nothing was built.
    public var path = ""
    public var valuesFiles: [String] = []
    public var packaged = false

    /// A build of `name` at `version` written to `path` (all empty: nothing built yet).
    public init(name: String = "", version: String = "", path: String = "", valuesFiles: [String] = [], packaged: Bool = false) {
        self.name = name
        self.version = version
        self.path = path
        self.valuesFiles = valuesFiles
        self.packaged = packaged
    }

    /// `Build.Summary`: "pulled 'podinfo' chart with version '6.5.3'" (or `packaged`/`new`),
    /// plus " and merged values files [a b]".
    public var summary: String {
        guard !name.isEmpty, !version.isEmpty else { return "no chart build" }
        let action = path.isEmpty ? "new" : (packaged ? "packaged" : "pulled")
        var s = "\(action) '\(name)' chart with version '\(version)'"
        if !valuesFiles.isEmpty { s += " and merged values files [\(valuesFiles.joined(separator: " "))]" }
        return s
    }

    /// Name, version and path are set.
    public var isComplete: Bool { !name.isEmpty && !version.isEmpty && !path.isEmpty }
}

enum PathClean {
    /// Go's `filepath.Clean` for relative paths.
    static func goClean(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
