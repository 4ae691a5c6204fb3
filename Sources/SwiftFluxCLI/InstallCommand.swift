import Foundation
import ArgumentParser
import FluxInstall

/// `swiftflux install --export`: print the manifests that install Flux's CRDs and the controllers
/// (run by the SwiftFlux image) in a cluster, like `flux install --export`.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install or upgrade Flux",
        discussion: """
            Prints the Namespace, the Flux v2.2 CRDs, ServiceAccounts, RBAC, Services, Deployments \
            and NetworkPolicies for running the controllers in a cluster, each Deployment running \
            `swiftflux controllers --controllers <name>` from the SwiftFlux image.

            Examples:
              # Dry-run install
              swiftflux install --export | kubectl apply --dry-run=client -f-

              # Write install manifests to file, image automation included
              swiftflux install --export --components-extra=image-reflector-controller,image-automation-controller > flux-system.yaml
            """
    )

    @Flag(help: "write the install manifests to stdout and exit")
    var export = false

    @Option(name: .shortAndLong, help: "toolkit version the manifests describe (the app.kubernetes.io/version label)")
    var version: String = InstallOptions.fluxVersion

    @Option(name: .shortAndLong, help: "the namespace scope for this operation")
    var namespace: String = "flux-system"

    @Option(parsing: .singleValue, help: "list of components, accepts comma-separated values")
    var components: [String] = []

    @Option(name: .customLong("components-extra"), parsing: .singleValue,
            help: "list of components in addition to those supplied or defaulted, accepts values such as 'image-reflector-controller,image-automation-controller'")
    var componentsExtra: [String] = []

    @Option(help: "container registry where the SwiftFlux image is published")
    var registry: String = InstallOptions.defaultRegistry

    @Option(help: "the SwiftFlux image every controller runs (default <registry>/swiftflux:v<swiftflux version>)")
    var image: String?

    @Option(name: .customLong("image-pull-secret"), help: "Kubernetes secret name used for pulling the SwiftFlux image from a private registry")
    var imagePullSecret: String?

    @Option(name: .customLong("watch-all-namespaces"),
            help: "watch for custom resources in all namespaces, if set to false it will only watch the namespace where the toolkit is installed")
    var watchAllNamespaces: Bool = true

    @Option(name: .customLong("network-policy"), help: "deny ingress access to the toolkit controllers from other namespaces using network policies")
    var networkPolicy: Bool = true

    @Option(name: .customLong("log-level"), help: "log level, available options are: (debug, info, error)")
    var logLevel: String = "info"

    @Option(name: .customLong("cluster-domain"), help: "internal cluster domain")
    var clusterDomain: String = "cluster.local"

    /// Comma-separated and repeated values, as cobra's string slices take them.
    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    func options() -> InstallOptions {
        var o = InstallOptions()
        o.namespace = namespace
        if !components.isEmpty { o.components = Self.split(components) }
        o.componentsExtra = Self.split(componentsExtra)
        o.version = version
        o.registry = registry
        o.image = image
        o.imageTag = "v\(SwiftFluxVersion.current)"
        o.imagePullSecret = imagePullSecret
        o.watchAllNamespaces = watchAllNamespaces
        o.networkPolicy = networkPolicy
        o.logLevel = logLevel
        o.clusterDomain = clusterDomain
        return o
    }

    func run() throws {
        guard export else {
            throw FlagError("install applies nothing by itself yet; use --export and pipe the manifests to kubectl apply -f -")
        }
        do {
            print(try InstallManifests.export(options()), terminator: "")
        } catch {
            throw FlagError("install failed: \(error.description)")
        }
    }
}
