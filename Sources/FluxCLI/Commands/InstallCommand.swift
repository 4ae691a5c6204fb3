import FluxAPI
import FluxInstall
import FluxSSA
import KubeModel
import StructuredData

/// `flux install`: the Flux CRDs and controllers (run by the SwiftFlux image), exported or applied
/// with server-side apply, with flux 2.2's guardrails for clusters already running Flux.
enum InstallCommand {
    static func command() -> Command {
        var install = Command(use: "install", short: "Install or upgrade Flux",
                              long: "The install command deploys Flux in the specified namespace.\nIf a previous version is installed, then an in-place upgrade will be performed.",
                              example: """
                                # Install the latest version in the flux-system namespace
                                flux install --namespace=flux-system

                                # Install a specific series of components
                                flux install --components="source-controller,kustomize-controller"

                                # Install all components including the image automation ones
                                flux install --components-extra="image-reflector-controller,image-automation-controller"

                                # Install Flux onto tainted Kubernetes nodes
                                flux install --toleration-keys=node.kubernetes.io/dedicated-to-flux

                                # Dry-run install
                                flux install --export | kubectl apply --dry-run=client -f-

                                # Write install manifests to file
                                flux install --export > flux-system.yaml
                              """)
        install.noArgs = true
        install.flags = [
            FlagSpec("export", .bool, usage: "write the install manifests to stdout and exit"),
            FlagSpec("version", short: "v", .string, usage: "toolkit version, when specified the manifests are downloaded from https://github.com/fluxcd/flux2/releases"),
            FlagSpec("components", .strings, default: "[" + FluxComponent.defaults.map(\.rawValue).joined(separator: ",") + "]",
                     usage: "list of components, accepts comma-separated values"),
            FlagSpec("components-extra", .strings,
                     usage: "list of components in addition to those supplied or defaulted, accepts values such as 'image-reflector-controller,image-automation-controller'"),
            FlagSpec("manifests", .string, usage: "path to the manifest directory", hidden: true),
            FlagSpec("registry", .string, default: InstallOptions.defaultRegistry, usage: "container registry where the toolkit images are published"),
            FlagSpec("image", .string, usage: "the SwiftFlux image every controller runs (default <registry>/swiftflux:<tag>)", hidden: true),
            FlagSpec("image-pull-secret", .string, usage: "Kubernetes secret name used for pulling the toolkit images from a private registry"),
            FlagSpec("watch-all-namespaces", .bool, default: "true",
                     usage: "watch for custom resources in all namespaces, if set to false it will only watch the namespace where the toolkit is installed"),
            FlagSpec("log-level", .custom("logLevel"), default: "info", usage: "log level, available options are: (debug, info, error)") { value in
                LogsCommand.levels.contains(value) ? nil : "unsupported log level '\(value)', must be one of: debug, info, error"
            },
            FlagSpec("network-policy", .bool, default: "true",
                     usage: "deny ingress access to the toolkit controllers from other namespaces using network policies"),
            FlagSpec("cluster-domain", .string, default: "cluster.local", usage: "internal cluster domain"),
            FlagSpec("toleration-keys", .strings, usage: "list of toleration keys used to schedule the components pods onto nodes with matching taints"),
            FlagSpec("force", .bool, usage: "override existing Flux installation if it's managed by a diffrent tool such as Helm"),
        ]
        install.run = { try await run(FluxContext($0)) }
        return install
    }

