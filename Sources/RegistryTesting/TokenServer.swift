@preconcurrency import Crypto
import Foundation
import Hummingbird
import Logging
import NIOCore
import SwiftASN1
import X509

/// A Docker token server for the registry's `auth.token` mode: `GET /token?service=…&scope=…`
/// with basic credentials answers `{"token": <JWT>}` granting the requested scopes, signed
/// ES256 with an `x5c` header the registry checks against its root bundle.
public struct TokenServer: Sendable {
    public let user: String
    public let password: String
    public let issuer: String
    public let service: String
    public let signer: TestCA
    public let key: P256.Signing.PrivateKey
    public let certificate: Certificate

    public init(user: String, password: String, issuer: String = "swiftflux-test-issuer", service: String = "swiftflux-test-registry") throws {
        self.user = user
        self.password = password
        self.issuer = issuer
        self.service = service
        signer = try TestCA(commonName: "token signer CA")
        key = P256.Signing.PrivateKey()
        certificate = try signer.issue(commonName: "token signer", key: key.publicKey, usages: [.any])
    }

    /// The certificates the registry trusts for tokens (`rootcertbundle`).
    public var rootBundlePEM: String { signer.pem + "\n" + certificate.pemText + "\n" }

    public func application(onListening: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        let server = self
        router.get("token") { request, _ -> Response in
            let expected = "Basic " + Data("\(server.user):\(server.password)".utf8).base64EncodedString()
            guard request.headers[.authorization] == expected else {
                return Response(status: .unauthorized, body: .init(byteBuffer: ByteBuffer(string: #"{"errors":[{"code":"UNAUTHORIZED","message":"bad credentials"}]}"#)))
            }
            let scopes: [String] = request.uri.queryParameters.getAll("scope").map { String($0) }
            let token = (try? server.token(scopes: scopes)) ?? ""
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(string: "{\"token\":\"\(token)\",\"expires_in\":300}")))
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                           onServerRunning: { await onListening($0.localAddress?.port ?? 0) }, logger: { var l = Logger(label: "token-server"); l.logLevel = .critical; return l }())
    }

    func token(scopes: [String]) throws -> String {
        var der = DER.Serializer()
        try der.serialize(certificate)
        let header: [String: Any] = ["alg": "ES256", "typ": "JWT", "x5c": [Data(der.serializedBytes).base64EncodedString()]]
        var access: [[String: Any]] = []
        for scope in scopes {
            let parts = scope.split(separator: ":")
            guard parts.count == 3 else { continue }
            access.append(["type": String(parts[0]), "name": String(parts[1]), "actions": parts[2].split(separator: ",").map(String.init)])
        }
        let now = Int(Date().timeIntervalSince1970)
        let claims: [String: Any] = ["iss": issuer, "sub": user, "aud": service, "exp": now + 300, "nbf": now - 60, "iat": now,
                                     "jti": UUID().uuidString, "access": access]
        let signingInput = Self.base64URL(try JSONSerialization.data(withJSONObject: header)) + "." + Self.base64URL(try JSONSerialization.data(withJSONObject: claims))
        let signature = try key.signature(for: Data(signingInput.utf8))
        return signingInput + "." + Self.base64URL(signature.rawRepresentation)
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
