import FluxAPI
import Foundation
import KubeModel
import StructuredData

/// `flux create source helm`: a HelmRepository (type `oci` for `oci://` URLs), with a credentials
/// Secret when `--username`/`--password` or TLS files are given.
enum CreateSourceHelm {
    static func command() -> Command {
        var helm = Command(use: "helm [name]", short: "Create or update a HelmRepository source",
                           long: TraceCommand.withPreviewNote("""
                           The create source helm command generates a HelmRepository resource and waits for it to fetch the index.
                           For private Helm repositories, the basic authentication credentials are stored in a Kubernetes secret.
                           """),
                           example: """
                             # Create a source for an HTTPS public Helm repository
                             flux create source helm podinfo \\
                               --url=https://stefanprodan.github.io/podinfo \\
                               --interval=10m

                             # Create a source for an OCI Helm repository
                             flux create source helm podinfo \\
                               --url=oci://ghcr.io/stefanprodan/charts/podinfo \\
                               --username=username \\
                               --password=password
                           """)
        helm.flags = [
            FlagSpec("url", .string, usage: "Helm repository address"),
            FlagSpec("username", short: "u", .string, usage: "basic authentication username"),
            FlagSpec("password", short: "p", .string, usage: "basic authentication password"),
            FlagSpec("cert-file", .string, usage: "TLS authentication cert file path"),
            FlagSpec("key-file", .string, usage: "TLS authentication key file path"),
            FlagSpec("ca-file", .string, usage: "TLS authentication CA file path"),
            FlagSpec("secret-ref", .string, usage: "the name of an existing secret containing TLS, basic auth or docker-config credentials"),
            FlagSpec("oci-provider", .string, usage: "OCI provider for authentication"),
            FlagSpec("pass-credentials", .bool, usage: "pass credentials to all domains"),
        ]
        helm.run = { try await run(FluxContext($0)) }
        return helm
    }

    static func run(_ context: FluxContext) async throws {
        let name = context.args[0]
        let kind = FluxKinds.helmRepository
        let url = context.flags.string("url")
        if url.isEmpty { throw FluxCLIError("url is required") }
        let labels = try CreateSupport.labels(context)
        guard let parsed = URLComponents(string: url) else { throw FluxCLIError("url parse failed: parse \(FlagConversion.goQuote(url)): invalid URL") }
        var spec: JSONObject = ["url": .string(url), "interval": .string(CreateSupport.interval(context))]
        let isOCI = parsed.scheme == HelmRepositoryType.oci.rawValue
        if isOCI {
            spec["type"] = .string(HelmRepositoryType.oci.rawValue)
            spec["provider"] = .string(context.flags.string("oci-provider"))
        }
        let fetchTimeout = context.flags.duration("fetch-timeout")
        if fetchTimeout.nanoseconds > 0 { spec["timeout"] = .string(fetchTimeout.description) }
        let secretRef = context.flags.string("secret-ref")
        if !secretRef.isEmpty {
            spec["secretRef"] = ["name": .string(secretRef)]
            spec["passCredentials"] = .bool(context.flags.bool("pass-credentials"))
        }
        var object = CreateSupport.object(kind, name: name, namespace: context.namespace, labels: labels, spec: spec)
        if context.flags.bool("export") { return try CreateSupport.export(context, object, kind) }

        var options = SourceSecretOptions(name: "helm-\(name)", namespace: context.namespace)
        if !context.flags.string("ca-file").isEmpty {
            options.caFile = try CreateSupport.readFile(context, context.flags.string("ca-file"), "unable to read TLS CA file")
        }
        if !context.flags.string("cert-file").isEmpty && !context.flags.string("key-file").isEmpty {
            options.certFile = try CreateSupport.readFile(context, context.flags.string("cert-file"), "failed to read cert file")
            options.keyFile = try CreateSupport.readFile(context, context.flags.string("key-file"), "failed to read key file")
        }
        options.username = context.flags.string("username")
        options.password = context.flags.string("password")
        let logger = context.logger
        try await context.withSession { session in
            logger.generate("generating HelmRepository source")
            if secretRef.isEmpty {
                let secret = try await SourceSecret.generate(options, context.environment)
                if !(secret.raw["stringData"]?.objectValue?.isEmpty ?? true) {
                    logger.action("applying secret with repository credentials")
                    try await SourceSecret.upsert(session, secret)
                    var newSpec = object.raw["spec"]?.objectValue ?? [:]
                    newSpec["secretRef"] = ["name": .string("helm-\(name)")]
                    newSpec["passCredentials"] = .bool(context.flags.bool("pass-credentials"))
                    object = CreateSupport.object(kind, name: name, namespace: context.namespace, labels: labels, spec: newSpec)
                    logger.success("authentication configured")
                }
            }
            logger.action("applying HelmRepository source")
            logger.success(try await CreateSupport.upsert(session, kind, object) ? "source created" : "source updated")
            logger.waiting("waiting for HelmRepository source reconciliation")
            let ready = try await CreateSupport.waitReady(context, session, kind, object, statusKind: isOCI ? .static : .dynamic)
            logger.success("HelmRepository source reconciliation completed")
            if isOCI { return }
            guard let revision = ready.artifactRevision else {
                throw FluxCLIError("HelmRepository source reconciliation completed but no artifact was found")
            }
            logger.success("fetched revision: \(revision)")
        }
    }
}
