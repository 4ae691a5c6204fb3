import Foundation
import KubeModel
import StructuredData

/// `flux create secret git|helm|oci|tls`: credential Secrets for Flux sources.
enum CreateSecret {
    /// `--export` prints the manifest (`Println` adds a blank line, except for `tls`); otherwise the
    /// Secret is applied and `action` is logged.
    static func finish(_ context: FluxContext, _ secret: KubeObject, trailingNewline: Bool = true,
                       action: String, before: (@Sendable () -> Void)? = nil) async throws {
        if context.flags.bool("export") {
            context.out(try SourceSecret.content(secret) + (trailingNewline ? "\n" : ""))
            return
        }
        before?()
        try await context.withSession { session in try await SourceSecret.upsert(session, secret) }
        context.logger.action(action)
    }

    static func git() -> Command {
        var git = Command(use: "git [name]", short: "Create or update a Kubernetes secret for Git authentication",
                          long: "The create secret git command generates a Kubernetes secret with Git credentials.\nFor Git over SSH, the host and SSH keys are automatically generated and stored in the secret.\nFor Git over HTTP/S, the provided basic authentication credentials or bearer authentication token are stored in the secret.")
        git.flags = [
            FlagSpec("url", .string, usage: "git address, e.g. ssh://git@host/org/repository"),
            FlagSpec("username", short: "u", .string, usage: "basic authentication username"),
            FlagSpec("password", short: "p", .string, usage: "basic authentication password"),
        ] + SSHKeyFlags.specs + [
            FlagSpec("ca-file", .string, usage: "path to TLS CA file used for validating self-signed certificates"),
            FlagSpec("ca-crt-file", .string, usage: "path to TLS CA certificate file used for validating self-signed certificates; takes precedence over --ca-file"),
            FlagSpec("private-key-file", .string, usage: "path to a passwordless private key file used for authenticating to the Git SSH server"),
            FlagSpec("bearer-token", .string, usage: "bearer authentication token"),
        ]
        git.run = { invocation in
            let context = FluxContext(invocation)
            let f = context.flags
            let name = context.args[0]
            let url = f.string("url")
            if url.isEmpty { throw FluxCLIError("url is required") }
            guard let components = URLComponents(string: url) else {
                throw FluxCLIError("git URL parse failed: parse \(FlagConversion.goQuote(url)): invalid URL")
            }
            var options = SourceSecretOptions(name: name, namespace: context.namespace, labels: try CreateSupport.labels(context))
            switch components.scheme ?? "" {
            case "ssh":
                options.keyPair = try SSHKeys.loadKeyPair(context, path: f.string("private-key-file"), password: f.string("password"))
                options.sshHost = components.host ?? ""
                options.sshPort = components.port ?? 22
                options.keyAlgorithm = try SSHKeyFlags.algorithm(context)
                options.password = f.string("password")
            case "http", "https":
                let (user, password, token) = (f.string("username"), f.string("password"), f.string("bearer-token"))
                if (user.isEmpty || password.isEmpty) && token.isEmpty {
                    throw FluxCLIError("for Git over HTTP/S the username and password, or a bearer token is required")
                }
                options.username = user
                options.password = password
                options.bearerToken = token
                if !user.isEmpty && !password.isEmpty && !token.isEmpty {
                    throw FluxCLIError("user credentials and bearer token cannot be used together")
                }
                if !f.string("ca-crt-file").isEmpty {
                    options.caCrt = try CreateSupport.readFile(context, f.string("ca-crt-file"), "unable to read TLS CA file")
                } else if !f.string("ca-file").isEmpty {
                    options.caFile = try CreateSupport.readFile(context, f.string("ca-file"), "unable to read TLS CA file")
                }
            default:
                throw FluxCLIError("git URL scheme '\(components.scheme ?? "")' not supported, can be: ssh, http and https")
            }
            let secret = try await SourceSecret.generate(options, context.environment)
            let publicKey = secret.raw[path: ["stringData", SourceSecret.publicKeyKey]]?.stringValue
            let logger = context.logger
            try await finish(context, secret, action: "git secret '\(name)' created in '\(context.namespace)' namespace") {
                if let publicKey { logger.generate("deploy key: \(publicKey)") }
            }
        }
        return git
    }

