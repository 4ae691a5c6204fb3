import GoCompat

/// Helm's debug log (`action.DebugLog`, `kube.Client.Log`): the progress lines actions and the kube
/// client write (`creating 3 resource(s)`, `beginning wait for 3 resources with timeout of 5m0s`,
/// `Deployment is not ready: default/podinfo. 0 out of 1 expected pods are ready`, …), worded as
/// Helm 3.13 words them. helm-controller keeps the last lines for its failure events.
public struct HelmLog: Sendable {
    public let write: @Sendable (String) -> Void

    public init(_ write: @escaping @Sendable (String) -> Void) { self.write = write }

    /// Writes nothing (the default).
    public static let discard = HelmLog { _ in }

    public func callAsFunction(_ line: String) { write(line) }

    /// Go's `%q` of a string (as Helm's format strings use it).
    static func q(_ s: String) -> String { GoQuote.quote(s) }

    /// Go's `%v` of a `time.Duration`.
    static func duration(_ d: GoDuration) -> String { d.description }
}
