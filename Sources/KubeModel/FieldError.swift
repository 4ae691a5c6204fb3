/// A validation error on one field, as `k8s.io/apimachinery/pkg/util/validation/field.Error`.
///
/// `description` is `field.Error.Error()` (`<field>: <body>`), `body` is `ErrorBody()`; both are
/// used verbatim in `Status` messages and causes.
public struct FieldError: Sendable, Equatable, CustomStringConvertible {
    /// `field.ErrorType`: its raw value is the `StatusCause` type (`FieldValueInvalid`, …).
    public enum ErrorType: String, Sendable, CaseIterable {
        case notFound = "FieldValueNotFound"
        case required = "FieldValueRequired"
        case duplicate = "FieldValueDuplicate"
        case invalid = "FieldValueInvalid"
        case notSupported = "FieldValueNotSupported"
        case forbidden = "FieldValueForbidden"
        case tooLong = "FieldValueTooLong"
        case tooMany = "FieldValueTooMany"
        case `internal` = "InternalError"
        case typeInvalid = "FieldValueTypeInvalid"

        /// The human text of the type (`Invalid value`, `Required value`, …).
        public var text: String {
            switch self {
            case .notFound: return "Not found"
            case .required: return "Required value"
            case .duplicate: return "Duplicate value"
            case .invalid: return "Invalid value"
            case .notSupported: return "Unsupported value"
            case .forbidden: return "Forbidden"
            case .tooLong: return "Too long"
            case .tooMany: return "Too many"
            case .internal: return "Internal error"
            case .typeInvalid: return "Invalid value"
            }
        }
    }

    public var type: ErrorType
    /// The field path, e.g. `spec.replicas` or `metadata.labels[app]`.
    public var field: String
    /// The bad value already rendered the way Go's `ErrorBody` prints it (strings quoted, numbers
    /// plain); `nil` prints as `null`. Ignored for types that print no value.
    public var renderedValue: String?
    public var detail: String

    public init(type: ErrorType, field: String, renderedValue: String?, detail: String) {
        self.type = type
        self.field = field
        self.renderedValue = renderedValue
        self.detail = detail
    }

    /// `field.Invalid` with a string value (printed quoted).
    public static func invalid(_ field: String, _ value: String, _ detail: String) -> FieldError {
        FieldError(type: .invalid, field: field, renderedValue: goQuote(value), detail: detail)
    }

    /// `field.Invalid` with a value rendered by the caller (e.g. `0x0`, `5`, `[]string{"a"}`).
    public static func invalid(_ field: String, rendered: String, _ detail: String) -> FieldError {
        FieldError(type: .invalid, field: field, renderedValue: rendered, detail: detail)
    }

    /// `field.Required`.
    public static func required(_ field: String, _ detail: String = "") -> FieldError {
        FieldError(type: .required, field: field, renderedValue: nil, detail: detail)
    }

    /// `field.Forbidden`.
    public static func forbidden(_ field: String, _ detail: String) -> FieldError {
        FieldError(type: .forbidden, field: field, renderedValue: nil, detail: detail)
    }

    /// `field.NotSupported`: detail lists the supported values, quoted, as upstream.
    public static func notSupported(_ field: String, _ value: String, supported: [String]) -> FieldError {
        let detail = supported.isEmpty ? "" : "supported values: " + supported.map(goQuote).joined(separator: ", ")
        return FieldError(type: .notSupported, field: field, renderedValue: goQuote(value), detail: detail)
    }

    /// `field.Error.ErrorBody()`.
    public var body: String {
        var s: String
        switch type {
        case .required, .forbidden, .tooLong, .internal:
            s = type.text
        default:
            s = "\(type.text): \(renderedValue ?? "null")"
        }
        if !detail.isEmpty { s += ": \(detail)" }
        return s
    }

    /// `field.Error.Error()`.
    public var description: String { "\(field): \(body)" }

    /// The `StatusCause` this error becomes in an `Invalid` status.
    public var cause: StatusCause { StatusCause(type: type.rawValue, message: body, field: field) }
}

extension Array where Element == FieldError {
    /// `field.ErrorList.ToAggregate().Error()`: one message alone, several as `[a, b]` with
    /// duplicates removed; `nil` when empty.
    public var aggregateMessage: String? {
        var seen = Set<String>()
        var messages: [String] = []
        for e in self where seen.insert(e.description).inserted { messages.append(e.description) }
        if messages.isEmpty { return nil }
        if count == 1 || messages.count == 1 { return messages[0] }
        return "[" + messages.joined(separator: ", ") + "]"
    }
}
