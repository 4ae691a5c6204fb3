/// The one error type of the StructuredData module: what went wrong, and a message naming it.
public struct StructuredDataError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case invalidJSON
        case invalidYAML
        case invalidPointer
        case invalidPatch
        case patchConflict
        case testFailed
        case unsupported
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
