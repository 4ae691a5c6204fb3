import GoCompat
import KubeModel

/// The versions this CLI reports.
public enum FluxVersion {
    /// The flux CLI version reproduced (`flux version --client`, `flux --version`).
    public static let cli = "2.2.0"
}

/// flux's root persistent flags: `--timeout`, `--verbose` and the kubectl connection flags
/// (`genericclioptions.ConfigFlags`, without `--request-timeout`, `--server` without `-s`).
public struct GlobalOptions: Sendable {
    public var namespace: String
    public var kubeconfig: String
    public var context: String
    public var cluster: String
    public var user: String
    public var server: String
    public var token: String
    public var insecureSkipTLSVerify: Bool
    public var certificateAuthority: String
    public var clientCertificate: String
    public var clientKey: String
    public var tlsServerName: String
    public var impersonate: String
    public var impersonateGroups: [String]
    public var impersonateUID: String
    public var qps: Double
    public var burst: Int
    public var timeout: GoDuration
    public var verbose: Bool

    public init(_ flags: FlagValues) {
        namespace = flags.string("namespace")
        kubeconfig = flags.string("kubeconfig")
        context = flags.string("context")
        cluster = flags.string("cluster")
        user = flags.string("user")
        server = flags.string("server")
        token = flags.string("token")
        insecureSkipTLSVerify = flags.bool("insecure-skip-tls-verify")
        certificateAuthority = flags.string("certificate-authority")
        clientCertificate = flags.string("client-certificate")
        clientKey = flags.string("client-key")
        tlsServerName = flags.string("tls-server-name")
        impersonate = flags.string("as")
        impersonateGroups = flags.strings("as-group")
        impersonateUID = flags.string("as-uid")
        qps = flags.double("kube-api-qps")
        burst = Int(flags.int("kube-api-burst"))
        timeout = flags.duration("timeout")
        verbose = flags.bool("verbose")
    }

    /// The default namespace: `flux-system`, or a valid `$FLUX_SYSTEM_NAMESPACE`.
    static func defaultNamespace(_ environment: FluxEnvironment) -> String {
        if let fromEnv = environment.variables["FLUX_SYSTEM_NAMESPACE"], !fromEnv.isEmpty,
           Validation.isDNS1123Label(fromEnv) {
            return fromEnv
        }
        return "flux-system"
    }

    /// The root command's persistent flags, with flux's usage texts.
    static func flags(_ environment: FluxEnvironment) -> [FlagSpec] {
        [
            FlagSpec("timeout", .duration, default: "5m0s", usage: "timeout for this operation"),
            FlagSpec("verbose", .bool, usage: "print generated objects"),
            FlagSpec("as", .string, usage: "Username to impersonate for the operation. User could be a regular user or a service account in a namespace."),
            FlagSpec("as-group", .stringArray, usage: "Group to impersonate for the operation, this flag can be repeated to specify multiple groups."),
            FlagSpec("as-uid", .string, usage: "UID to impersonate for the operation."),
            FlagSpec("cache-dir", .string, default: "$HOME/.kube/cache", usage: "Default cache directory"),
            FlagSpec("certificate-authority", .string, usage: "Path to a cert file for the certificate authority to authenticate the Kubernetes API server"),
            FlagSpec("client-certificate", .string, usage: "Path to a client certificate file for TLS authentication to the Kubernetes API server"),
            FlagSpec("client-key", .string, usage: "Path to a client key file for TLS authentication to the Kubernetes API server"),
            FlagSpec("cluster", .string, usage: "The name of the kubeconfig cluster to use"),
            FlagSpec("context", .string, usage: "The name of the kubeconfig context to use"),
            FlagSpec("disable-compression", .bool, usage: "If true, opt-out of response compression for all requests to the server"),
            FlagSpec("insecure-skip-tls-verify", .bool, usage: "If true, the Kubernetes API server's certificate will not be checked for validity. This will make your HTTPS connections insecure"),
            FlagSpec("kubeconfig", .string, usage: "Path to the kubeconfig file to use for CLI requests."),
            FlagSpec("namespace", short: "n", .string, default: defaultNamespace(environment), usage: "If present, the namespace scope for this CLI request"),
            FlagSpec("server", .string, usage: "The address and port of the Kubernetes API server"),
            FlagSpec("tls-server-name", .string, usage: "Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used"),
            FlagSpec("token", .string, usage: "Bearer token for authentication to the API server"),
            FlagSpec("user", .string, usage: "The name of the kubeconfig user to use"),
            FlagSpec("kube-api-burst", .int, default: "300", usage: "The maximum burst queries-per-second of requests sent to the Kubernetes API."),
            FlagSpec("kube-api-qps", .float32, default: "50", usage: "The maximum queries-per-second of requests sent to the Kubernetes API."),
        ]
    }
}
