import Foundation
import SourceHTTP
import StructuredData

/// Credentials for one registry host: username and password, used for basic auth and for the
/// bearer-token exchange (where an empty username with a password is an identity token).
public struct RegistryCredentials: Sendable, Equatable {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// The credentials a HelmRepository/OCIRepository Secret yields for `registryURL`
    /// (source-controller's `LoginOptionFromSecret`): a `kubernetes.io/dockerconfigjson` Secret
    /// is searched for the URL's host, any other Secret gives `username`/`password`. Nil means
    /// anonymous (both empty).
    /// - Throws: `.invalidSecret` with source-controller's messages: "unable to load Docker
    ///   config from Secret '<name>': …", "no auth config for '<host>' in the docker-registry
    ///   Secret '<name>'", "invalid '<name>' secret data: required fields 'username' and
    ///   'password'".
    public static func fromSecret(registryURL: String, name: String, type: String, data: [String: [UInt8]]) throws(RegistryError) -> RegistryCredentials? {
        let host = Self.host(of: registryURL)
        var username = "", password = ""
        if type == "kubernetes.io/dockerconfigjson" {
            let config: DockerConfig
            do { config = try DockerConfig(bytes: data[".dockerconfigjson"] ?? []) } catch {
                throw RegistryError(.invalidSecret, "unable to load Docker config from Secret '\(name)': \(error.message)")
            }
            guard let entry = config.auth(forHost: host), DockerConfig.hostname(entry.serverAddress) == host else {
                throw RegistryError(.invalidSecret, "no auth config for '\(host)' in the docker-registry Secret '\(name)'")
            }
            username = entry.username
            password = entry.password
        } else {
            username = String(decoding: data["username"] ?? [], as: UTF8.self)
            password = String(decoding: data["password"] ?? [], as: UTF8.self)
        }
        switch (username.isEmpty, password.isEmpty) {
        case (true, true): return nil
        case (false, false): return RegistryCredentials(username: username, password: password)
        default: throw RegistryError(.invalidSecret, "invalid '\(name)' secret data: required fields 'username' and 'password'")
        }
    }

    /// The host (with port) of an `oci://`, `https://` or bare registry URL.
    public static func host(of url: String) -> String {
        var rest = Substring(url)
        if let range = rest.range(of: "://") { rest = rest[range.upperBound...] }
        return String(rest.prefix { $0 != "/" })
    }
}

/// A Docker `config.json` (`~/.docker/config.json`, the `.dockerconfigjson` of a Secret):
/// the `auths` map, each entry's `auth` (base64 `user:password`) decoded into username and
/// password as docker/cli's `LoadFromReader` does.
public struct DockerConfig: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The `auths` key the entry came from.
        public var serverAddress: String
        public var username: String
        public var password: String
        public var identityToken: String
    }

    public var auths: [Entry]

    public init(bytes: [UInt8]) throws(RegistryError) {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes: bytes) } catch {
            // Go's json errors carry no offset.
            var message = error.message
            if let range = message.range(of: " (at offset ", options: .backwards) { message = String(message[..<range.lowerBound]) }
            throw RegistryError(.invalidSecret, message)
        }
        guard case .object(let root) = json else {
            throw RegistryError(.invalidSecret, "json: cannot unmarshal \(json.typeName) into Go value of type configfile.ConfigFile")
        }
        var entries: [Entry] = []
        if case .object(let auths)? = root["auths"] {
            for (key, value) in auths {
                var entry = Entry(serverAddress: key, username: value["username"]?.stringValue ?? "",
                                  password: value["password"]?.stringValue ?? "",
                                  identityToken: value["identitytoken"]?.stringValue ?? "")
                if let auth = value["auth"]?.stringValue, !auth.isEmpty {
                    guard let decoded = Base64.decode(auth) else {
                        throw RegistryError(.invalidSecret, "illegal base64 data at input byte 0")
                    }
                    let text = String(decoding: decoded, as: UTF8.self)
                    guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else {
                        throw RegistryError(.invalidSecret, "Invalid auth configuration file")
                    }
                    entry.username = String(text[..<colon])
                    entry.password = String(text[text.index(after: colon)...]).trimmingNULs
                }
                entries.append(entry)
            }
        }
        auths = entries
    }

    /// The entry for `host`: the exact key first, then any key whose hostname is `host`
    /// (docker/cli's file store `Get`).
    public func auth(forHost host: String) -> Entry? {
        auths.first { $0.serverAddress == host } ?? auths.first { Self.hostname($0.serverAddress) == host }
    }

    /// docker/cli's `ConvertToHostname`: strip `http://`/`https://` and any path.
    public static func hostname(_ address: String) -> String {
        var rest = Substring(address)
        if rest.hasPrefix("http://") { rest = rest.dropFirst(7) } else if rest.hasPrefix("https://") { rest = rest.dropFirst(8) }
        return String(rest.prefix { $0 != "/" })
    }
}

extension String {
    var trimmingNULs: String {
        var s = Substring(self)
        while s.hasSuffix("\0") { s = s.dropLast() }
        while s.hasPrefix("\0") { s = s.dropFirst() }
        return String(s)
    }
}
