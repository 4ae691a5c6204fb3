@preconcurrency import Crypto
import SourceHTTP
import StructuredData

/// The Rekor bundle cosign attaches to a signature (`dev.sigstore.cosign/bundle`): the log
/// entry (`Payload`) and the log's signed entry timestamp over it (`SignedEntryTimestamp`),
/// verifiable offline with the Rekor public key.
public struct RekorBundle: Sendable, Equatable {
    /// Base64 of the canonical entry (a `hashedrekord` or `rekord` document).
    public var body: String
    public var integratedTime: Int64
    public var logIndex: Int64
    /// Hex SHA-256 of the log's public key.
    public var logID: String
    public var signedEntryTimestamp: [UInt8]

    public init(body: String, integratedTime: Int64, logIndex: Int64, logID: String, signedEntryTimestamp: [UInt8]) {
        self.body = body
        self.integratedTime = integratedTime
        self.logIndex = logIndex
        self.logID = logID
        self.signedEntryTimestamp = signedEntryTimestamp
    }

    public init(json text: String) throws(CosignError) {
        guard let json = try? JSONParser.parse(text), let payload = json["Payload"],
              let body = payload["body"]?.stringValue, let time = payload["integratedTime"]?.intValue,
              let index = payload["logIndex"]?.intValue, let logID = payload["logID"]?.stringValue,
              let set = json["SignedEntryTimestamp"]?.stringValue.flatMap({ Base64.decode($0) }) else {
            throw CosignError(.verification, "invalid Rekor bundle")
        }
        self.init(body: body, integratedTime: time, logIndex: index, logID: logID, signedEntryTimestamp: set)
    }

    /// The JSON cosign stores in the annotation.
    public var json: String {
        JSONValue.object([
            "SignedEntryTimestamp": .string(Base64.encode(signedEntryTimestamp)),
            "Payload": .object(["body": .string(body), "integratedTime": .int(integratedTime),
                                "logIndex": .int(logIndex), "logID": .string(logID)]),
        ]).serialized()
    }

    /// The RFC 8785 canonical JSON of the payload, which the SET signs.
    public var canonicalPayload: [UInt8] {
        Array("{\"body\":\(Self.jcsString(body)),\"integratedTime\":\(integratedTime),\"logID\":\(Self.jcsString(logID)),\"logIndex\":\(logIndex)}".utf8)
    }

    static func jcsString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\u00" + String(scalar.value >> 4, radix: 16) + String(scalar.value & 0xf, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The entry's signature, public key (base64 PEM) and payload hash.
    func entry() throws(CosignError) -> (signature: String, publicKey: String, algorithm: String, hash: String) {
        guard let decoded = Base64.decode(body), let json = try? JSONParser.parse(bytes: decoded), let spec = json["spec"] else {
            throw CosignError(.verification, "failed to extract signature from bundle: invalid entry")
        }
        let signature = spec["signature"]?["content"]?.stringValue ?? ""
        let key = spec["signature"]?["publicKey"]?["content"]?.stringValue ?? ""
        let hash = spec["data"]?["hash"]
        return (signature, key, hash?["algorithm"]?.stringValue ?? "", hash?["value"]?.stringValue ?? "")
    }

    /// A `hashedrekord` v0.0.1 entry body for `signature` over a payload with SHA-256 `hex`,
    /// signed by the key or certificate `publicKeyPEM` (for building bundles in tests).
    public static func hashedRekordBody(base64Signature: String, publicKeyPEM: String, payloadSHA256 hex: String) -> String {
        let entry: JSONValue = .object([
            "apiVersion": .string("0.0.1"), "kind": .string("hashedrekord"),
            "spec": .object([
                "data": .object(["hash": .object(["algorithm": .string("sha256"), "value": .string(hex)])]),
                "signature": .object(["content": .string(base64Signature),
                                      "publicKey": .object(["content": .string(Base64.encode(Array(publicKeyPEM.utf8)))])]),
            ]),
        ])
        return Base64.encode(entry.serializedBytes(JSONWriteOptions(escapeHTML: false)))
    }
}
