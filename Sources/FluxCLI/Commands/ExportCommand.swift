import FluxAPI
import KubeModel
import StructuredData

/// `flux export`: objects as YAML without status and server fields.
enum ExportCommand {
    static func command(_ kinds: [FluxKind]) -> Command {
        var export = Command(use: "export", short: "Export resources in YAML format",
                             long: "The export sub-commands export resources in YAML format.")
        export.persistentFlags = [FlagSpec("all", .bool, usage: "select all resources")]
        var source = Command(use: "source", short: "Export sources", long: "The export source sub-commands export sources in YAML format.")
        source.persistentFlags = [FlagSpec("with-credentials", .bool, usage: "include credential secrets")]
        var image = Command(use: "image", short: "Export image automation objects",
                            long: "The export image sub-commands export image automation objects in YAML format.")
        for kind in kinds where kind.verbs.contains(.export) {
            var leaf = Command(use: "\(kind.name) [name]", aliases: kind.aliases, short: kind.shorts[.export] ?? "")
            leaf.run = { try await run(FluxContext($0), kind) }
            leaf.completeArgs = Completions.objectNames(kind)
            switch kind.group {
            case .source: source.subcommands.append(leaf)
            case .image: image.subcommands.append(leaf)
            case .none: export.subcommands.append(leaf)
            }
        }
        export.subcommands += [source, image]
        return export
    }

    static func run(_ context: FluxContext, _ kind: FluxKind) async throws {
        let all = context.flags.bool("all")
        guard all || !context.args.isEmpty else { throw FluxCLIError("name is required") }
        let namespace = context.namespace
        let objects = try await context.withSession { session -> [KubeObject] in
            let resource = try await session.resource(kind.gvk)
            if all {
                let items = try await session.list(resource, namespace: namespace)
                if items.isEmpty { throw FluxCLIError("no objects found in \(namespace) namespace") }
                return items
            }
            return [try await session.get(resource, namespace: namespace, name: context.args[0])]
        }
        let withCredentials = kind.group == .source && context.flags.bool("with-credentials")
        for object in objects {
            context.out(try ExportFormatter.render(ExportFormatter.document(object, kind: kind)))
            let secretName = object.string(at: ["spec", "secretRef", "name"])
            if withCredentials && !secretName.isEmpty {
                // flux prints the first referenced Secret and stops.
                try await printSecret(context, name: secretName, namespace: object.namespace)
                return
            }
        }
    }

    /// The Secret a source refers to, as `printSecretCredentials` exports it.
    static func printSecret(_ context: FluxContext, name: String, namespace: String) async throws {
        let secret = try await context.withSession { session -> KubeObject in
            do {
                return try await session.get(Builtin.secrets, namespace: namespace, name: name)
            } catch {
                throw FluxCLIError("failed to retrieve secret \(name), error: \(ErrorText.describe(error))")
            }
        }
        var doc: JSONObject = ["apiVersion": "v1", "kind": "Secret",
                               "metadata": .object(["name": .string(name), "namespace": .string(namespace)])]
        if let data = secret.raw["data"], !(data.objectValue?.isEmpty ?? true) { doc["data"] = data }
        if let type = secret.raw["type"]?.stringValue, !type.isEmpty { doc["type"] = .string(type) }
        context.out(try ExportFormatter.render(.object(doc)))
    }
}
