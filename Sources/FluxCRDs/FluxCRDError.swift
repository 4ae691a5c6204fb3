import StructuredData

/// Why a schema or CRD could not be generated from the Swift types.
public struct FluxCRDError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The Swift type (or JSON path) concerned.
    public var subject: String
    public var reason: String

    public init(_ subject: String, _ reason: String) {
        self.subject = subject
        self.reason = reason
    }

    public var description: String { "\(subject): \(reason)" }
}
