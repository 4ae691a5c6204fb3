/// The one error type of FluxCLI: the text `flux` prints after `✗` and the process exit code.
///
/// Messages are flux's own (`name is required`, `resource is suspended`, Kubernetes API errors as
/// client-go words them). `silent` errors end the process with `exitCode` without printing, as
/// flux's `os.Exit(1)` after `check` failures does.
public struct FluxCLIError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var exitCode: Int32
    public var silent: Bool

    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
        self.silent = false
    }

    /// Ends the command with `code` and no message.
    public static func exit(_ code: Int32) -> FluxCLIError {
        var e = FluxCLIError("", exitCode: code)
        e.silent = true
        return e
    }

    public var description: String { message }
}
