import FluxAPI
import Foundation
import KubeModel
import StructuredData

/// `flux create helmrelease`: a HelmRelease for a chart from a HelmRepository, GitRepository or Bucket.
enum CreateHelmRelease {
    static let chartSourceKinds = ["HelmRepository", "GitRepository", "Bucket"]
    static let sourceDescription = "source that contains the chart in the format '<kind>/<name>.<namespace>', where kind must be one of: (HelmRepository, GitRepository, Bucket)"

    /// `flags.HelmChartSource.Set`: `Kind/name[.namespace]`, kind matched case-insensitively.
    static func parseSource(_ text: String) -> Result<(kind: String, name: String, namespace: String), FluxCLIError> {
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            return .failure(FluxCLIError("no helm chart source given, please specify \(sourceDescription)"))
        }
        let (kind, name, namespace) = ObjectReference.kindNameNamespace(text)
        if kind.isEmpty || name.isEmpty {
            return .failure(FluxCLIError("invalid helm chart source '\(text)', must be in format <kind>/<name>"))
        }
        guard let clean = chartSourceKinds.first(where: { $0.lowercased() == kind.lowercased() }) else {
            return .failure(FluxCLIError("source kind '\(kind)' is not supported, must be one of: \(chartSourceKinds.joined(separator: ", "))"))
        }
        return .success((clean, name, namespace))
    }

    static func command() -> Command {
        var hr = Command(use: "helmrelease [name]", aliases: ["hr"], short: "Create or update a HelmRelease resource",
                         long: TraceCommand.withPreviewNote("The helmrelease create command generates a HelmRelease resource for a given HelmRepository source."),
                         example: """
                           # Create a HelmRelease with a chart from a HelmRepository source
                           flux create hr podinfo \\
                             --interval=10m \\
                             --source=HelmRepository/podinfo \\
                             --chart=podinfo \\
                             --chart-version=">4.0.0"
                         """)
        hr.flags = [
            FlagSpec("release-name", .string, usage: "name used for the Helm release, defaults to a composition of '[<target-namespace>-]<HelmRelease-name>'"),
            FlagSpec("source", .custom("helmChartSource"), usage: sourceDescription) { value in
                if case .failure(let error) = parseSource(value) { return error.message }
                return nil
            },
            FlagSpec("chart", .string, usage: "Helm chart name or path"),
            FlagSpec("chart-version", .string, usage: "Helm chart version, accepts a semver range (ignored for charts from GitRepository sources)"),
            FlagSpec("depends-on", .strings, usage: "HelmReleases that must be ready before this release can be installed, supported formats '<name>' and '<namespace>/<name>'"),
            FlagSpec("target-namespace", .string, usage: "namespace to install this release, defaults to the HelmRelease namespace"),
            FlagSpec("create-target-namespace", .bool, usage: "create the target namespace if it does not exist"),
            FlagSpec("service-account", .string, usage: "the name of the service account to impersonate when reconciling this HelmRelease"),
            FlagSpec("reconcile-strategy", .string, default: "ChartVersion",
                     usage: "the reconcile strategy for helm chart created by the helm release(accepted values: Revision and ChartRevision)"),
            FlagSpec("chart-interval", .duration, usage: "the interval of which to check for new chart versions"),
            FlagSpec("values", .strings, usage: "local path to values.yaml files, also accepts comma-separated values"),
            FlagSpec("values-from", .strings, usage: "a Kubernetes object reference that contains the values.yaml data key in the format '<kind>/<name>', where kind must be one of: (Secret,ConfigMap)"),
            FlagSpec("crds", .custom("crds"), usage: "upgrade CRDs policy, available options are: (Skip, Create, CreateReplace)") { value in
                if value.trimmingCharacters(in: .whitespaces).isEmpty { return "no upgrade CRDs policy given, must be one of: Skip, Create, CreateReplace" }
                return ["Skip", "Create", "CreateReplace"].contains(value) ? nil
                    : "unsupported upgrade CRDs policy '\(value)', must be one of: Skip, Create, CreateReplace"
            },
            FlagSpec("kubeconfig-secret-ref", .string, usage: "the name of the Kubernetes Secret that contains a key with the kubeconfig file for connecting to a remote cluster"),
        ]
        hr.run = { try await run(FluxContext($0)) }
        return hr
    }

    static func run(_ context: FluxContext) async throws {
        let name = context.args[0]
        let kind = FluxKinds.helmRelease
        let f = context.flags
        if f.string("chart").isEmpty { throw FluxCLIError("chart name or path is required") }
        let labels = try CreateSupport.labels(context)
        let export = f.bool("export")
        if !export { context.logger.generate("generating HelmRelease") }
        let strategy = f.string("reconcile-strategy")
        guard ["Revision", "ChartVersion"].contains(strategy) else {
            throw FluxCLIError("'\(strategy)' is an invalid reconcile strategy(valid: Revision, ChartVersion)")
        }
        var sourceRef: JSONObject = ["kind": "", "name": ""]
        if case .success(let source)? = f.changed("source") ? parseSource(f.string("source")) : nil {
            sourceRef = ["kind": .string(source.kind), "name": .string(source.name), "namespace": .string(source.namespace)]
        }
        var chartSpec: JSONObject = ["chart": .string(f.string("chart")), "version": .string(f.string("chart-version")),
                                     "sourceRef": .object(sourceRef), "reconcileStrategy": .string(strategy)]
        if f.duration("chart-interval").nanoseconds != 0 { chartSpec["interval"] = .string(f.duration("chart-interval").description) }
        var spec: JSONObject = ["releaseName": .string(f.string("release-name")),
                                "dependsOn": .array(ObjectReference.dependsOn(f.strings("depends-on"))),
                                "interval": .string(CreateSupport.interval(context)),
                                "targetNamespace": .string(f.string("target-namespace")),
                                "chart": ["spec": .object(chartSpec)], "suspend": false]
        if !f.string("kubeconfig-secret-ref").isEmpty {
            spec["kubeConfig"] = ["secretRef": ["name": .string(f.string("kubeconfig-secret-ref"))]]
        }
        var install: JSONObject = [:]
        if f.bool("create-target-namespace") { install["createNamespace"] = true }
        if !f.string("service-account").isEmpty { spec["serviceAccountName"] = .string(f.string("service-account")) }
        if !f.string("crds").isEmpty {
            install["crds"] = "Create"
            spec["upgrade"] = ["crds": .string(f.string("crds"))]
        }
        if f.bool("create-target-namespace") || !f.string("crds").isEmpty { spec["install"] = .object(install) }
        let valuesFiles = f.strings("values")
        if !valuesFiles.isEmpty {
            var merged: JSONValue = .object([:])
            for path in valuesFiles {
                guard let data = FileManager.default.contents(atPath: context.environment.resolve(path)) else {
                    throw FluxCLIError("reading values from \(path) failed: open \(path): no such file or directory")
                }
                let parsed: JSONValue
                do { parsed = try YAML.parse(String(decoding: data, as: UTF8.self)) } catch {
                    throw FluxCLIError("converting values to JSON from \(path) failed: \(error.description)")
                }
                guard case .object = parsed else {
                    throw FluxCLIError("unmarshaling values from \(path) failed: json: cannot unmarshal \(parsed.typeName) into Go value of type map[string]interface {}")
                }
                merged = ObjectReference.mergeMaps(merged, parsed)
            }
            spec["values"] = merged
        }
        let valuesFrom = f.strings("values-from")
        if !valuesFrom.isEmpty {
            var references: [JSONValue] = []
            for value in valuesFrom {
                let (refKind, refName) = ObjectReference.kindName(value)
                if refKind.isEmpty { throw FluxCLIError("invalid Kubernetes object reference '\(value)', must be in format <kind>/<name>") }
                guard let clean = ["Secret", "ConfigMap"].first(where: { $0.lowercased() == refKind.lowercased() }) else {
                    throw FluxCLIError("reference kind '\(refKind)' is not supported, must be one of: Secret, ConfigMap")
                }
                references.append(["kind": .string(clean), "name": .string(refName)])
            }
            spec["valuesFrom"] = .array(references)
        }
        let object = CreateSupport.object(kind, name: name, namespace: context.namespace, labels: labels, spec: spec)
        if export { return try CreateSupport.export(context, object, kind) }
        let logger = context.logger
        try await context.withSession { session in
            logger.action("applying HelmRelease")
            logger.success(try await CreateSupport.upsert(session, kind, object) ? "HelmRelease created" : "HelmRelease updated")
            logger.waiting("waiting for HelmRelease reconciliation")
            let ready = try await CreateSupport.waitReady(context, session, kind, object)
            logger.success("HelmRelease \(name) is ready")
            logger.success("applied revision \(ready.lastAppliedRevision)")
        }
    }
}

