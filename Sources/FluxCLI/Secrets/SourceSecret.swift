import Foundation
import KubeModel
import StructuredData

/// An SSH key pair: the private key as written to `identity` and the public key in
/// `authorized_keys` form (ending with a newline).
public struct SSHKeyPair: Sendable, Equatable {
    public var privateKey: String
    public var publicKey: String
}

/// fluxcd's `sourcesecret.Options`: what goes into a source credentials Secret.
struct SourceSecretOptions: Sendable {
    var name: String
    var namespace: String
    var labels: [String: String] = [:]
    var username = ""
    var password = ""
    var bearerToken = ""
    var caCrt: String?
    var caFile: String?
    var tlsCrt: String?
    var tlsKey: String?
    var certFile: String?
    var keyFile: String?
    var keyPair: SSHKeyPair?
    var keyAlgorithm: SSHKeyAlgorithm?
    var sshHost = ""
    var sshPort = 22
    var registry = ""
}

/// fluxcd's `sourcesecret.Generate`: the Secret manifest for source credentials.
enum SourceSecret {
    static let knownHostsKey = "known_hosts"
    static let publicKeyKey = "identity.pub"

    static func generate(_ o: SourceSecretOptions, _ environment: FluxEnvironment) async throws -> KubeObject {
        var keyPair: SSHKeyPair?
        if !(!o.username.isEmpty && !o.password.isEmpty) {
            if let given = o.keyPair {
                keyPair = given
            } else if let algorithm = o.keyAlgorithm {
                keyPair = try SSHKeys.generate(algorithm)
            }
        }
        var hostKey = ""
        if keyPair != nil {
            let scanned: (type: String, key: String)
            do { scanned = try await environment.hostKeyScanner.scan(host: o.sshHost, port: o.sshPort) } catch {
                throw FluxCLIError("SSH key scan for host \(o.sshHost):\(o.sshPort) failed, error: \(error.message)")
            }
            hostKey = KnownHosts.line(host: o.sshHost, port: o.sshPort, type: scanned.type, key: scanned.key)
        }
        var data: JSONObject = [:]
        var type: String?
        if !o.registry.isEmpty {
            let auth = Data("\(o.username):\(o.password)".utf8).base64EncodedString()
            let entry: JSONValue = ["username": .string(o.username), "password": .string(o.password), "auth": .string(auth)]
            data[".dockerconfigjson"] = .string(JSONValue.object(["auths": .object([o.registry: entry])]).serialized())
            type = "kubernetes.io/dockerconfigjson"
        } else {
            if !o.username.isEmpty && !o.password.isEmpty {
                data["username"] = .string(o.username)
                data["password"] = .string(o.password)
            }
            if !o.bearerToken.isEmpty { data["bearerToken"] = .string(o.bearerToken) }
            if let ca = o.caCrt, !ca.isEmpty {
                data["ca.crt"] = .string(ca)
            } else if let ca = o.caFile, !ca.isEmpty {
                data["caFile"] = .string(ca)
            }
            if let crt = o.tlsCrt, let key = o.tlsKey, !crt.isEmpty, !key.isEmpty {
                type = "kubernetes.io/tls"
                data["tls.crt"] = .string(crt)
                data["tls.key"] = .string(key)
            } else if let crt = o.certFile, let key = o.keyFile, !crt.isEmpty, !key.isEmpty {
                data["certFile"] = .string(crt)
                data["keyFile"] = .string(key)
            }
            if let keyPair, !hostKey.isEmpty {
                data["identity"] = .string(keyPair.privateKey)
                data[publicKeyKey] = .string(keyPair.publicKey)
                data[knownHostsKey] = .string(hostKey)
                if !o.password.isEmpty { data["password"] = .string(o.password) }
            }
        }
        var metadata: JSONObject = ["name": .string(o.name), "namespace": .string(o.namespace)]
        if !o.labels.isEmpty {
            var labels: JSONObject = [:]
            for key in o.labels.keys.sorted() { labels[key] = .string(o.labels[key] ?? "") }
            metadata["labels"] = .object(labels)
        }
        var secret: JSONObject = ["apiVersion": "v1", "kind": "Secret", "metadata": .object(metadata)]
        if !data.isEmpty { secret["stringData"] = .object(data) }
        if let type { secret["type"] = .string(type) }
        return KubeObject(.object(secret))
    }

    /// The manifest text: `---` and the YAML (keys sorted, as `sigs.k8s.io/yaml` writes it).
    static func content(_ secret: KubeObject) throws -> String {
        do { return "---\n" + (try YAML.serialize(secret.raw)) } catch { throw FluxCLIError(error.description) }
    }

    /// `upsertSecret`: creates the Secret, or replaces the existing one's `stringData`.
    static func upsert(_ session: KubeSession, _ secret: KubeObject) async throws {
        guard var existing = try await CreateSupport.existing(session, Builtin.secrets, secret) else {
            _ = try await session.create(secret)
            return
        }
        existing.raw["stringData"] = secret.raw["stringData"]
        _ = try await session.update(existing)
    }
}
