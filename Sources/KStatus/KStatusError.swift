/// The one error type of KStatus: an object whose status fields have the wrong shape (for
/// example `metadata.generation` that is not an integer) or a Pod in a phase kstatus does not
/// know. The message follows cli-utils / apimachinery wording.
public struct KStatusError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