    /// The install options from the flags (`--version` defaults to flux's own).
    static func options(_ context: FluxContext) throws -> InstallOptions {
        var o = InstallOptions()
        o.namespace = context.namespace
        o.components = context.flags.strings("components")
        o.componentsExtra = context.flags.strings("components-extra")
        let all = FluxComponent.allCases.map(\.rawValue)
        for component in o.components + o.componentsExtra where !all.contains(component) {
            throw FluxCLIError("component \(component) is not available")
        }
        let version = context.flags.string("version")
        o.version = version.isEmpty || version == "latest" ? InstallOptions.fluxVersion : version
        o.registry = context.flags.string("registry")
        o.imageTag = context.environment.imageTag
        let image = context.flags.string("image")
        o.image = image.isEmpty ? nil : image
        let pullSecret = context.flags.string("image-pull-secret")
        o.imagePullSecret = pullSecret.isEmpty ? nil : pullSecret
        o.watchAllNamespaces = context.flags.bool("watch-all-namespaces")
        o.networkPolicy = context.flags.bool("network-policy")
        o.logLevel = context.flags.string("log-level")
        o.clusterDomain = context.flags.string("cluster-domain")
        return o
    }

    static func run(_ context: FluxContext) async throws {
        let logger = context.logger
        let opts = try options(context)
        let export = context.flags.bool("export")
        if !export { logger.generate("generating manifests") }
        let manifest: String
        let objects: [JSONValue]
        do {
            objects = try InstallManifests.objects(opts)
            manifest = try InstallManifests.export(opts)
        } catch {
            throw FluxCLIError("install failed: \(error.description)")
        }
        if export {
            context.out(manifest)
            return
        }
        if context.options.verbose { context.out(manifest) }
        logger.success("manifests build completed")
        logger.action("installing components in \(context.namespace) namespace")
        try await context.withSession { session in
            var installed = true
            var info = ClusterInfo()
            do { info = try await ClusterInfo.read(session) } catch {
                guard ClusterInfo.isNotFound(error) else { throw FluxCLIError("cluster info unavailable: \(ErrorText.describe(error))") }
                installed = false
            }
            if info.bootstrapped {
                throw FluxCLIError("this cluster has already been bootstrapped with Flux \(info.version)! Please use 'flux bootstrap' to upgrade")
            }
            if installed && !context.flags.bool("force") && !info.managedByFlux {
                context.err("Flux \(info.version) has been installed on this cluster with \(info.managedBy)!\n")
                guard await Prompt.confirm(context.environment, "Are you sure you want to override the \(info.managedBy) installation? Y/N") else {
                    throw FluxCLIError("installation cancelled")
                }
            }
            let changeSet = try await apply(session, objects.map(KubeObject.init))
            context.err(changeSet + "\n")
            logger.waiting("verifying installation")
            var failed = false
            for component in (opts.components + opts.componentsExtra).sorted() {
                let ready = (try? await context.poller.until { () async throws -> Bool? in
                    guard let deployment = try? await session.get(Builtin.deployments, namespace: context.namespace, name: component) else {
                        return nil
                    }
                    return (try? Readiness.isCurrentStatus(deployment)) == true ? true : nil
                }) ?? false
                if ready { logger.success("\(component): deployment ready") } else {
                    logger.failure("\(component): deployment not ready")
                    failed = true
                }
            }
            if failed { throw FluxCLIError("install failed") }
            logger.success("install finished")
        }
    }

    /// `utils.Apply`: CRDs and Namespaces first (waited for), then everything else, as the
    /// `flux` field manager; returns the change set lines.
    static func apply(_ session: KubeSession, _ objects: [KubeObject]) async throws -> String {
        let manager = ResourceManager(client: session.client, owner: Owner(field: "flux", group: "fluxcd.io"))
        let stageOne = objects.filter(\.isClusterDefinition)
        let stageTwo = objects.filter { !$0.isClusterDefinition }
        var changeSet = ChangeSet()
        do {
            if !stageOne.isEmpty {
                changeSet.append(try await manager.applyAll(stageOne))
                try await manager.waitForSet(changeSet.objMetadataSet, options: WaitOptions(interval: .seconds(2), timeout: .seconds(60)))
            }
            if !stageTwo.isEmpty { changeSet.append(try await manager.applyAll(stageTwo)) }
        } catch {
            throw FluxCLIError("install failed: \(error.message)")
        }
        return changeSet.description
    }
}
