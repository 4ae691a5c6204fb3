import FluxAPI
import KubeModel
import StructuredData

/// `flux create source oci`: an OCIRepository.
enum CreateSourceOCI {
    static let providers = ["generic", "aws", "azure", "gcp"]

    static func command() -> Command {
        var oci = Command(use: "oci [name]", short: "Create or update an OCIRepository",
                          long: "The create source oci command generates an OCIRepository resource and waits for it to be ready.",
                          example: """
                            # Create an OCIRepository for a public container image
                            flux create source oci podinfo \\
                              --url=oci://ghcr.io/stefanprodan/manifests/podinfo \\
                              --tag=6.1.6 \\
                              --interval=10m
                          """)
        oci.flags = [
            FlagSpec("provider", .custom("sourceOCIProvider"), default: "generic",
                     usage: "the OCI provider name, available options are: (generic, aws, azure, gcp)") { value in
                if value.trimmingCharacters(in: .whitespaces).isEmpty {
                    return "no source OCI provider given, please specify the OCI provider name, available options are: (generic, aws, azure, gcp)"
                }
                return providers.contains(value) ? nil
                    : "source OCI provider '\(value)' is not supported, must be one of: generic, aws, azure, gcp"
            },
            FlagSpec("url", .string, usage: "the OCI repository URL"),
            FlagSpec("tag", .string, usage: "the OCI artifact tag"),
            FlagSpec("tag-semver", .string, usage: "the OCI artifact tag semver range"),
            FlagSpec("digest", .string, usage: "the OCI artifact digest"),
            FlagSpec("secret-ref", .string, usage: "the name of the Kubernetes image pull secret (type 'kubernetes.io/dockerconfigjson')"),
            FlagSpec("service-account", .string, usage: "the name of the Kubernetes service account that refers to an image pull secret"),
            FlagSpec("cert-ref", .string, usage: "the name of a secret to use for TLS certificates"),
            FlagSpec("verify-provider", .custom("sourceOCIVerifyProvider"),
                     usage: "the OCI verify provider name to use for signature verification, available options are: (cosign)") { value in
                if value.trimmingCharacters(in: .whitespaces).isEmpty {
                    return "no source OCI verify provider given, please specify the OCI verify provider name to use for signature verification, available options are: (cosign)"
                }
                return value == "cosign" ? nil : "source OCI verify provider '\(value)' is not supported, must be one of: cosign"
            },
            FlagSpec("verify-secret-ref", .string, usage: "the name of a secret to use for signature verification"),
            FlagSpec("ignore-paths", .strings, usage: "set paths to ignore resources (can specify multiple paths with commas: path1,path2)"),
            FlagSpec("insecure", .bool, usage: "for when connecting to a non-TLS registries over plain HTTP"),
        ]
        oci.run = { try await run(FluxContext($0)) }
        return oci
    }

    static func run(_ context: FluxContext) async throws {
        let name = context.args[0]
        let kind = FluxKinds.ociRepository
        let f = context.flags
        if f.string("url").isEmpty { throw FluxCLIError("url is required") }
        if f.string("tag-semver").isEmpty && f.string("tag").isEmpty && f.string("digest").isEmpty {
            throw FluxCLIError("--tag, --tag-semver or --digest is required")
        }
        let labels = try CreateSupport.labels(context)
        var ref: JSONObject = [:]
        if !f.string("digest").isEmpty { ref["digest"] = .string(f.string("digest")) }
        if !f.string("tag-semver").isEmpty { ref["semver"] = .string(f.string("tag-semver")) }
        if !f.string("tag").isEmpty { ref["tag"] = .string(f.string("tag")) }
        var spec: JSONObject = ["provider": .string(f.string("provider")), "url": .string(f.string("url")),
                                "insecure": .bool(f.bool("insecure")), "interval": .string(CreateSupport.interval(context)),
                                "ref": .object(ref)]
        if !f.strings("ignore-paths").isEmpty { spec["ignore"] = .string(f.strings("ignore-paths").joined(separator: "\n")) }
        if f.duration("fetch-timeout").nanoseconds > 0 { spec["timeout"] = .string(f.duration("fetch-timeout").description) }
        if !f.string("service-account").isEmpty { spec["serviceAccountName"] = .string(f.string("service-account")) }
        if !f.string("secret-ref").isEmpty { spec["secretRef"] = ["name": .string(f.string("secret-ref"))] }
        if !f.string("cert-ref").isEmpty { spec["certSecretRef"] = ["name": .string(f.string("cert-ref"))] }
        if !f.string("verify-provider").isEmpty {
            var verify: JSONObject = ["provider": .string(f.string("verify-provider"))]
            if !f.string("verify-secret-ref").isEmpty { verify["secretRef"] = ["name": .string(f.string("verify-secret-ref"))] }
            spec["verify"] = .object(verify)
        } else if !f.string("verify-secret-ref").isEmpty {
            throw FluxCLIError("a verification provider must be specified when a secret is specified")
        }
        let object = CreateSupport.object(kind, name: name, namespace: context.namespace, labels: labels, spec: spec)
        if f.bool("export") { return try CreateSupport.export(context, object, kind) }
        let logger = context.logger
        try await context.withSession { session in
            logger.action("applying OCIRepository")
            logger.success(try await CreateSupport.upsert(session, kind, object) ? "OCIRepository created" : "OCIRepository updated")
            logger.waiting("waiting for OCIRepository reconciliation")
            let ready = try await CreateSupport.waitReady(context, session, kind, object)
            logger.success("OCIRepository reconciliation completed")
            guard let revision = ready.artifactRevision else { throw FluxCLIError("no artifact was found") }
            logger.success("fetched revision: \(revision)")
        }
    }
}
