import FluxAPI
import KubeModel
import StructuredData

/// `flux reconcile`: annotate with `reconcile.fluxcd.io/requestedAt`, wait for the controller to
/// handle it (`status.lastHandledReconcileAt` changes and kstatus is Current), require Ready.
enum ReconcileCommand {
    /// Kinds whose reconcile can reconcile their source first (`--with-source`).
    static let withSourceKinds: Set<String> = ["HelmRelease", "Kustomization", "HelmChart"]

    static func command(_ kinds: [FluxKind]) -> Command {
        var reconcile = Command(use: "reconcile", short: "Reconcile sources and resources",
                                long: "The reconcile sub-commands trigger a reconciliation of sources and resources.")
        var source = Command(use: "source", short: "Reconcile sources",
                             long: "The reconcile source sub-commands trigger a reconciliation of sources.")
        var image = Command(use: "image", short: "Reconcile image automation objects",
                            long: "The reconcile sub-commands trigger a reconciliation of image automation objects.")
        for kind in kinds where kind.verbs.contains(.reconcile) {
            var leaf = Command(use: "\(kind.name) [name]", aliases: kind.aliases, short: kind.shorts[.reconcile] ?? "")
            leaf.completeArgs = Completions.objectNames(kind)
            if withSourceKinds.contains(kind.kind) {
                leaf.flags = [FlagSpec("with-source", .bool, usage: "reconcile \(kind.kind) source")]
                if kind.kind == HelmRelease.apiResource.kind {
                    leaf.flags += [
                        FlagSpec("force", .bool, usage: "force a one-off install or upgrade of the HelmRelease resource"),
                        FlagSpec("reset", .bool, usage: "reset the reset the failure count for this HelmRelease resource"),
                    ]
                }
                leaf.run = { invocation in
                    let context = FluxContext(invocation)
                    if invocation.args.isEmpty { throw FluxCLIError("\(kind.kind) name is required") }
                    try await context.withSession { session in
                        try await runWithSource(context, session, kind, name: invocation.args.first,
                                                namespace: context.namespace, force: false)
                    }
                }
            } else {
                leaf.run = { invocation in
                    let context = FluxContext(invocation)
                    if invocation.args.isEmpty { throw FluxCLIError("\(kind.kind) name is required") }
                    try await context.withSession { session in
                        try await runPlain(context, session, kind, name: invocation.args.first, namespace: context.namespace)
                    }
                }
            }
            switch kind.group {
            case .source: source.subcommands.append(leaf)
            case .image: image.subcommands.append(leaf)
            case .none: reconcile.subcommands.append(leaf)
            }
        }
        reconcile.subcommands += [source, image]
        return reconcile
    }

    /// flux's `reconcileCommand`.
    static func runPlain(_ context: FluxContext, _ session: KubeSession, _ kind: FluxKind, name: String?,
                         namespace: String) async throws {
        guard let name else { throw FluxCLIError("\(kind.kind) name is required") }
        let resource = try await session.resource(kind.gvk)
        let object = try await session.get(resource, namespace: namespace, name: name)
        if kind.isStatic(object) {
            context.logger.success("reconciliation not supported by the object")
            return
        }
        if object.isSuspendedSpec { throw FluxCLIError("resource is suspended") }
        context.logger.action("annotating \(kind.kind) \(name) in \(namespace) namespace")
        try await requestReconciliation(context, session, kind, resource, name: name, namespace: namespace)
        context.logger.success("\(kind.kind) annotated")
        let ready = try await waitHandled(context, session, kind, resource, name: name, namespace: namespace,
                                          lastHandled: object.lastHandledReconcileAt)
        guard let condition = ready.readyCondition else { throw FluxCLIError("status can't be determined") }
        if condition.status != .true {
            throw FluxCLIError("\(kind.kind) reconciliation failed: '\(condition.message)'")
        }
        context.logger.success(kind.successMessage(ready))
    }

    /// flux's `reconcileWithSourceCommand`: the source first when asked (or `force`d), then the object.
    static func runWithSource(_ context: FluxContext, _ session: KubeSession, _ kind: FluxKind, name: String?,
                              namespace: String, force: Bool) async throws {
        guard let name else { throw FluxCLIError("\(kind.kind) name is required") }
        let resource = try await session.resource(kind.gvk)
        let object = try await session.get(resource, namespace: namespace, name: name)
        if object.isSuspendedSpec { throw FluxCLIError("resource is suspended") }
        if context.flags.bool("with-source") || force, let reference = kind.source?(object) {
            guard let sourceKind = FluxKinds.named(reference.kind) else {
                throw FluxCLIError("source kind '\(reference.kind)' is not supported")
            }
            let sourceNamespace = reference.namespace.isEmpty ? namespace : reference.namespace
            if withSourceKinds.contains(sourceKind.kind) {
                try await runWithSource(context, session, sourceKind, name: reference.name, namespace: sourceNamespace, force: true)
            } else {
                try await runPlain(context, session, sourceKind, name: reference.name, namespace: sourceNamespace)
            }
        }
        let lastHandled = object.lastHandledReconcileAt
        context.logger.action("annotating \(kind.kind) \(name) in \(namespace) namespace")
        try await requestReconciliation(context, session, kind, resource, name: name, namespace: namespace)
        context.logger.success("\(kind.kind) annotated")
        let ready = try await waitHandled(context, session, kind, resource, name: name, namespace: namespace,
                                          lastHandled: lastHandled)
        guard let condition = ready.readyCondition else { throw FluxCLIError("status can't be determined") }
        if condition.status != .true {
            throw FluxCLIError("\(kind.kind) reconciliation failed: \(condition.message)")
        }
        context.logger.success(kind.successMessage(ready))
    }

    /// Writes `requestedAt` (and for HelmReleases `forceAt`/`resetAt` when asked), all with one
    /// RFC 3339 nano timestamp.
    static func requestReconciliation(_ context: FluxContext, _ session: KubeSession, _ kind: FluxKind,
                                      _ resource: APIResource, name: String, namespace: String) async throws {
        let token = context.environment.now().rfc3339Nano
        var annotations: JSONObject = [FluxAnnotations.reconcileRequestedAt: .string(token)]
        if kind.kind == HelmRelease.apiResource.kind {
            if context.flags.bool("force") { annotations[FluxAnnotations.forceRequestedAt] = .string(token) }
            if context.flags.bool("reset") { annotations[FluxAnnotations.resetRequestedAt] = .string(token) }
        }
        try await session.mergePatch(resource, namespace: namespace, name: name, ["metadata": ["annotations": .object(annotations)]])
    }

    /// `reconciliationHandled`: polls until `lastHandledReconcileAt` moved and kstatus is Current.
    static func waitHandled(_ context: FluxContext, _ session: KubeSession, _ kind: FluxKind, _ resource: APIResource,
                            name: String, namespace: String, lastHandled: String) async throws -> KubeObject {
        context.logger.waiting("waiting for \(kind.kind) reconciliation")
        return try await context.poller.until { () async throws -> KubeObject? in
            let current = try await session.get(resource, namespace: namespace, name: name)
            if current.lastHandledReconcileAt == lastHandled { return nil }
            return try Readiness.isCurrentStatus(current) ? current : nil
        }
    }
}
