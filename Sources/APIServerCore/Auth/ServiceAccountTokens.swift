import Crypto
import Foundation
import StructuredData

/// Issues and verifies ServiceAccount tokens: JWTs (HS256, signed with the server's key) whose
/// claims follow kube-apiserver's (`iss`, `sub` = `system:serviceaccount:<ns>:<name>`, `aud`,
/// `exp`, `iat`, `nbf`, and `kubernetes.io` with the namespace and the ServiceAccount's name and
/// uid). A token is valid while it has not expired and its ServiceAccount still exists with the
/// same uid.
public struct ServiceAccountTokens: Sendable {
    let keyBytes: [UInt8]
    var key: SymmetricKey { SymmetricKey(data: keyBytes) }
    public static let issuer = "https://kubernetes.default.svc.cluster.local"

    /// Tokens signed with `keyBytes` (at least 32 random bytes; keep them to keep tokens valid
    /// across restarts).
    public init(keyBytes: [UInt8]) { self.keyBytes = keyBytes }

    /// Tokens signed with a fresh random key.
    public static func random() -> ServiceAccountTokens {
        ServiceAccountTokens(keyBytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
    }

    /// A signed token for the ServiceAccount, valid for `seconds` from `now`.
    func issue(namespace: String, name: String, uid: String, audiences: [String], seconds: Int64, now: Date) -> String {
        let iat = Int64(now.timeIntervalSince1970)
        let claims: JSONValue = [
            "aud": .array(audiences.map(JSONValue.string)),
            "exp": .int(iat + seconds), "iat": .int(iat), "iss": .string(Self.issuer),
            "kubernetes.io": [
                "namespace": .string(namespace),
                "serviceaccount": ["name": .string(name), "uid": .string(uid)],
            ],
            "nbf": .int(iat), "sub": .string(ServiceAccountName.username(namespace: namespace, name: name)),
        ]
        let header = Self.base64URL(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let payload = Self.base64URL(claims.serializedBytes())
        let signingInput = header + "." + payload
        let signature = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: key)
        return signingInput + "." + Self.base64URL(Array(signature))
    }

    /// The claims of a token this server signed that has not expired, or nil.
    func verify(_ token: String, now: Date) -> (namespace: String, name: String, uid: String)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let signature = Self.decodeBase64URL(parts[2]) else { return nil }
        let signingInput = Array("\(parts[0]).\(parts[1])".utf8)
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: key),
              let payload = Self.decodeBase64URL(parts[1]),
              let claims = try? JSONParser.parse(bytes: payload),
              let exp = claims["exp"]?.intValue, exp > Int64(now.timeIntervalSince1970),
              claims["iss"]?.stringValue == Self.issuer,
              let namespace = claims["kubernetes.io"]?["namespace"]?.stringValue,
              let name = claims["kubernetes.io"]?["serviceaccount"]?["name"]?.stringValue,
              let uid = claims["kubernetes.io"]?["serviceaccount"]?["uid"]?.stringValue
        else { return nil }
        return (namespace, name, uid)
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64URL(_ text: Substring) -> [UInt8]? {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        return Data(base64Encoded: s).map { Array($0) }
    }
}

extension KubeAPI {
    /// The user a bearer token stands for: a valid ServiceAccount token of an existing
    /// ServiceAccount (same uid) → that ServiceAccount's user; anything else nil (401).
    public func authenticate(serviceAccountToken token: String, now: Date = Date()) async -> UserInfo? {
        guard let claims = tokens.verify(token, now: now) else { return nil }
        let key = ObjectKey(resource: QualifiedResource(group: "", resource: "serviceaccounts"),
                            namespace: claims.namespace, name: claims.name)
        guard let sa = await store.get(key), sa.value.metadataString("uid") == claims.uid else { return nil }
        return UserInfo(name: ServiceAccountName.username(namespace: claims.namespace, name: claims.name),
                        uid: claims.uid,
                        groups: ServiceAccountName.groups(namespace: claims.namespace) + [UserInfo.authenticatedGroup],
                        extra: [:])
    }
}
