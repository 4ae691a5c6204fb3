/// A Flux API enumeration: a string-backed Swift enum whose raw values are the values Flux's CRD
/// allows (`+kubebuilder:validation:Enum`), declared in the CRD's order.
///
/// Contract: decoding a value outside the set fails with a `CodingFailure` naming the field; the
/// API server rejects such values already, so this only happens for objects it never validated.
public protocol FluxEnum: RawRepresentable, CaseIterable, Codable, Sendable, Hashable
where RawValue == String, AllCases == [Self] {}

extension FluxEnum {
    /// Every allowed value, in declaration (CRD) order.
    public static var allowedValues: [String] { allCases.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Self(rawValue: raw) else {
            let allowed = Self.allowedValues.map { "\"\($0)\"" }.joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Unsupported value: \"\(raw)\": supported values: \(allowed)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
