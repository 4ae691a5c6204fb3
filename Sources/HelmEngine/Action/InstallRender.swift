import OrderedCollections
import StructuredData

/// The client-only part of Helm's `action.Install` that `helm template` (and a dry-run
/// install) runs: release-name check, dependency processing, render values, rendering,
/// NOTES extraction, manifest sorting and the manifest string.
public struct InstallRender: Sendable {
    public var release: ReleaseOptions
    public var capabilities: Capabilities
    /// Prepend `crds/` files to the manifest (`--include-crds`).
    public var includeCRDs: Bool
    /// Keep subchart NOTES too (`--render-subchart-notes`).
    public var subNotes: Bool
    public var engine: Engine

    public init(release: ReleaseOptions, capabilities: Capabilities = Capabilities(),
                includeCRDs: Bool = false, subNotes: Bool = false, engine: Engine = Engine()) {
        self.release = release
        self.capabilities = capabilities
        self.includeCRDs = includeCRDs
        self.subNotes = subNotes
        self.engine = engine
    }

    /// The outcome of a render: the manifest string, hooks, NOTES and the sorted manifests.
    public struct Result: Sendable {
        public var manifest: String
        public var hooks: [Hook]
        public var manifests: [Manifest]
        public var notes: String
        /// The processed chart (aliases applied, disabled subcharts removed).
        public var chart: Chart
    }

    /// A failure after the release object exists (rendering): carries the partial manifest
    /// text Helm prints with `--debug`.
    public struct RenderFailure: Error, Sendable, CustomStringConvertible {
        public var error: HelmError
        public var partialManifest: String
        public var description: String { error.message }
    }

    /// Runs the pipeline. Throws `HelmError` for failures before rendering (name, values,
    /// dependencies, schema) and `RenderFailure` for rendering and manifest failures.
    public func run(chart loaded: Chart, values userValues: JSONObject) throws -> Result {
        try Self.validateReleaseName(release.name)
        var chart = loaded
        try Dependencies.process(&chart, values: userValues, merge: true)
        chart.parentPath = nil
        chart.assignPaths()
        let renderValues = try RenderValues(chart: chart, userValues: userValues, release: release,
                                            capabilities: capabilities)
        do {
            return try render(chart, renderValues)
        } catch let failure as RenderFailure {
            throw failure
        } catch let error as HelmError {
            throw RenderFailure(error: error, partialManifest: "")
        }
    }

    func render(_ chart: Chart, _ values: RenderValues) throws -> Result {
        let kubeVersion = capabilities.kubeVersion.version
        if !chart.metadata.kubeVersion.isEmpty,
           !Dependencies.isCompatibleRange(chart.metadata.kubeVersion, kubeVersion) {
            throw HelmError(.render, "chart requires kubeVersion: \(chart.metadata.kubeVersion) which is incompatible with Kubernetes \(kubeVersion)")
        }
        let rendered = try engine.render(chart, values)
        var notes = ""
        var files: [(name: String, content: String)] = []
        let rootNotes = chart.name + "/templates/NOTES.txt"
        for (name, content) in rendered {
            if name.hasSuffix("NOTES.txt") {
                if subNotes || name == rootNotes {
                    if !notes.isEmpty { notes += "\n" }
                    notes += content
                }
                continue
            }
            files.append((name, content))
        }
        let sorted: (hooks: [Hook], manifests: [Manifest])
        do { sorted = try ManifestSorter.sort(files) } catch {
            var partial = ""
            for file in files.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) })
            where !file.content.goTrimmingSpace().isEmpty {
                partial += "---\n# Source: \(file.name)\n\(file.content)\n"
            }
            throw RenderFailure(error: error, partialManifest: partial)
        }
        var manifest = ""
        if includeCRDs {
            for crd in chart.crdObjects {
                manifest += "---\n# Source: \(crd.name)\n\(String(decoding: crd.data, as: UTF8.self))\n"
            }
        }
        for m in sorted.manifests {
            manifest += "---\n# Source: \(m.name)\n\(m.content)\n"
        }
        return Result(manifest: manifest, hooks: sorted.hooks, manifests: sorted.manifests, notes: notes, chart: chart)
    }

    /// Helm's `ValidateReleaseName`, wrapped as `availableName` does.
    public static func validateReleaseName(_ name: String) throws(HelmError) {
        if name.isEmpty { throw HelmError(.other, "release name \"\": no name provided") }
        if name.utf8.count > 53 || !isDNSName(name) {
            throw HelmError(.other, "release name \(GoQuoteText.quote(name)): invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53")
        }
    }

    /// `^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`.
    static func isDNSName(_ name: String) -> Bool {
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            let bytes = Array(label.utf8)
            guard let first = bytes.first, let last = bytes.last else { return false }
            func alnum(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 48 && b <= 57) }
            guard alnum(first), alnum(last), bytes.allSatisfy({ alnum($0) || $0 == 45 }) else { return false }
        }
        return true
    }
}
