/// Which namespaces a list or watch covers. All namespaces is always explicit, never `""`.
public enum NamespaceSelection: Sendable, Hashable {
    /// The client's configured namespace (kubeconfig context or in-cluster namespace).
    case configured
    /// One namespace.
    case named(String)
    /// Every namespace (cluster-wide collection).
    case all

    /// `.named(ns)`, or `.configured` when `ns` is nil or empty.
    public static func namespace(_ ns: String?) -> NamespaceSelection {
        guard let ns, !ns.isEmpty else { return .configured }
        return .named(ns)
    }
}
