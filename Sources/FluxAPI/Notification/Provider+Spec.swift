import KubeModel
import StructuredData

/// `Provider.spec` (notification.toolkit.fluxcd.io/v1beta3).
public struct ProviderSpec: Codable, Sendable, Hashable, ZeroInitializable, SpecWithSuspend {
    public var type: ProviderType
    public var channel: String?
    public var username: String?
    public var address: String?
    public var timeout: String?
    public var proxy: String?
    public var secretRef: LocalObjectReference?
    public var certSecretRef: LocalObjectReference?
    public var suspend: Bool?
    public var unknownFields = UnknownFields()

    public init(type: ProviderType) {
        self.type = type
    }

    /// The zero value (Go's), used when the field is absent.
    public init() {
        type = ProviderType.slack
    }
}

/// `Provider.spec.type`: `slack`, `discord`, `msteams`, `rocket`, `generic`, `generic-hmac`, `github`, `gitlab`, `gitea`, `bitbucketserver`, `bitbucket`, `azuredevops`, `googlechat`, `googlepubsub`, `webex`, `sentry`, `azureeventhub`, `telegram`, `lark`, `matrix`, `opsgenie`, `alertmanager`, `grafana`, `githubdispatch`, `pagerduty`, `datadog`, `nats`.
public enum ProviderType: String, FluxEnum {
    case slack = "slack"
    case discord = "discord"
    case msteams = "msteams"
    case rocket = "rocket"
    case generic = "generic"
    case genericHmac = "generic-hmac"
    case github = "github"
    case gitlab = "gitlab"
    case gitea = "gitea"
    case bitbucketserver = "bitbucketserver"
    case bitbucket = "bitbucket"
    case azuredevops = "azuredevops"
    case googlechat = "googlechat"
    case googlepubsub = "googlepubsub"
    case webex = "webex"
    case sentry = "sentry"
    case azureeventhub = "azureeventhub"
    case telegram = "telegram"
    case lark = "lark"
    case matrix = "matrix"
    case opsgenie = "opsgenie"
    case alertmanager = "alertmanager"
    case grafana = "grafana"
    case githubdispatch = "githubdispatch"
    case pagerduty = "pagerduty"
    case datadog = "datadog"
    case nats = "nats"
}
