import GoCompat

extension Kustomization {
    /// The floor of `timeout`.
    public static let minimumTimeout = GoDuration.seconds(30)

    /// `GetTimeout()`: `spec.timeout`, else `spec.interval` minus 30s; never below 30s.
    public var timeout: GoDuration {
        let interval = FluxDuration.parse(spec.interval, default: .zero)
        let fallback = GoDuration(nanoseconds: interval.nanoseconds - Self.minimumTimeout.nanoseconds)
        let value = FluxDuration.parse(spec.timeout, default: fallback)
        return value < Self.minimumTimeout ? Self.minimumTimeout : value
    }

    /// `GetRequeueAfter()`: `spec.interval`.
    public var requeueAfter: GoDuration { FluxDuration.parse(spec.interval, default: .zero) }

    /// `GetRetryInterval()`: `spec.retryInterval`, else `requeueAfter`.
    public var retryInterval: GoDuration { FluxDuration.parse(spec.retryInterval, default: requeueAfter) }

    /// `GetDependsOn()`.
    public var dependsOn: [NamespacedObjectReference] { spec.dependsOn ?? [] }
}

extension CrossNamespaceSourceReference: CustomStringConvertible {
    /// `<kind>/<namespace>/<name>`, or `<kind>/<name>` without a namespace (Go's `String()`).
    public var description: String {
        if let namespace, !namespace.isEmpty { return "\(kind.rawValue)/\(namespace)/\(name)" }
        return "\(kind.rawValue)/\(name)"
    }
}