/// flux's `utils` reference parsing.
enum ObjectReference {
    /// `ParseObjectKindName`: `Kind/name`, or the whole text as the name.
    static func kindName(_ input: String) -> (String, String) {
        let parts = input.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2 { return (String(parts[0]), String(parts[1])) }
        return ("", input)
    }

    /// `ParseObjectKindNameNamespace`: `Kind/name.namespace` (the last `.` separates the namespace).
    static func kindNameNamespace(_ input: String) -> (String, String, String) {
        var (kind, name) = kindName(input)
        var namespace = ""
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1 {
            name = parts.dropLast().joined(separator: ".")
            namespace = String(parts[parts.count - 1])
        }
        return (kind, name, namespace)
    }

    /// `MakeDependsOn`: `name` or `namespace/name` references.
    static func dependsOn(_ deps: [String]) -> [JSONValue] {
        deps.map { dep in
            let parts = dep.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if parts.count > 1 { return ["namespace": .string(parts[0]), "name": .string(parts[1])] }
            return ["name": .string(parts[0])]
        }
    }

    /// Helm's `transform.MergeMaps`: `b` over `a`, nested maps merged.
    static func mergeMaps(_ a: JSONValue, _ b: JSONValue) -> JSONValue {
        guard case .object(var out) = a, case .object(let over) = b else { return b }
        for (key, value) in over {
            if case .object = value, let existing = out[key], case .object = existing {
                out[key] = mergeMaps(existing, value)
            } else {
                out[key] = value
            }
        }
        return .object(out)
    }
}