    static func helm() -> Command {
        var helm = Command(use: "helm [name]", short: "Create or update a Kubernetes secret for Helm repository authentication",
                           long: "The create secret helm command generates a Kubernetes secret with basic authentication credentials.")
        let deprecation = "please use the command `flux create secret tls` to generate TLS secrets"
        helm.flags = [
            FlagSpec("username", short: "u", .string, usage: "basic authentication username"),
            FlagSpec("password", short: "p", .string, usage: "basic authentication password"),
            FlagSpec("cert-file", .string, usage: "TLS authentication cert file path", deprecated: deprecation),
            FlagSpec("key-file", .string, usage: "TLS authentication key file path", deprecated: deprecation),
            FlagSpec("ca-file", .string, usage: "TLS authentication CA file path", deprecated: deprecation),
        ]
        helm.run = { invocation in
            let context = FluxContext(invocation)
            let f = context.flags
            let name = context.args[0]
            var options = SourceSecretOptions(name: name, namespace: context.namespace, labels: try CreateSupport.labels(context))
            if !f.string("ca-file").isEmpty {
                options.caFile = try CreateSupport.readFile(context, f.string("ca-file"), "unable to read TLS CA file")
            }
            if !f.string("cert-file").isEmpty && !f.string("key-file").isEmpty {
                options.certFile = try CreateSupport.readFile(context, f.string("cert-file"), "failed to read cert file")
                options.keyFile = try CreateSupport.readFile(context, f.string("key-file"), "failed to read key file")
            }
            options.username = f.string("username")
            options.password = f.string("password")
            let secret = try await SourceSecret.generate(options, context.environment)
            try await finish(context, secret, action: "helm secret '\(name)' created in '\(context.namespace)' namespace")
        }
        return helm
    }

    static func oci() -> Command {
        var oci = Command(use: "oci [name]", short: "Create or update a Kubernetes image pull secret",
                          long: "The create secret oci command generates a Kubernetes secret that can be used for OCIRepository authentication")
        oci.flags = [
            FlagSpec("url", .string, usage: "oci repository address e.g ghcr.io/stefanprodan/charts"),
            FlagSpec("username", short: "u", .string, usage: "basic authentication username"),
            FlagSpec("password", short: "p", .string, usage: "basic authentication password"),
        ]
        oci.run = { invocation in
            let context = FluxContext(invocation)
            let f = context.flags
            let name = context.args[0]
            if f.string("url").isEmpty { throw FluxCLIError("--url is required") }
            if f.string("username").isEmpty { throw FluxCLIError("--username is required") }
            if f.string("password").isEmpty { throw FluxCLIError("--password is required") }
            var options = SourceSecretOptions(name: name, namespace: context.namespace)
            options.registry = f.string("url")
            options.username = f.string("username")
            options.password = f.string("password")
            let secret = try await SourceSecret.generate(options, context.environment)
            try await finish(context, secret, action: "oci secret '\(name)' created in '\(context.namespace)' namespace")
        }
        return oci
    }

    static func tls() -> Command {
        var tls = Command(use: "tls [name]", short: "Create or update a Kubernetes secret with TLS certificates",
                          long: "The create secret tls command generates a Kubernetes secret with certificates for use with TLS.")
        tls.flags = [
            FlagSpec("cert-file", .string, usage: "TLS authentication cert file path", deprecated: "please use --tls-crt-file instead"),
            FlagSpec("key-file", .string, usage: "TLS authentication key file path", deprecated: "please use --tls-key-file instead"),
            FlagSpec("ca-file", .string, usage: "TLS authentication CA file path", deprecated: "please use --ca-crt-file instead"),
            FlagSpec("tls-crt-file", .string, usage: "TLS authentication cert file path"),
            FlagSpec("tls-key-file", .string, usage: "TLS authentication key file path"),
            FlagSpec("ca-crt-file", .string, usage: "TLS authentication CA file path"),
        ]
        tls.run = { invocation in
            let context = FluxContext(invocation)
            let f = context.flags
            let name = context.args[0]
            var options = SourceSecretOptions(name: name, namespace: context.namespace, labels: try CreateSupport.labels(context))
            if !f.string("ca-crt-file").isEmpty {
                options.caCrt = try CreateSupport.readFile(context, f.string("ca-crt-file"), "unable to read TLS CA file")
            } else if !f.string("ca-file").isEmpty {
                options.caFile = try CreateSupport.readFile(context, f.string("ca-file"), "unable to read TLS CA file")
            }
            if !f.string("tls-crt-file").isEmpty && !f.string("tls-key-file").isEmpty {
                options.tlsCrt = try CreateSupport.readFile(context, f.string("tls-crt-file"), "failed to read cert file")
                options.tlsKey = try CreateSupport.readFile(context, f.string("tls-key-file"), "failed to read key file")
            } else if !f.string("cert-file").isEmpty && !f.string("key-file").isEmpty {
                options.certFile = try CreateSupport.readFile(context, f.string("cert-file"), "failed to read cert file")
                options.keyFile = try CreateSupport.readFile(context, f.string("key-file"), "failed to read key file")
            }
            let secret = try await SourceSecret.generate(options, context.environment)
            try await finish(context, secret, trailingNewline: false, action: "tls secret '\(name)' created in '\(context.namespace)' namespace")
        }
        return tls
    }
}
