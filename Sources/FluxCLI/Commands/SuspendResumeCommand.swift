import FluxAPI
import KubeModel
import StructuredData

/// `flux suspend` and `flux resume`: patch `spec.suspend`; resume waits for Ready.
enum SuspendResumeCommand {
    static func command(_ kinds: [FluxKind], verb: Verb) -> Command {
        let suspend = verb == .suspend
        var root = Command(use: verb.rawValue, short: suspend ? "Suspend resources" : "Resume suspended resources",
                           long: suspend ? "The suspend sub-commands suspend the reconciliation of a resource."
                                         : "The resume sub-commands resume a suspended resource.")
        root.persistentFlags = [FlagSpec("all", .bool, usage: suspend ? "suspend all resources in that namespace"
                                                                       : "resume all resources in that namespace")]
        if !suspend {
            root.persistentFlags.append(FlagSpec("wait", .bool, usage: "waits for one resource to reconcile before moving to the next one"))
        }
        var source = Command(use: "source", short: suspend ? "Suspend sources" : "Resume sources",
                             long: suspend ? "The suspend sub-commands suspend the reconciliation of a source."
                                           : "The resume sub-commands resume a suspended source.")
        var image = Command(use: "image", short: suspend ? "Suspend image automation objects" : "Resume image automation objects",
                            long: suspend ? "The suspend image sub-commands suspend the reconciliation of an image automation object."
                                          : "The resume image sub-commands resume suspended image automation objects.")
        for kind in kinds where kind.verbs.contains(verb) {
            var leaf = Command(use: "\(kind.name) [name]", aliases: kind.aliases, short: kind.shorts[verb] ?? "")
            if suspend {
                leaf.run = { try await runSuspend(FluxContext($0), kind) }
            } else {
                leaf.run = { try await runResume(FluxContext($0), kind) }
            }
            leaf.completeArgs = Completions.objectNames(kind)
            switch kind.group {
            case .source: source.subcommands.append(leaf)
            case .image: image.subcommands.append(leaf)
            case .none: root.subcommands.append(leaf)
            }
        }
        root.subcommands += [source, image]
        return root
    }

    /// The unique names of `args`, in order.
    static func unique(_ args: [String]) -> [String] {
        var seen = Set<String>()
        return args.filter { seen.insert($0).inserted }
    }

    static func runSuspend(_ context: FluxContext, _ kind: FluxKind) async throws {
        let all = context.flags.bool("all")
        if context.args.isEmpty && !all { throw FluxCLIError("\(kind.humanKind) name is required") }
        let namespace = context.namespace
        let logger = context.logger
        try await context.withSession { session in
            let resource = try await session.resource(kind.gvk)
            func patch(_ fieldSelector: String?) async throws {
                let items = try await session.list(resource, namespace: namespace, fieldSelector: fieldSelector)
                if items.isEmpty { throw FluxCLIError("no objects found") }
                for object in items {
                    logger.action("suspending \(kind.humanKind) \(object.name) in \(namespace) namespace")
                    try await session.mergePatch(resource, namespace: namespace, name: object.name, ["spec": ["suspend": true]])
                    logger.success("\(kind.humanKind) suspended")
                }
            }
            if context.args.isEmpty {
                try await patch(nil)
                return
            }
            for name in unique(context.args) {
                do {
                    try await patch("metadata.name=\(name)")
                } catch let error as FluxCLIError where error.message == "no objects found" {
                    logger.failure("\(kind.kind) \(name) not found in \(namespace) namespace")
                } catch {
                    logger.failure("failed suspending \(kind.kind) \(name) in \(namespace) namespace: \(ErrorText.describe(error))")
                }
            }
        }
    }

    static func runResume(_ context: FluxContext, _ kind: FluxKind) async throws {
        let all = context.flags.bool("all")
        if context.args.isEmpty && !all { throw FluxCLIError("\(kind.humanKind) name is required") }
        let namespace = context.namespace
        let logger = context.logger
        let shouldWait = (!context.flags.changed("wait") && context.args.count == 1) || context.flags.bool("wait")
        let poller = context.poller
        try await context.withSession { session in
            let resource = try await session.resource(kind.gvk)
            func patch(_ fieldSelector: String?) async throws -> [KubeObject] {
                let items = try await session.list(resource, namespace: namespace, fieldSelector: fieldSelector)
                if items.isEmpty {
                    logger.failure("no \(kind.kind) objects found in \(namespace) namespace")
                    return []
                }
                var patched: [KubeObject] = []
                for object in items {
                    logger.action("resuming \(kind.humanKind) \(object.name) in \(namespace) namespace")
                    patched.append(try await session.mergePatch(resource, namespace: namespace, name: object.name,
                                                                ["spec": ["suspend": .null]]))
                    logger.success("\(kind.humanKind) resumed")
                }
                return patched
            }
            var resumed: [KubeObject] = []
            if context.args.isEmpty {
                do { resumed = try await patch(nil) } catch {
                    throw FluxCLIError("failed patching objects: \(ErrorText.describe(error))")
                }
            } else {
                for name in unique(context.args) { resumed += try await patch("metadata.name=\(name)") }
            }
            guard shouldWait else { return }
            for _ in resumed { logger.waiting("waiting for \(kind.kind) reconciliation") }
            let results = await withTaskGroup(of: (KubeObject, String?).self) { group in
                for object in resumed {
                    group.addTask {
                        do {
                            let latest = try await poller.until { () async throws -> KubeObject? in
                                let current = try await session.get(resource, namespace: namespace, name: object.name)
                                return try Readiness.isReady(current, kind.statusKind(current)) ? current : nil
                            }
                            return (latest, nil)
                        } catch {
                            return (object, ErrorText.describe(error))
                        }
                    }
                }
                var collected: [(KubeObject, String?)] = []
                for await result in group { collected.append(result) }
                return collected
            }
            for (object, error) in results.sorted(by: { $0.0.name <= $1.0.name }) {
                if let error { logger.failure(error) }
                logger.success("\(kind.kind) \(object.name) reconciliation completed")
                logger.success(kind.successMessage(object))
            }
        }
    }
}
