import KubeModel

/// `flux delete`: removes one object, after a confirmation unless `--silent`.
enum DeleteCommand {
    static func command(_ kinds: [FluxKind]) -> Command {
        var delete = Command(use: "delete", short: "Delete sources and resources",
                             long: "The delete sub-commands delete sources and resources.")
        delete.persistentFlags = [FlagSpec("silent", short: "s", .bool, usage: "delete resource without asking for confirmation")]
        var source = Command(use: "source", short: "Delete sources", long: "The delete source sub-commands delete sources.")
        var image = Command(use: "image", short: "Delete image automation objects",
                            long: "The delete image sub-commands delete image automation objects.")
        for kind in kinds where kind.verbs.contains(.delete) {
            var leaf = Command(use: "\(kind.name) [name]", aliases: kind.aliases, short: kind.shorts[.delete] ?? "")
            leaf.run = { try await run(FluxContext($0), kind) }
            leaf.completeArgs = Completions.objectNames(kind)
            switch kind.group {
            case .source: source.subcommands.append(leaf)
            case .image: image.subcommands.append(leaf)
            case .none: delete.subcommands.append(leaf)
            }
        }
        delete.subcommands += [source, image]
        return delete
    }

    static func run(_ context: FluxContext, _ kind: FluxKind) async throws {
        guard let name = context.args.first else { throw FluxCLIError("\(kind.humanKind) name is required") }
        let namespace = context.namespace
        let silent = context.flags.bool("silent")
        try await context.withSession { session in
            let resource = try await session.resource(kind.gvk)
            _ = try await session.get(resource, namespace: namespace, name: name)
            if !silent {
                guard await Prompt.confirm(context.environment, "Are you sure you want to delete this \(kind.humanKind)") else {
                    throw FluxCLIError("aborting")
                }
            }
            context.logger.action("deleting \(kind.humanKind) \(name) in \(namespace) namespace")
            try await session.delete(resource, namespace: namespace, name: name)
            context.logger.success("\(kind.humanKind) deleted")
        }
    }
}
