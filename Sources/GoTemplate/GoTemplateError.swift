/// The one error type of GoTemplate. `description` is the text Go's `text/template` produces,
/// byte for byte where Go defines it:
/// - parse: `template: NAME:LINE: message`
/// - exec: `template: NAME:LINE:COL: executing "NAME" at <NODE>: message`
/// - function failures thrown by function-map bodies: `GoTemplateError.function("message")`,
///   which the executor wraps as `error calling FN: message`.
public struct GoTemplateError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: Sendable, Equatable {
        case parse
        case exec
        /// Thrown by a function body; `message` is the bare text.
        case function
    }
    public let kind: Kind
    /// The complete Go-formatted text.
    public let message: String
    /// For exec errors: the message after the location prefix (what the function or check said).
    public let detail: String
    /// Template name and position (1-based line, 0-based byte column) when known.
    public let templateName: String?
    public let line: Int?
    public let column: Int?

    public init(kind: Kind, message: String, detail: String? = nil,
                templateName: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.detail = detail ?? message
        self.templateName = templateName
        self.line = line
        self.column = column
    }

    /// An error for a function body to throw; shown as `error calling NAME: message`.
    public static func function(_ message: String) -> GoTemplateError {
        GoTemplateError(kind: .function, message: message)
    }

    public var description: String { message }

    /// Errors are equal when their kind and full text are.
    public static func == (a: GoTemplateError, b: GoTemplateError) -> Bool {
        a.kind == b.kind && a.message == b.message
    }
}
