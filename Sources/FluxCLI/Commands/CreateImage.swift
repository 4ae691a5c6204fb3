import FluxAPI
import Foundation
import KubeModel
import StructuredData

/// `flux create image repository|policy`.
enum CreateImage {
    /// `upsertAndWait`: flux reports "ImageRepository created" for every image kind (it upserts
    /// through `imageRepositoryType`).
    static func upsertAndWait(_ context: FluxContext, _ kind: FluxKind, _ object: KubeObject) async throws {
        let logger = context.logger
        try await context.withSession { session in
            logger.generate("generating \(kind.kind)")
            logger.action("applying \(kind.kind)")
            let created = try await CreateSupport.upsert(session, kind, object)
            logger.success(created ? "ImageRepository created" : "ImageRepository updated")
            logger.waiting("waiting for \(kind.kind) reconciliation")
            _ = try await CreateSupport.waitReady(context, session, kind, object)
            logger.success("\(kind.kind) reconciliation completed")
        }
    }

    static func repository() -> Command {
        var repo = Command(use: "repository [name]", short: "Create or update an ImageRepository object",
                           long: "The create image repository command generates an ImageRepository resource.\nAn ImageRepository object specifies an image repository to scan.")
        repo.flags = [
            FlagSpec("image", .string, usage: "the image repository to scan; e.g., library/alpine"),
            FlagSpec("secret-ref", .string, usage: "the name of a docker-registry secret to use for credentials"),
            FlagSpec("cert-ref", .string, usage: "the name of a secret to use for TLS certificates"),
            FlagSpec("scan-timeout", .duration, usage: "a timeout for scanning; this defaults to the interval if not set"),
        ]
        repo.run = { invocation in
            let context = FluxContext(invocation)
            let f = context.flags
            let image = f.string("image")
            if image.isEmpty { throw FluxCLIError("an image repository (--image) is required") }
            if image.contains("://") || image.hasSuffix("/") || image.contains(" ") {
                throw FluxCLIError("unable to parse image value: repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: \(image)")
            }
            var spec: JSONObject = ["image": .string(image), "interval": .string(CreateSupport.interval(context))]
            if f.duration("scan-timeout").nanoseconds != 0 { spec["timeout"] = .string(f.duration("scan-timeout").description) }
            if !f.string("secret-ref").isEmpty { spec["secretRef"] = ["name": .string(f.string("secret-ref"))] }
            if !f.string("cert-ref").isEmpty { spec["certSecretRef"] = ["name": .string(f.string("cert-ref"))] }
            let kind = FluxKinds.imageRepository
            let object = CreateSupport.object(kind, name: context.args[0], namespace: context.namespace,
                                              labels: try CreateSupport.labels(context), spec: spec)
            if f.bool("export") { return try CreateSupport.export(context, object, kind) }
            try await upsertAndWait(context, kind, object)
        }
        return repo
    }

    static func policy() -> Command {
        var policy = Command(use: "policy [name]", short: "Create or update an ImagePolicy object",
                             long: "The create image policy command generates an ImagePolicy resource.\nAn ImagePolicy object calculates a \"latest image\" given an image\nrepository and a policy, e.g., semver.\n\nThe image that sorts highest according to the policy is recorded in\nthe status of the object.")
        policy.flags = [
            FlagSpec("image-ref", .string, usage: "the name of an image repository object"),
            FlagSpec("select-semver", .string, usage: "a semver range to apply to tags; e.g., '1.x'"),
            FlagSpec("select-alpha", .string, usage: "use alphabetical sorting to select image; either \"asc\" meaning select the last, or \"desc\" meaning select the first"),
            FlagSpec("select-numeric", .string, usage: "use numeric sorting to select image; either \"asc\" meaning select the last, or \"desc\" meaning select the first"),
            FlagSpec("filter-regex", .string, usage: "regular expression pattern used to filter the image tags"),
            FlagSpec("filter-extract", .string, usage: "replacement pattern (using capture groups from --filter-regex) to use for sorting"),
        ]
        policy.run = { invocation in
            let context = FluxContext(invocation)
            let f = context.flags
            if f.string("image-ref").isEmpty {
                throw FluxCLIError("the name of an ImageRepository in the namespace is required (--image-ref)")
            }
            let labels = try CreateSupport.labels(context)
            let (semver, alpha, numeric) = (f.string("select-semver"), f.string("select-alpha"), f.string("select-numeric"))
            var choice: JSONObject = [:]
            switch true {
            case !semver.isEmpty && !alpha.isEmpty, !semver.isEmpty && !numeric.isEmpty:
                break // flux 2.2 accepts these combinations without setting a policy
            case !alpha.isEmpty && !numeric.isEmpty:
                throw FluxCLIError("only one of --select-semver, --select-alpha or --select-numeric can be specified")
            case !semver.isEmpty:
                choice["semver"] = ["range": .string(semver)]
            case !alpha.isEmpty:
                guard alpha == "asc" || alpha == "desc" else { throw FluxCLIError("--select-alpha must be one of [\"asc\", \"desc\"]") }
                choice["alphabetical"] = ["order": .string(alpha)]
            case !numeric.isEmpty:
                guard numeric == "asc" || numeric == "desc" else { throw FluxCLIError("--select-numeric must be one of [\"asc\", \"desc\"]") }
                choice["numerical"] = ["order": .string(numeric)]
            default:
                throw FluxCLIError("a policy must be provided with either --select-semver or --select-alpha")
            }
            var spec: JSONObject = ["imageRepositoryRef": ["name": .string(f.string("image-ref"))], "policy": .object(choice)]
            let regex = f.string("filter-regex")
            if !regex.isEmpty {
                guard (try? NSRegularExpression(pattern: regex)) != nil else {
                    throw FluxCLIError("--filter-regex is an invalid regex pattern")
                }
                var filter: JSONObject = ["pattern": .string(regex)]
                if !f.string("filter-extract").isEmpty { filter["extract"] = .string(f.string("filter-extract")) }
                spec["filterTags"] = .object(filter)
            } else if !f.string("filter-extract").isEmpty {
                throw FluxCLIError("cannot specify --filter-extract without specifying --filter-regex")
            }
            let kind = FluxKinds.imagePolicy
            let object = CreateSupport.object(kind, name: context.args[0], namespace: context.namespace, labels: labels, spec: spec)
            if f.bool("export") { return try CreateSupport.export(context, object, kind) }
            try await upsertAndWait(context, kind, object)
        }
        return policy
    }
}
