import OrderedCollections

/// Why a `JSONValue` could not be decoded into a Swift type (or a value could not be encoded):
/// where (a JSON path such as `spec.values.replicas` or `status.conditions[0].type`) and what was
/// wrong.
///
/// This is the one error of `JSONValueDecoder` and `JSONValueEncoder`; typed Kubernetes objects
/// report it as the reason an object was rejected (e.g. in a `Stalled` condition).
public struct CodingFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The JSON path of the offending value; empty for the root.
    public var path: String
    /// What was wrong, e.g. `expected string, found number`.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `<path>: <reason>`, or just the reason at the root.
    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }

    /// Renders a coding path as `a.b[2].c`.
    static func render(_ codingPath: [any CodingKey]) -> String {
        var out = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == String(index) {
                out += "[\(index)]"
            } else {
                if !out.isEmpty { out += "." }
                out += key.stringValue
            }
        }
        return out
    }

    init(_ codingPath: [any CodingKey], _ reason: String) {
        self.init(path: Self.render(codingPath), reason: reason)
    }

    /// Maps any error thrown during decoding (including `Swift.DecodingError` thrown by hand-written
    /// `init(from:)`) into a `CodingFailure`.
    static func from(_ error: any Error) -> CodingFailure {
        if let f = error as? CodingFailure { return f }
        if let e = error as? DecodingError {
            switch e {
            case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
                return CodingFailure(c.codingPath, c.debugDescription)
            case .keyNotFound(let key, let c):
                return CodingFailure(c.codingPath + [key], "required field is missing")
            @unknown default:
                return CodingFailure(path: "", reason: "\(e)")
            }
        }
        return CodingFailure(path: "", reason: "\(error)")
    }
}

/// A coding key for array indices and dynamic object keys.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
    init(index: Int) {
        self.stringValue = "Index \(index)"
        self.intValue = index
    }
}
