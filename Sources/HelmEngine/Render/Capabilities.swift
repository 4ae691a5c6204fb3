import GoTemplate
import SemVer

/// `.Capabilities` (Helm's `chartutil.Capabilities`): the Kubernetes version, the API versions
/// the cluster serves, and the Helm version.
public struct Capabilities: Sendable, Equatable {
    /// The server's GitVersion (`v1.28.3+k3s1`) plus Major/Minor as Kubernetes reports them.
    public struct KubeVersion: Sendable, Equatable {
        public var version: String
        public var major: String
        public var minor: String
        public init(version: String, major: String, minor: String) {
            self.version = version
            self.major = major
            self.minor = minor
        }

        /// Helm's `ParseKubeVersion`: a lenient semver, printed back as `v<major>.<minor>.<patch>…`.
        public static func parse(_ text: String) throws(HelmError) -> KubeVersion {
            guard let v = try? Version(text) else {
                throw HelmError(.other, "Invalid Semantic Version")
            }
            return KubeVersion(version: "v" + v.description, major: String(v.major), minor: String(v.minor))
        }
    }

    public var kubeVersion: KubeVersion
    /// `group/version` and `group/version/Kind` strings.
    public var apiVersions: [String]
    /// Helm's `version.BuildInfo.Version`.
    public var helmVersion: String
    public var goVersion: String

    public init(kubeVersion: KubeVersion = Capabilities.defaultKubeVersion,
                apiVersions: [String] = Capabilities.defaultAPIVersions,
                helmVersion: String = "v3.13", goVersion: String = "go1.20.11") {
        self.kubeVersion = kubeVersion
        self.apiVersions = apiVersions
        self.helmVersion = helmVersion
        self.goVersion = goVersion
    }

    /// The released Helm binary `swiftflux helm template` stands in for: with `helmVersion` set to
    /// it, `.Capabilities.HelmVersion` also reports its commit and a clean tree.
    public static let helmBinaryVersion = "v3.13.2"
    public static let helmBinaryGoVersion = "go1.20.10"
    static let helmBinaryGitCommit = "2a2fb3b98829f1e0be6fb18af2f6599e0f4e8243"

    /// Helm 3.13's client-only default (`v1.20.0`, what `helm template` reports unless built
    /// with Makefile ldflags).
    public static let defaultKubeVersion = KubeVersion(version: "v1.20.0", major: "1", minor: "20")

    /// Helm's `DefaultVersionSet`: every group/version in client-go v0.28's scheme plus
    /// apiextensions v1 and v1beta1.
    public static let defaultAPIVersions: [String] = [
        "v1",
        "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1", "admissionregistration.k8s.io/v1beta1",
        "internal.apiserver.k8s.io/v1alpha1",
        "apps/v1", "apps/v1beta1", "apps/v1beta2",
        "authentication.k8s.io/v1", "authentication.k8s.io/v1alpha1", "authentication.k8s.io/v1beta1",
        "authorization.k8s.io/v1", "authorization.k8s.io/v1beta1",
        "autoscaling/v1", "autoscaling/v2", "autoscaling/v2beta1", "autoscaling/v2beta2",
        "batch/v1", "batch/v1beta1",
        "certificates.k8s.io/v1", "certificates.k8s.io/v1alpha1", "certificates.k8s.io/v1beta1",
        "coordination.k8s.io/v1", "coordination.k8s.io/v1beta1",
        "discovery.k8s.io/v1", "discovery.k8s.io/v1beta1",
        "events.k8s.io/v1", "events.k8s.io/v1beta1",
        "extensions/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1alpha1", "flowcontrol.apiserver.k8s.io/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1beta2", "flowcontrol.apiserver.k8s.io/v1beta3",
        "networking.k8s.io/v1", "networking.k8s.io/v1alpha1", "networking.k8s.io/v1beta1",
        "node.k8s.io/v1", "node.k8s.io/v1alpha1", "node.k8s.io/v1beta1",
        "policy/v1", "policy/v1beta1",
        "rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1alpha1", "rbac.authorization.k8s.io/v1beta1",
        "resource.k8s.io/v1alpha2",
        "scheduling.k8s.io/v1", "scheduling.k8s.io/v1alpha1", "scheduling.k8s.io/v1beta1",
        "storage.k8s.io/v1", "storage.k8s.io/v1alpha1", "storage.k8s.io/v1beta1",
        "apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1",
    ]

    /// `VersionSet.Has`.
    public func has(_ apiVersion: String) -> Bool { apiVersions.contains(apiVersion) }
}

/// The template view of `Capabilities`.
struct CapabilitiesObject: GoObject {
    let capabilities: Capabilities
    var goType: GoType { HelmGoTypes.capabilities }
    var fieldNames: [String] { ["APIVersions", "KubeVersion", "HelmVersion"] }
    func field(_ name: String) -> GoValue? {
        switch name {
        case "APIVersions": return .object(VersionSetObject(versions: capabilities.apiVersions))
        case "KubeVersion": return .object(KubeVersionObject(version: capabilities.kubeVersion))
        case "HelmVersion": return .object(HelmVersionObject(version: capabilities.helmVersion, goVersion: capabilities.goVersion))
        default: return nil
        }
    }
}

struct VersionSetObject: GoObject {
    let versions: [String]
    var goType: GoType { HelmGoTypes.versionSet }
    var underlying: GoValue? { .strings(versions) }
    func method(_ name: String) -> GoFunction? {
        guard name == "Has" else { return nil }
        let set = versions
        return GoFunction("Has", parameters: [.string], result: .bool) { args, _ in
            guard case .string(let s)? = args.first else { return .bool(false) }
            return .bool(set.contains(s))
        }
    }
}

struct KubeVersionObject: GoObject {
    let version: Capabilities.KubeVersion
    var goType: GoType { HelmGoTypes.kubeVersion }
    var fieldNames: [String] { ["Version", "Major", "Minor"] }
    func field(_ name: String) -> GoValue? {
        switch name {
        case "Version": return .string(version.version)
        case "Major": return .string(version.major)
        case "Minor": return .string(version.minor)
        default: return nil
        }
    }
    func method(_ name: String) -> GoFunction? {
        guard name == "String" || name == "GitVersion" else { return nil }
        let text = version.version
        return GoFunction(name, parameters: [], result: .string) { _, _ in .string(text) }
    }
}

struct HelmVersionObject: GoObject {
    let version: String
    let goVersion: String
    var goType: GoType { HelmGoTypes.helmVersion }
    var fieldNames: [String] { ["Version", "GitCommit", "GitTreeState", "GoVersion"] }
    func field(_ name: String) -> GoValue? {
        switch name {
        case "Version": return .string(version)
        // A released version's build info (the binary's ldflags); empty in library builds.
        case "GitCommit": return .string(version == Capabilities.helmBinaryVersion ? Capabilities.helmBinaryGitCommit : "")
        case "GitTreeState": return .string(version == Capabilities.helmBinaryVersion ? "clean" : "")
        case "GoVersion": return .string(goVersion)
        default: return nil
        }
    }
}
