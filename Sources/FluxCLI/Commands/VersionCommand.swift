import FluxAPI
import KubeModel
import StructuredData

/// `flux version`: the CLI version and, unless `--client`, the distribution and controller images
/// running in the cluster.
enum VersionCommand {
    static func command() -> Command {
        var version = Command(use: "version", short: "Print the client and server-side components version information.",
                              long: "Print the client and server-side components version information for the current context.",
                              example: """
                              # Print client and server-side version
                              \tflux version

                              \t# Print only client version
                              \tflux version --client

                              \t# Print information in json format
                              \tflux version -o json

                              """)
        version.flags = [
            FlagSpec("client", .bool, usage: "print only client version"),
            FlagSpec("output", short: "o", .string, default: "yaml",
                     usage: "the format in which the information should be printed. can be 'json' or 'yaml'"),
        ]
        version.run = { try await run(FluxContext($0)) }
        return version
    }

    static func run(_ context: FluxContext) async throws {
        let output = context.flags.string("output")
        guard output == "yaml" || output == "json" else { throw FluxCLIError("--output must be json or yaml, not \(output)") }
        var distribution = ""
        var controllers: [String: String] = [:]
        if !context.flags.bool("client") {
            try await context.withSession { session in
                let info = try? await ClusterInfo.read(session)
                distribution = info?.distribution ?? ""
                let deployments = try await session.list(Builtin.deployments, namespace: context.namespace,
                                                         labelSelector: "\(FluxLabels.partOf)=\(FluxLabels.partOfValue)")
                if deployments.isEmpty { throw FluxCLIError("no deployments found in \(context.namespace) namespace") }
                for deployment in deployments {
                    for container in deployment.raw[path: ["spec", "template", "spec", "containers"]]?.arrayValue ?? [] {
                        let image = container["image"]?.stringValue ?? ""
                        let (name, tag) = try splitImage(image)
                        controllers[name] = tag
                    }
                }
            }
        }
        let client = "v\(FluxVersion.cli)"
        if output == "json" {
            var entries: [(String, String)] = [("flux", client)]
            if !distribution.isEmpty { entries.append(("distribution", distribution)) }
            entries += controllers.map { ($0.key, $0.value) }
            var object: JSONObject = [:]
            for (k, v) in entries.sorted(by: { $0.0 < $1.0 }) { object[k] = .string(v) }
            context.out(JSONValue.object(object).serialized(JSONWriteOptions(indent: "  ")) + "\n")
        } else {
            var text = "flux: \(client)\n"
            if !distribution.isEmpty { text += "distribution: \(distribution)\n" }
            for (k, v) in controllers.sorted(by: { $0.key < $1.key }) {
                text += try YAML.serialize(.object([k: .string(v)]))
            }
            context.out(text)
        }
    }

    /// `splitImageStr`: the repository's last path element and the tag.
    static func splitImage(_ image: String) throws -> (String, String) {
        var repo = image
        if let slash = image.firstIndex(of: "/") {
            let first = image[..<slash]
            if first.contains(".") || first.contains(":") || first == "localhost" { repo = String(image[slash...]) }
        }
        let parts = repo.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { throw FluxCLIError("missing image tag in image \(image)") }
        let tag = String(repo.dropFirst(parts[0].count + 1))
        let name = parts[0].split(separator: "/").last.map(String.init) ?? String(parts[0])
        return (name, tag)
    }
}

/// `getFluxClusterInfo`: what the `gitrepositories.source.toolkit.fluxcd.io` CRD's labels tell
/// about the Flux installation.
struct ClusterInfo: Sendable {
    /// Installed by `flux bootstrap` (the kustomize-controller owner labels are set).
    var bootstrapped = false
    /// `app.kubernetes.io/managed-by`.
    var managedBy = ""
    /// `app.kubernetes.io/part-of`.
    var partOf = ""
    /// `app.kubernetes.io/version`.
    var version = ""

    /// `<part-of>-<version>`, or the version alone.
    var distribution: String { partOf.isEmpty ? version : "\(partOf)-\(version)" }

    /// `installManagedByFlux`.
    var managedByFlux: Bool { managedBy.isEmpty || managedBy == "flux" }

    /// Reads the CRD; throws its NotFound error when Flux is not installed.
    static func read(_ session: KubeSession) async throws(FluxCLIError) -> ClusterInfo {
        let crd = try await session.get(Builtin.customResourceDefinitions, namespace: nil,
                                        name: "\(GitRepository.apiResource.resource).\(FluxGroups.source)")
        let labels = crd.labels
        var info = ClusterInfo()
        info.version = labels[FluxLabels.version] ?? ""
        // flux reads both bootstrap labels but only the last one decides.
        info.bootstrapped = labels[FluxLabels.kustomizeNamespace] != nil
        info.managedBy = labels["app.kubernetes.io/managed-by"] ?? ""
        info.partOf = labels[FluxLabels.partOf] ?? ""
        return info
    }

    /// Whether `error` says the CRD is absent.
    static func isNotFound(_ error: any Error) -> Bool { ErrorText.describe(error).hasSuffix("not found") }
}
