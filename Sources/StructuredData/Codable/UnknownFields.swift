import OrderedCollections

/// The members of a JSON object that a `Codable` type does not model, kept so that decoding and
/// re-encoding with `JSONValueDecoder`/`JSONValueEncoder` is lossless.
///
/// Contract: declare it as the **last** stored property of a struct with synthesized `Codable`
/// (`public var unknownFields = UnknownFields()`). Synthesized decoding reads properties in
/// declaration order, so when this one is reached every modelled key has been read; the decoder then
/// hands it the remaining members. The encoder writes those members back into the same object
/// (after the modelled ones) instead of nesting them under a key. With other coders it is empty.
public struct UnknownFields: Sendable, Hashable, Codable {
    /// The unmodelled members, in document order.
    public var members: JSONObject

    public init(_ members: JSONObject = [:]) { self.members = members }

    public var isEmpty: Bool { members.isEmpty }

    public init(from decoder: any Decoder) throws { members = [:] }

    public func encode(to encoder: any Encoder) throws {}
}
