import FluxAPI
import Foundation
import KubeModel
import StructuredData

/// `flux create kustomization`: a Kustomization applying a path of a Git, OCI or Bucket source.
enum CreateKustomization {
    static let sourceKinds = ["OCIRepository", "GitRepository", "Bucket"]
    static let sourceDescription = "source that contains the Kubernetes manifests in the format '[<kind>/]<name>.<namespace>', where kind must be one of: (OCIRepository, GitRepository, Bucket), if kind is not specified it defaults to GitRepository"

    /// `flags.KustomizationSource.Set`.
    static func parseSource(_ text: String) -> Result<(kind: String, name: String, namespace: String), FluxCLIError> {
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            return .failure(FluxCLIError("no Kustomization source given, please specify \(sourceDescription)"))
        }
        var (kind, name, namespace) = ObjectReference.kindNameNamespace(text)
        if name.isEmpty { return .failure(FluxCLIError("no name given for source of kind '\(kind)'")) }
        if kind.isEmpty {
            if sourceKinds.contains(name) { return .failure(FluxCLIError("no name given for source of kind '\(name)'")) }
            kind = "GitRepository"
        }
        guard let clean = sourceKinds.first(where: { $0.lowercased() == kind.lowercased() }) else {
            return .failure(FluxCLIError("source kind '\(kind)' is not supported, must be one of: \(sourceKinds.joined(separator: ", "))"))
        }
        return .success((clean, name, namespace))
    }

    /// `flags.SafeRelativePath.Set`: the path cleaned inside `./`.
    static func safePath(_ text: String) -> String {
        var parts: [Substring] = []
        for part in text.trimmingCharacters(in: .whitespaces).split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "./" + parts.joined(separator: "/")
    }

    static func command() -> Command {
        var ks = Command(use: "kustomization [name]", aliases: ["ks"], short: "Create or update a Kustomization resource",
                         long: "The create command generates a Kustomization resource for a given source.",
                         example: """
                           # Create a Kustomization resource from a source at a given path
                           flux create kustomization kyverno \\
                               --source=GitRepository/kyverno \\
                               --path="./config/release" \\
                               --prune=true \\
                               --interval=60m \\
                               --wait=true \\
                               --health-check-timeout=3m
                         """)
        ks.flags = [
            FlagSpec("source", .custom("kustomizationSource"), usage: sourceDescription) { value in
                if case .failure(let error) = parseSource(value) { return error.message }
                return nil
            },
            FlagSpec("path", .custom("safeRelativePath"), default: "./", usage: "path to the directory containing a kustomization.yaml file"),
            FlagSpec("prune", .bool, usage: "enable garbage collection"),
            FlagSpec("wait", .bool, usage: "enable health checking of all the applied resources"),
            FlagSpec("health-check", .strings, usage: "workload to be included in the health assessment, in the format '<kind>/<name>.<namespace>'"),
            FlagSpec("health-check-timeout", .duration, default: "2m0s", usage: "timeout of health checking operations"),
            FlagSpec("validation", .string, usage: "validate the manifests before applying them on the cluster, can be 'client' or 'server'",
                     deprecated: "this arg is no longer used, all resources are validated using server-side apply dry-run"),
            FlagSpec("depends-on", .strings, usage: "Kustomization that must be ready before this Kustomization can be applied, supported formats '<name>' and '<namespace>/<name>', also accepts comma-separated values"),
            FlagSpec("service-account", .string, usage: "the name of the service account to impersonate when reconciling this Kustomization"),
            FlagSpec("decryption-provider", .custom("decryptionProvider"), usage: "decryption provider, available options are: (sops)") { value in
                value == "sops" ? nil : (value.isEmpty ? "no decryption provider given, must be one of: sops"
                                                       : "unsupported decryption provider '\(value)', must be one of: sops")
            },
            FlagSpec("decryption-secret", .string, usage: "set the Kubernetes secret name that contains the OpenPGP private keys used for sops decryption"),
            FlagSpec("target-namespace", .string, usage: "overrides the namespace of all Kustomization objects reconciled by this Kustomization"),
            FlagSpec("kubeconfig-secret-ref", .string, usage: "the name of the Kubernetes Secret that contains a key with the kubeconfig file for connecting to a remote cluster"),
            FlagSpec("retry-interval", .duration, usage: "the interval at which to retry a previously failed reconciliation"),
        ]
        ks.run = { try await run(FluxContext($0)) }
        return ks
    }

    static func run(_ context: FluxContext) async throws {
        let name = context.args[0]
        let kind = FluxKinds.kustomization
        let f = context.flags
        let path = f.changed("path") ? safePath(f.string("path")) : "./"
        if path.isEmpty { throw FluxCLIError("path is required") }
        if !path.hasPrefix("./") { throw FluxCLIError("path must begin with ./") }
        let export = f.bool("export")
        if !export { context.logger.generate("generating Kustomization") }
        let labels = try CreateSupport.labels(context)
        var sourceRef: JSONObject = ["kind": "", "name": ""]
        if f.changed("source"), case .success(let source) = parseSource(f.string("source")) {
            sourceRef = ["kind": .string(source.kind), "name": .string(source.name), "namespace": .string(source.namespace)]
        }
        var spec: JSONObject = ["dependsOn": .array(ObjectReference.dependsOn(f.strings("depends-on"))),
                                "interval": .string(CreateSupport.interval(context)), "path": .string(path),
                                "prune": .bool(f.bool("prune")), "sourceRef": .object(sourceRef), "suspend": false,
                                "targetNamespace": .string(f.string("target-namespace"))]
        if !f.string("kubeconfig-secret-ref").isEmpty {
            spec["kubeConfig"] = ["secretRef": ["name": .string(f.string("kubeconfig-secret-ref"))]]
        }
        let healthChecks = f.strings("health-check")
        if !healthChecks.isEmpty && !f.bool("wait") {
            var checks: [JSONValue] = []
            for check in healthChecks {
                let kindObj = check.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                guard kindObj.count == 2 else {
                    throw FluxCLIError("invalid health check '\(check)' must be in the format 'kind/name.namespace' [\(kindObj.joined(separator: " "))]")
                }
                guard ["Deployment", "DaemonSet", "StatefulSet", "HelmRelease"].contains(kindObj[0]) else {
                    throw FluxCLIError("invalid health check kind '\(kindObj[0])' can be HelmRelease, Deployment, DaemonSet or StatefulSet")
                }
                let nameNs = kindObj[1].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard nameNs.count == 2 else { throw FluxCLIError("invalid health check '\(check)' must be in the format 'kind/name.namespace'") }
                var entry: JSONObject = ["kind": .string(kindObj[0]), "name": .string(nameNs[0]), "namespace": .string(nameNs[1])]
                if kindObj[0] == "HelmRelease" { entry["apiVersion"] = .string(HelmRelease.apiResource.apiVersion) }
                checks.append(.object(entry))
            }
            spec["healthChecks"] = .array(checks)
            spec["timeout"] = .string(f.duration("health-check-timeout").description)
        }
        if f.bool("wait") {
            spec["wait"] = true
            spec["timeout"] = .string(f.duration("health-check-timeout").description)
        }
        if !f.string("service-account").isEmpty { spec["serviceAccountName"] = .string(f.string("service-account")) }
        if !f.string("decryption-provider").isEmpty {
            var decryption: JSONObject = ["provider": .string(f.string("decryption-provider"))]
            if !f.string("decryption-secret").isEmpty { decryption["secretRef"] = ["name": .string(f.string("decryption-secret"))] }
            spec["decryption"] = .object(decryption)
        }
        if f.duration("retry-interval").nanoseconds > 0 { spec["retryInterval"] = .string(f.duration("retry-interval").description) }
        let object = CreateSupport.object(kind, name: name, namespace: context.namespace, labels: labels, spec: spec)
        if export { return try CreateSupport.export(context, object, kind) }
        let logger = context.logger
        try await context.withSession { session in
            logger.action("applying Kustomization")
            logger.success(try await CreateSupport.upsert(session, kind, object) ? "Kustomization created" : "Kustomization updated")
            logger.waiting("waiting for Kustomization reconciliation")
            let ready = try await CreateSupport.waitReady(context, session, kind, object)
            logger.success("Kustomization \(name) is ready")
            logger.success("applied revision \(ready.lastAppliedRevision)")
        }
    }
}
