import Crypto
import Foundation
import HelmEngine
import StructuredData

/// `--dependency-update` without the network. Helm's `downloader.Manager.Update` is followed
/// step by step as far as it goes without downloading: repository names are resolved from
/// `repositories.yaml`, the index refresh of each repository is reported as failed (as Helm
/// reports it offline), and the resolution fails where Helm's fails offline (`no cached
/// repository for helm-manager-<sha256> found. (try 'helm repo update'): open …`). Where Helm
/// would go on to download or package a chart, `swiftflux helm` stops with a refusal.
struct HelmDependencyUpdate {
    let chartPath: String
    let chart: Chart
    var environment: [String: String] = ProcessInfo.processInfo.environment

    /// What an index refresh reports instead of Helm's network error.
    static let offlineReason = "swiftflux helm does not download chart repositories"

    /// - Parameter out: receives Helm's progress lines (stdout).
    /// - Throws: Helm's error for the first failing step, or the refusal.
    func run(out: (String) -> Void) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: chartPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FlagError("only unpacked charts can be updated")
        }
        let dependencies = chart.metadata.dependencies
        let repositories = try configuredRepositories()
        var names: [String: String] = [:]
        var missing: [String] = []
        for dep in dependencies where !dep.repository.isEmpty {
            if dep.repository.hasPrefix("file://") {
                _ = try localPath(dep.repository)
                names[dep.name] = dep.repository
            } else if dep.repository.hasPrefix("oci://") {
                names[dep.name] = dep.repository
            } else if let known = repositories.first(where: { "@" + $0.name == dep.repository || "alias:" + $0.name == dep.repository
                || Self.sameURL($0.url, dep.repository) }) {
                names[dep.name] = known.name
            } else if Self.isRequestURI(dep.repository) {
                names[dep.repository] = dep.repository
            } else {
                missing.append(dep.repository)
            }
        }
        if !missing.isEmpty {
            var message = "no repository definition for \(missing.joined(separator: ", ")). Please add them via 'helm repo add'"
            if missing.contains(where: { !$0.contains("//") && !$0.hasPrefix("@") && !$0.hasPrefix("alias:") }) {
                message += "\nNote that repositories must be URLs or aliases. For example, to refer to the \"example\"\nrepository, use \"https://charts.example.com/\" or \"@example\" instead of\n\"example\". Don't forget to add the repo, too ('helm repo add')."
            }
            throw FlagError(message)
        }
        var unmanaged: [(name: String, url: String)] = []
        for dep in dependencies where !dep.repository.isEmpty && names[dep.name] == nil {
            let key = "helm-manager-" + SHA256.hash(data: Array(dep.repository.utf8)).map { String(format: "%02x", $0) }.joined()
            names[dep.name] = key
            unmanaged.append((key, dep.repository))
        }
        if !unmanaged.isEmpty {
            out("Getting updates for unmanaged Helm repositories...\n")
            for entry in unmanaged {
                try Self.checkScheme(entry.url)
                out("...Unable to get an update from the \"\(entry.url)\" chart repository:\n\t\(Self.indexFailure(entry.url))\n")
            }
        }
        if !repositories.isEmpty {
            out("Hang tight while we grab the latest from your chart repositories...\n")
            for entry in repositories {
                out("...Unable to get an update from the \"\(entry.name)\" chart repository (\(entry.url)):\n\t\(Self.indexFailure(entry.url))\n")
            }
            out("Update Complete. ⎈Happy Helming!⎈\n")
        }
        for dep in dependencies {
            if dep.repository.isEmpty {
                _ = try localPath("charts/" + dep.name)
                continue
            }
            if dep.repository.hasPrefix("file://") {
                throw FlagError("swiftflux helm cannot package the file:// dependency \"\(dep.name)\"; run `helm dependency build`")
            }
            if dep.repository.hasPrefix("oci://") { continue }
            let repoName = names[dep.name] ?? ""
            let index = cacheDirectory() + "/" + repoName + "-index.yaml"
            if !FileManager.default.fileExists(atPath: index) {
                throw FlagError("no cached repository for \(repoName) found. (try 'helm repo update'): open \(index): no such file or directory")
            }
        }
        let remote = dependencies.filter { !$0.repository.isEmpty }.map(\.name)
        throw FlagError("swiftflux helm does not download charts (\(remote.joined(separator: ", "))); run `helm dependency build`")
    }

    /// Helm's `resolver.GetLocalPath`: `file://` paths and `charts/<name>` relative to the chart.
    func localPath(_ repository: String) throws -> String {
        let p = repository.hasPrefix("file://") ? String(repository.dropFirst(7)) : repository
        let full = URL(fileURLWithPath: p.hasPrefix("/") ? p : chartPath + "/" + p).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: full) else { throw FlagError("directory \(full) not found") }
        return full
    }

    /// The `name`/`url` entries of Helm's `repositories.yaml` (none when the file is absent).
    func configuredRepositories() throws -> [(name: String, url: String)] {
        let path = environment["HELM_REPOSITORY_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? helmPath("HELM_CONFIG_HOME", xdg: "XDG_CONFIG_HOME", fallback: ".config", "repositories.yaml")
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let document: JSONValue
        do { document = try YAML.parse(String(decoding: data, as: UTF8.self)) } catch {
            throw FlagError("error converting YAML to JSON: \(error)")
        }
        return (document["repositories"]?.arrayValue ?? []).compactMap { entry in
            guard let name = entry["name"]?.stringValue else { return nil }
            return (name, entry["url"]?.stringValue ?? "")
        }
    }

    /// `$HELM_REPOSITORY_CACHE`, else the `repository` directory of Helm's cache home.
    func cacheDirectory() -> String {
        if let dir = environment["HELM_REPOSITORY_CACHE"], !dir.isEmpty { return dir }
        return helmPath("HELM_CACHE_HOME", xdg: "XDG_CACHE_HOME", fallback: ".cache", "repository")
    }

    /// Helm's `lazypath`: `$<override>/<file>`, else `$<xdg>/helm/<file>`, else `~/<fallback>/helm/<file>`.
    func helmPath(_ override: String, xdg: String, fallback: String, _ file: String) -> String {
        if let dir = environment[override], !dir.isEmpty { return dir + "/" + file }
        if let dir = environment[xdg], !dir.isEmpty { return dir + "/helm/" + file }
        return (environment["HOME"] ?? "") + "/" + fallback + "/helm/" + file
    }

    /// How a repository index refresh is reported offline: Go's request error shape.
    static func indexFailure(_ url: String) -> String {
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        return "Get \"\(base)/index.yaml\": \(offlineReason)"
    }

    /// Helm's getters cover `http`, `https` and `oci`.
    static func checkScheme(_ url: String) throws {
        let scheme = url.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        guard ["http", "https", "oci"].contains(scheme) else { throw FlagError("could not find protocol handler for: \(scheme)") }
    }

    /// Go's `url.ParseRequestURI` success for the forms charts use: an absolute URL or path.
    static func isRequestURI(_ s: String) -> Bool {
        if s.hasPrefix("/") { return true }
        guard let colon = s.firstIndex(of: ":"), colon != s.startIndex else { return false }
        let scheme = s[..<colon]
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." } && scheme.first?.isLetter == true
    }

    /// `urlutil.Equal`: the same URL once a trailing slash is ignored.
    static func sameURL(_ a: String, _ b: String) -> Bool {
        func trimmed(_ s: String) -> String { s.hasSuffix("/") ? String(s.dropLast()) : s }
        return trimmed(a) == trimmed(b)
    }
}
