/// The one error type of Sprig. A function body throws it; the template executor reports it
/// as `error calling NAME: <message>`, the way Go reports a returned error or a recovered panic.
public struct SprigError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
