import FluxAPI
import KubeModel

/// `flux uninstall`: deletes the controllers, the finalizers of Flux objects, the CRDs and the
/// namespace.
enum UninstallCommand {
    static func command() -> Command {
        var uninstall = Command(use: "uninstall", short: "Uninstall Flux and its custom resource definitions",
                                long: "The uninstall command removes the Flux components and the toolkit.fluxcd.io resources from the cluster.",
                                example: """
                                  # Uninstall Flux components, its custom resources and namespace
                                  flux uninstall --namespace=flux-system

                                  # Uninstall Flux but keep the namespace
                                  flux uninstall --namespace=infra --keep-namespace=true
                                """)
        uninstall.flags = [
            FlagSpec("keep-namespace", .bool, usage: "skip namespace deletion"),
            FlagSpec("dry-run", .bool, usage: "only print the objects that would be deleted"),
            FlagSpec("silent", short: "s", .bool, usage: "delete components without asking for confirmation"),
        ]
        uninstall.run = { try await run(FluxContext($0)) }
        return uninstall
    }

    static func run(_ context: FluxContext) async throws {
        let logger = context.logger
        let dryRun = context.flags.bool("dry-run")
        let suffix = dryRun ? "(dry run)" : ""
        let namespace = context.namespace
        try await context.withSession { session in
            if !dryRun && !context.flags.bool("silent") {
                var info = ClusterInfo()
                do { info = try await ClusterInfo.read(session) } catch {
                    if !ClusterInfo.isNotFound(error) { throw FluxCLIError("cluster info unavailable: \(ErrorText.describe(error))") }
                }
                let label = info.managedByFlux ? "Are you sure you want to delete Flux and its custom resource definitions"
                    : "Flux is managed by \(info.managedBy)! Are you sure you want to delete Flux and its CRDs using Flux CLI"
                guard await Prompt.confirm(context.environment, label) else { throw FluxCLIError("aborting") }
            }
            let selector = "\(FluxLabels.partOf)=\(FluxLabels.partOfValue)"
            logger.action("deleting components in \(namespace) namespace")
            for resource in [Builtin.deployments, Builtin.services, Builtin.networkPolicies, Builtin.serviceAccounts,
                             Builtin.clusterRoles, Builtin.clusterRoleBindings] {
                guard let items = try? await session.list(resource, namespace: resource.namespaced ? namespace : nil,
                                                          labelSelector: selector) else { continue }
                for item in items {
                    let subject = resource.namespaced ? "\(resource.kind)/\(item.namespace)/\(item.name)" : "\(resource.kind)/\(item.name)"
                    do {
                        try await session.delete(resource, namespace: item.namespace, name: item.name, dryRun: dryRun)
                        logger.success("\(subject) deleted \(suffix)")
                    } catch {
                        logger.failure("\(subject) deletion failed: \(ErrorText.describe(error))")
                    }
                }
            }
            logger.action("deleting toolkit.fluxcd.io finalizers in all namespaces")
            for kind in StatsCommand.order.compactMap(FluxKinds.named) {
                guard let items = try? await session.list(kind.resource, namespace: nil) else { continue }
                for var item in items {
                    item.finalizers = []
                    item.raw[path: ["metadata", "finalizers"]] = .array([])
                    let subject = "\(kind.kind)/\(item.namespace)/\(item.name)"
                    do {
                        _ = try await session.update(item, dryRun: dryRun)
                        logger.success("\(subject) finalizers deleted \(suffix)")
                    } catch {
                        logger.failure("\(subject) removing finalizers failed: \(ErrorText.describe(error))")
                    }
                }
            }
            logger.action("deleting toolkit.fluxcd.io custom resource definitions")
            if let crds = try? await session.list(Builtin.customResourceDefinitions, namespace: nil, labelSelector: selector) {
                for crd in crds {
                    do {
                        try await session.delete(Builtin.customResourceDefinitions, namespace: nil, name: crd.name, dryRun: dryRun)
                        logger.success("CustomResourceDefinition/\(crd.name) deleted \(suffix)")
                    } catch {
                        logger.failure("CustomResourceDefinition/\(crd.name) deletion failed: \(ErrorText.describe(error))")
                    }
                }
            }
            if !context.flags.bool("keep-namespace") {
                do {
                    try await session.delete(Builtin.namespaces, namespace: nil, name: namespace, dryRun: dryRun)
                    logger.success("Namespace/\(namespace) deleted \(suffix)")
                } catch {
                    logger.failure("Namespace/\(namespace) deletion failed: \(ErrorText.describe(error))")
                }
            }
            logger.success("uninstall finished")
        }
    }
}
