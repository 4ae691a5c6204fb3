import FluxAPI
import FluxInstall
import GoCompat
import KStatus
import KubeModel
import SemVer
import StructuredData

/// `flux check`: the Kubernetes version (`--pre`), then the Flux installation: version labels,
/// controllers and CRDs.
enum CheckCommand {
    static let kubernetesConstraints = [">=1.26.0-0"]

    static func command() -> Command {
        var check = Command(use: "check", short: "Check requirements and installation",
                            long: TraceCommand.withPreviewNote("""
                            The check command will perform a series of checks to validate that
                            the local environment is configured correctly and if the installed components are healthy.
                            """),
                            example: """
                              # Run pre-installation checks
                              flux check --pre

                              # Run installation checks
                              flux check
                            """)
        check.flags = [
            FlagSpec("pre", .bool, usage: "only run pre-installation checks"),
            FlagSpec("components", .strings, default: "[" + FluxComponent.defaults.map(\.rawValue).joined(separator: ",") + "]",
                     usage: "list of components, accepts comma-separated values"),
            FlagSpec("components-extra", .strings, usage: "list of components in addition to those supplied or defaulted, accepts comma-separated values"),
            FlagSpec("poll-interval", .duration, default: "5s",
                     usage: "how often the health checker should poll the cluster for the latest state of the resources."),
        ]
        check.run = { try await run(FluxContext($0)) }
        return check
    }

    static func run(_ context: FluxContext) async throws {
        let logger = context.logger
        logger.action("checking prerequisites")
        try await context.withSession { session in
            var failed = !(await kubernetesCheck(context, session))
            if context.flags.bool("pre") {
                if failed { throw FluxCLIError.exit(1) }
                logger.success("prerequisites checks passed")
                return
            }
            logger.action("checking version in cluster")
            do {
                let info = try await ClusterInfo.read(session)
                if !info.distribution.isEmpty { logger.success("distribution: \(info.distribution)") }
                logger.success("bootstrapped: \(info.bootstrapped)")
            } catch {
                logger.failure("checking failed: \(ErrorText.describe(error))")
                failed = true
            }
            logger.action("checking controllers")
            if !(await componentsCheck(context, session)) { failed = true }
            logger.action("checking crds")
            if !(await crdsCheck(context, session)) { failed = true }
            if failed {
                logger.failure("check failed")
                throw FluxCLIError.exit(1)
            }
            logger.success("all checks passed")
        }
    }

    /// The server's version against `kubernetesConstraints`.
    static func kubernetesCheck(_ context: FluxContext, _ session: KubeSession) async -> Bool {
        let logger = context.logger
        let info: StructuredData.JSONValue
        do { info = try await session.serverVersion() } catch {
            logger.failure("Kubernetes API call failed: \(error.message)")
            return false
        }
        let gitVersion = info["gitVersion"]?.stringValue ?? ""
        guard let version = try? SemVer.Version(gitVersion) else {
            logger.failure("Kubernetes version can't be determined")
            return false
        }
        for constraint in kubernetesConstraints {
            if let c = try? Constraints(constraint), c.check(version) {
                logger.success("Kubernetes \(version) \(constraint)")
                return true
            }
        }
        logger.failure("Kubernetes version \(version.original) does not match \(kubernetesConstraints[0])")
        return false
    }

    /// The Flux Deployments in the namespace must become ready; their images are listed.
    static func componentsCheck(_ context: FluxContext, _ session: KubeSession) async -> Bool {
        let logger = context.logger
        let selector = "\(FluxLabels.partOf)=\(FluxLabels.partOfValue)"
        guard let deployments = try? await session.list(Builtin.deployments, namespace: context.namespace, labelSelector: selector) else {
            return true
        }
        if deployments.isEmpty {
            logger.failure("no controllers found in the '\(context.namespace)' namespace with the label selector '\(selector)'")
            return false
        }
        var ok = true
        let poller = Poller(interval: context.flags.duration("poll-interval").swiftDuration, timeout: context.options.timeout,
                            environment: context.environment)
        for deployment in deployments {
            let name = deployment.name
            let ready = (try? await poller.until { () async throws -> Bool? in
                guard let current = try? await session.get(Builtin.deployments, namespace: context.namespace, name: name) else {
                    return nil
                }
                return (try? Readiness.isCurrentStatus(current)) == true ? true : nil
            }) ?? false
            if ready { logger.success("\(name): deployment ready") } else {
                logger.failure("\(name): deployment not ready")
                ok = false
            }
            for container in deployment.raw[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? [] {
                logger.action(container["image"]?.stringValue ?? "")
            }
        }
        return ok
    }

    /// Every Flux CRD must have a stored version.
    static func crdsCheck(_ context: FluxContext, _ session: KubeSession) async -> Bool {
        let logger = context.logger
        let selector = "\(FluxLabels.partOf)=\(FluxLabels.partOfValue)"
        guard let crds = try? await session.list(Builtin.customResourceDefinitions, namespace: nil, labelSelector: selector) else {
            return true
        }
        if crds.isEmpty {
            logger.failure("no crds found with the label selector '\(selector)'")
            return false
        }
        var ok = true
        for crd in crds {
            if let stored = crd.raw[path: ["status", "storedVersions"]]?.arrayValue?.compactMap(\.stringValue), let last = stored.last {
                logger.success("\(crd.name)/\(last)")
            } else {
                ok = false
                logger.failure("no stored versions for \(crd.name)")
            }
        }
        return ok
    }
}
