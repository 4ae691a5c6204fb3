import FluxAPI
import Foundation
import KubeModel
import StructuredData

/// `flux create source git`: a GitRepository, with a credentials Secret (basic auth, or an SSH
/// key pair and the host's public key) unless `--secret-ref` names one.
enum CreateSourceGit {
    static func command() -> Command {
        var git = Command(use: "git [name]", short: "Create or update a GitRepository source",
                          long: """
                          The create source git command generates a GitRepository resource and waits for it to sync.
                          For Git over SSH, host and SSH keys are automatically generated and stored in a Kubernetes secret.
                          For private Git repositories, the basic authentication credentials are stored in a Kubernetes secret.
                          """,
                          example: """
                            # Create a source from a public Git repository master branch
                            flux create source git podinfo \\
                              --url=https://github.com/stefanprodan/podinfo \\
                              --branch=master

                            # Create a source for a Git repository using SSH authentication
                            flux create source git podinfo \\
                              --url=ssh://git@github.com/stefanprodan/podinfo \\
                              --branch=master
                          """)
        git.flags = [
            FlagSpec("url", .string, usage: "git address, e.g. ssh://git@host/org/repository"),
            FlagSpec("branch", .string, usage: "git branch"),
            FlagSpec("tag", .string, usage: "git tag"),
            FlagSpec("tag-semver", .string, usage: "git tag semver range"),
            FlagSpec("ref-name", .string, usage: " git reference name"),
            FlagSpec("commit", .string, usage: "git commit"),
            FlagSpec("username", short: "u", .string, usage: "basic authentication username"),
            FlagSpec("password", short: "p", .string, usage: "basic authentication password"),
        ] + SSHKeyFlags.specs + [
            FlagSpec("secret-ref", .string, usage: "the name of an existing secret containing SSH or basic credentials"),
            FlagSpec("ca-file", .string, usage: "path to TLS CA file used for validating self-signed certificates"),
            FlagSpec("private-key-file", .string, usage: "path to a passwordless private key file used for authenticating to the Git SSH server"),
            FlagSpec("recurse-submodules", .bool,
                     usage: "when enabled, configures the GitRepository source to initialize and include Git submodules in the artifact it produces"),
            FlagSpec("silent", short: "s", .bool, usage: "assumes the deploy key is already setup, skips confirmation"),
            FlagSpec("ignore-paths", .strings, usage: "set paths to ignore in git resource (can specify multiple paths with commas: path1,path2)"),
        ]
        git.run = { try await run(FluxContext($0)) }
        return git
    }

    static func run(_ context: FluxContext) async throws {
        let name = context.args[0]
        let kind = FluxKinds.gitRepository
        let f = context.flags
        let url = f.string("url")
        if url.isEmpty { throw FluxCLIError("url is required") }
        guard let components = URLComponents(string: url) else {
            throw FluxCLIError("git URL parse failed: parse \(FlagConversion.goQuote(url)): invalid URL")
        }
        let scheme = components.scheme ?? ""
        if !["ssh", "http", "https"].contains(scheme) {
            throw FluxCLIError("git URL scheme '\(scheme)' not supported, can be: ssh, http and https")
        }
        if ["branch", "tag", "tag-semver", "commit", "ref-name"].allSatisfy({ f.string($0).isEmpty }) {
            throw FluxCLIError("a Git ref is required, use one of the following: --branch, --tag, --commit, --ref-name or --tag-semver")
        }
        if !f.string("ca-file").isEmpty && scheme == "ssh" {
            throw FluxCLIError("specifying a CA file is not supported for Git over SSH")
        }
        let labels = try CreateSupport.labels(context)
        var ref: JSONObject = [:]
        if !f.string("commit").isEmpty {
            ref["commit"] = .string(f.string("commit"))
            ref["branch"] = .string(f.string("branch"))
        } else if !f.string("ref-name").isEmpty {
            ref["name"] = .string(f.string("ref-name"))
        } else if !f.string("tag-semver").isEmpty {
            ref["semver"] = .string(f.string("tag-semver"))
        } else if !f.string("tag").isEmpty {
            ref["tag"] = .string(f.string("tag"))
        } else {
            ref["branch"] = .string(f.string("branch"))
        }
        var spec: JSONObject = ["url": .string(url), "interval": .string(CreateSupport.interval(context)),
                                "recurseSubmodules": .bool(f.bool("recurse-submodules")), "ref": .object(ref)]
        if !f.strings("ignore-paths").isEmpty { spec["ignore"] = .string(f.strings("ignore-paths").joined(separator: "\n")) }
        if f.duration("fetch-timeout").nanoseconds > 0 { spec["timeout"] = .string(f.duration("fetch-timeout").description) }
        let secretRef = f.string("secret-ref")
        if !secretRef.isEmpty { spec["secretRef"] = ["name": .string(secretRef)] }
        var object = CreateSupport.object(kind, name: name, namespace: context.namespace, labels: labels, spec: spec)
        if f.bool("export") { return try CreateSupport.export(context, object, kind) }

        let logger = context.logger
        try await context.withSession { session in
            logger.generate("generating GitRepository source")
            if secretRef.isEmpty {
                var options = SourceSecretOptions(name: name, namespace: context.namespace)
                switch scheme {
                case "ssh":
                    options.keyPair = try SSHKeys.loadKeyPair(context, path: f.string("private-key-file"), password: f.string("password"))
                    options.sshHost = components.host ?? ""
                    options.sshPort = components.port ?? 22
                    options.keyAlgorithm = try SSHKeyFlags.algorithm(context)
                    options.password = f.string("password")
                case "https":
                    if !f.string("ca-file").isEmpty {
                        options.caFile = try CreateSupport.readFile(context, f.string("ca-file"), "unable to read TLS CA file")
                    }
                    options.username = f.string("username")
                    options.password = f.string("password")
                default:
                    logger.warning("insecure configuration: credentials configured for an HTTP URL")
                    options.username = f.string("username")
                    options.password = f.string("password")
                }
                let secret = try await SourceSecret.generate(options, context.environment)
                let data = secret.raw["stringData"]?.objectValue ?? [:]
                if !data.isEmpty {
                    if let hostKey = data[SourceSecret.knownHostsKey]?.stringValue {
                        logger.success("collected public key from SSH server:\n\(hostKey)")
                    }
                    if let publicKey = data[SourceSecret.publicKeyKey]?.stringValue {
                        logger.generate("deploy key: \(publicKey)")
                        if !f.bool("silent") {
                            guard await Prompt.confirm(context.environment, "Have you added the deploy key to your repository") else {
                                throw FluxCLIError("aborting")
                            }
                        }
                    }
                    logger.action("applying secret with repository credentials")
                    try await SourceSecret.upsert(session, secret)
                    var newSpec = object.raw["spec"]?.objectValue ?? [:]
                    newSpec["secretRef"] = ["name": .string(name)]
                    object = CreateSupport.object(kind, name: name, namespace: context.namespace, labels: labels, spec: newSpec)
                    logger.success("authentication configured")
                }
            }
            logger.action("applying GitRepository source")
            logger.success(try await CreateSupport.upsert(session, kind, object) ? "GitRepository source created" : "GitRepository source updated")
            logger.waiting("waiting for GitRepository source reconciliation")
            let ready = try await CreateSupport.waitReady(context, session, kind, object)
            logger.success("GitRepository source reconciliation completed")
            guard let revision = ready.artifactRevision else {
                throw FluxCLIError("GitRepository source reconciliation completed but no artifact was found")
            }
            logger.success("fetched revision: \(revision)")
        }
    }
}
