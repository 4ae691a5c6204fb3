/// The error type of KubeModel: bad input to a parser or converter. `description` is the
/// upstream (Kubernetes / Go) message, byte for byte where upstream defines one.
public enum KubeModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An `apiVersion` with more than one `/`.
    case invalidGroupVersion(String)
    /// A label selector string or `metav1.LabelSelector` that does not parse or validate.
    case invalidLabelSelector(String)
    /// A field selector that does not parse.
    case invalidFieldSelector(String)
    /// A quantity that does not parse.
    case invalidQuantity(String)
    /// A time that does not parse as RFC 3339.
    case invalidTime(String)
    /// Any other invalid input, with its message.
    case invalid(String)

    public var description: String {
        switch self {
        case .invalidGroupVersion(let gv): return "unexpected GroupVersion string: \(gv)"
        case .invalidLabelSelector(let m), .invalidFieldSelector(let m), .invalid(let m): return m
        case .invalidQuantity(let m): return m
        case .invalidTime(let m): return m
        }
    }
}
