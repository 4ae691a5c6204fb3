import Foundation
import FluxAPI
import GoCompat
import KubeModel
import StructuredData

/// `flux create`: generate (and apply, then wait for) sources, releases and secrets.
enum CreateCommand {
    static func command() -> Command {
        var create = Command(use: "create", short: "Create or update sources and resources",
                             long: "The create sub-commands generate sources and resources.")
        create.persistentFlags = [
            FlagSpec("interval", .duration, default: "1m0s", usage: "source sync interval"),
            FlagSpec("export", .bool, usage: "export in YAML format to stdout"),
            FlagSpec("label", .strings, usage: "set labels on the resource (can specify multiple labels with commas: label1=value1,label2=value2)"),
        ]
        create.persistentPreRun = { invocation in
            guard let name = invocation.args.first else { throw FluxCLIError("name is required") }
            if !Validation.isObjectName(name) {
                throw FluxCLIError("name '\(name)' is invalid, it should adhere to standard defined in RFC 1123, the name can only contain alphanumeric characters or '-'")
            }
        }
        var source = Command(use: "source", short: "Create or update sources", long: "The create source sub-commands generate sources.")
        source.persistentFlags = [
            FlagSpec("fetch-timeout", .duration,
                     usage: "set a timeout for fetch operations performed by source-controller (e.g. 'git clone' or 'helm repo update')"),
        ]
        source.subcommands = [CreateSourceGit.command(), CreateSourceHelm.command(), CreateSourceOCI.command()]
        var image = Command(use: "image", short: "Create or update resources dealing with image automation",
                            long: "The create image sub-commands work with image automation objects.")
        image.subcommands = [CreateImage.repository(), CreateImage.policy()]
        var secret = Command(use: "secret", short: "Create or update Kubernetes secrets",
                             long: "The create source sub-commands generate Kubernetes secrets specific to Flux.")
        secret.subcommands = [CreateSecret.git(), CreateSecret.helm(), CreateSecret.oci(), CreateSecret.tls()]
        create.subcommands = [source, CreateHelmRelease.command(), CreateKustomization.command(), image, secret]
        return create
    }
}

/// Shared steps of the create commands.
enum CreateSupport {
    /// `parseLabels`: `key=value` pairs, validated as Kubernetes label keys and values.
    static func labels(_ context: FluxContext) throws -> [String: String] {
        var result: [String: String] = [:]
        for label in context.flags.strings("label") {
            let parts = label.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw FluxCLIError("invalid label format '\(label)', must be key=value") }
            let keyErrors = Validation.qualifiedNameErrors(parts[0])
            if !keyErrors.isEmpty { throw FluxCLIError("invalid label '\(parts[0])': [\(keyErrors.joined(separator: " "))]") }
            let valueErrors = Validation.labelValueErrors(parts[1])
            if !valueErrors.isEmpty { throw FluxCLIError("invalid label value '\(parts[1])': [\(valueErrors.joined(separator: " "))]") }
            result[parts[0]] = parts[1]
        }
        return result
    }

    /// `--interval` as Go prints a `metav1.Duration`.
    static func interval(_ context: FluxContext) -> String { context.flags.duration("interval").description }

    /// The object `create` applies: metadata and the spec as its Go type encodes it.
    static func object(_ kind: FluxKind, name: String, namespace: String, labels: [String: String], spec: JSONObject) -> KubeObject {
        var metadata: JSONObject = ["name": .string(name), "namespace": .string(namespace)]
        if !labels.isEmpty {
            var l: JSONObject = [:]
            for key in labels.keys.sorted() { l[key] = .string(labels[key] ?? "") }
            metadata["labels"] = .object(l)
        }
        let raw: JSONValue = .object(["apiVersion": .string(kind.resource.apiVersion), "kind": .string(kind.kind),
                                      "metadata": .object(metadata), "spec": .object(spec)])
        var object = KubeObject(raw)
        object.raw["spec"] = ExportFormatter.document(object, kind: kind)["spec"]
        return object
    }

    /// `--export`: the object as `printExport` prints it.
    static func export(_ context: FluxContext, _ object: KubeObject, _ kind: FluxKind) throws {
        context.out(try ExportFormatter.render(ExportFormatter.document(object, kind: kind)))
    }

    /// Creates the object, or replaces the labels and spec of the existing one; true when created.
    static func upsert(_ session: KubeSession, _ kind: FluxKind, _ object: KubeObject) async throws -> Bool {
        let resource = try await session.resource(kind.gvk)
        guard let found = try await existing(session, resource, object) else {
            _ = try await session.create(object)
            return true
        }
        var updated = found
        updated.raw[path: ["metadata", "labels"]] = object.raw[path: ["metadata", "labels"]]
        updated.raw["spec"] = object.raw["spec"]
        _ = try await session.update(updated)
        return false
    }

    /// The object named like `object`, nil when it does not exist.
    static func existing(_ session: KubeSession, _ resource: APIResource, _ object: KubeObject) async throws(FluxCLIError) -> KubeObject? {
        do {
            return try await session.client.get(resource, namespace: object.namespace, name: object.name)
        } catch {
            if error.isNotFound { return nil }
            throw FluxCLIError(ErrorText.describe(error, server: session.server))
        }
    }

    /// Polls until the object is ready (`isObjectReady`), returning it.
    static func waitReady(_ context: FluxContext, _ session: KubeSession, _ kind: FluxKind, _ object: KubeObject,
                          statusKind: StatusKind = .dynamic) async throws -> KubeObject {
        let resource = try await session.resource(kind.gvk)
        return try await context.poller.until { () async throws -> KubeObject? in
            let current = try await session.get(resource, namespace: object.namespace, name: object.name)
            return try Readiness.isReady(current, statusKind) ? current : nil
        }
    }

    /// Reads a local file (relative to the working directory), with flux's message prefix.
    static func readFile(_ context: FluxContext, _ path: String, _ what: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: context.environment.resolve(path)) else {
            throw FluxCLIError("\(what): open \(path): no such file or directory")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
