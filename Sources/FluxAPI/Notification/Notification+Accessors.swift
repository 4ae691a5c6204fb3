import Crypto
import GoCompat

extension Receiver {
    /// `ReceiverWebhookPath`: the prefix of every receiver's webhook path.
    public static let webhookPathPrefix = "/hook/"
    /// `spec.interval` when unset.
    public static let defaultInterval = GoDuration.minute * 10

    /// `GetWebhookPath(token)`: `/hook/` and the hex SHA-256 of token, name and namespace.
    public func webhookPath(token: String) -> String {
        let digest = SHA256.hash(data: Array((token + name + namespace).utf8))
        return Self.webhookPathPrefix + digest.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// `GetInterval()`: `spec.interval`, else ten minutes.
    public var interval: GoDuration { FluxDuration.parse(spec.interval, default: Self.defaultInterval) }
}

extension Provider {
    /// `spec.timeout` when unset.
    public static let defaultTimeout = GoDuration.seconds(15)

    /// `GetTimeout()`: `spec.timeout`, else 15s.
    public var timeout: GoDuration { FluxDuration.parse(spec.timeout, default: Self.defaultTimeout) }
}

extension Alert {
    /// `spec.eventSeverity`, else `info` (info and error events pass).
    public var eventSeverity: EventSeverity { spec.eventSeverity ?? .info }
}
