import FluxAPI
import KubeClient
import KubeModel
import StructuredData

/// `flux get`: tables of Flux objects and their Ready status.
enum GetCommand {
    static func command(_ kinds: [FluxKind]) -> Command {
        var get = Command(use: "get", short: "Get the resources and their status",
                          long: "The get sub-commands print the statuses of Flux resources.")
        get.persistentFlags = [
            FlagSpec("all-namespaces", short: "A", .bool, usage: "list the requested object(s) across all namespaces"),
            FlagSpec("no-header", .bool, usage: "skip the header when printing the results"),
            FlagSpec("watch", short: "w", .bool, usage: "After listing/getting the requested object, watch for changes."),
            FlagSpec("status-selector", .string,
                     usage: "specify the status condition name and the desired state to filter the get result, e.g. ready=false"),
            FlagSpec("label-selector", short: "l", .string, usage: "filter objects by label selector"),
        ]
        var sources = Command(use: "sources", aliases: ["source"], short: "Get source statuses",
                              long: "The get source sub-commands print the statuses of the sources.")
        var images = Command(use: "images", aliases: ["image"], short: "Get image automation object status",
                             long: "The get image sub-commands print the status of image automation objects.")
        for kind in kinds where kind.verbs.contains(.get) {
            var leaf = Command(use: kind.getName, aliases: kind.getAliases, short: kind.shorts[.get] ?? "")
            leaf.run = { try await run(FluxContext($0), [kind], all: false) }
            leaf.completeArgs = Completions.objectNames(kind)
            switch kind.group {
            case .source: sources.subcommands.append(leaf)
            case .image: images.subcommands.append(leaf)
            case .none: get.subcommands.append(leaf)
            }
        }
        let sourceKinds = ["OCIRepository", "Bucket", "GitRepository", "HelmRepository", "HelmChart"].compactMap(FluxKinds.named)
        let imageKinds = ["ImageRepository", "ImagePolicy", "ImageUpdateAutomation"].compactMap(FluxKinds.named)
        let otherKinds = ["HelmRelease", "Kustomization", "Receiver", "Provider", "Alert"].compactMap(FluxKinds.named)
        var sourcesAll = Command(use: "all", short: "Get all source statuses")
        sourcesAll.run = { try await runAll(FluxContext($0), sourceKinds) }
        sources.subcommands.append(sourcesAll)
        var imagesAll = Command(use: "all", short: "Get all image statuses")
        imagesAll.run = { try await runAll(FluxContext($0), imageKinds) }
        images.subcommands.append(imagesAll)
        var all = Command(use: "all", short: "Get all resources and statuses")
        all.run = { try await runAll(FluxContext($0), sourceKinds + imageKinds + otherKinds) }
        get.subcommands += [sources, images, all]
        return get
    }

    /// `get … all`: every kind, errors logged, missing CRDs skipped.
    static func runAll(_ context: FluxContext, _ kinds: [FluxKind]) async throws {
        if context.flags.bool("watch") { throw FluxCLIError("expected a single resource type, but found all") }
        for kind in kinds {
            do {
                try await run(context, [kind], all: true)
            } catch {
                let message = ErrorText.describe(error)
                if !message.contains("no matches for kind") { context.logger.failure(message) }
            }
        }
    }

    /// One kind's table (`all`: names prefixed with the kind, empty lists silent, a blank line after).
    static func run(_ context: FluxContext, _ kinds: [FluxKind], all: Bool) async throws {
        guard let kind = kinds.first else { return }
        let allNamespaces = context.flags.bool("all-namespaces")
        let labelSelector = context.flags.string("label-selector")
        if !labelSelector.isEmpty {
            do { _ = try LabelSelector.parse(labelSelector) } catch {
                throw FluxCLIError("unable to parse label selector: \(error.description)")
            }
        }
        let name = context.args.first
        let fieldSelector = name.map { "metadata.name=\($0)" }
        let namespace = context.namespace
        if context.flags.bool("watch") {
            try await watch(context, kind, fieldSelector: fieldSelector, labelSelector: labelSelector)
            return
        }
        let items = try await context.withSession { session in
            let resource = try await session.resource(kind.gvk)
            return try await session.list(resource, namespace: allNamespaces ? nil : namespace,
                                          labelSelector: labelSelector.isEmpty ? nil : labelSelector,
                                          fieldSelector: fieldSelector)
        }
        let where_ = allNamespaces ? "any" : FlagConversion.goQuote(namespace)
        if items.isEmpty {
            if let name {
                context.logger.failure("\(kind.kind) object '\(name)' not found in \(where_) namespace")
            } else if !all {
                context.logger.failure("no \(kind.kind) objects found in \(where_) namespace")
            }
            return
        }
        let header = context.flags.bool("no-header") ? [] : headers(kind, allNamespaces)
        let rows = try self.rows(context, kind, items, includeKind: all)
        context.out(TablePrinter.render(header: header, rows: rows))
        if all { context.out("\n") }
    }

    static func headers(_ kind: FluxKind, _ allNamespaces: Bool) -> [String] {
        (allNamespaces ? ["Namespace"] : []) + kind.columns.headers
    }

    /// The rows of `items` passing `--status-selector`.
    static func rows(_ context: FluxContext, _ kind: FluxKind, _ items: [KubeObject], includeKind: Bool) throws -> [[String]] {
        let selector = context.flags.string("status-selector")
        var condition: (type: String, status: String)?
        if !selector.isEmpty {
            let parts = selector.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw FluxCLIError("expected status selector in type=status format, but found: \(selector)")
            }
            condition = (String(parts[0]), String(parts[1]))
        }
        let allNamespaces = context.flags.bool("all-namespaces")
        return items.compactMap { object in
            if let condition {
                guard kind.columns.selectable, Summary.statusMatches(object, type: condition.type, status: condition.status) else {
                    return nil
                }
            }
            let name = includeKind ? "\(kind.kind.lowercased())/\(object.name)" : object.name
            let names = allNamespaces ? [object.namespace, name] : [name]
            return names + kind.columns.row(object, context.rowContext)
        }
    }

    /// `--watch`: a row per change, the header before the first.
    static func watch(_ context: FluxContext, _ kind: FluxKind, fieldSelector: String?, labelSelector: String) async throws {
        let allNamespaces = context.flags.bool("all-namespaces")
        let namespace = context.namespace
        let timeout = context.options.timeout
        try await context.withSession { session in
            let resource = try await session.resource(kind.gvk)
            let options = WatchOptions(labelSelector: labelSelector.isEmpty ? nil : labelSelector, fieldSelector: fieldSelector,
                                       timeoutSeconds: Int(max(1, timeout.seconds)))
            let stream: AsyncThrowingStream<WatchEvent, any Error>
            do {
                stream = try await session.client.watch(resource, in: allNamespaces ? .all : .named(namespace), options: options)
            } catch {
                throw FluxCLIError(ErrorText.describe(error, server: session.server))
            }
            var first = true
            for try await event in stream {
                let object: KubeObject
                switch event {
                case .added(let o), .modified(let o), .deleted(let o): object = o
                case .bookmark: continue
                case .error(let status): throw FluxCLIError(status.message)
                }
                let rows = try rows(context, kind, [object], includeKind: false)
                let header = first && !context.flags.bool("no-header") ? headers(kind, allNamespaces) : []
                first = false
                context.out(TablePrinter.render(header: header, rows: rows))
            }
            throw FluxCLIError("timed out waiting for the condition")
        }
    }
}
