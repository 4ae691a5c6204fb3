import AsyncHTTPClient
import Foundation
import NIOCore
import SourceHTTP
import StructuredData

/// A bearer token and when it stops being usable.
struct BearerToken: Sendable {
    var value: String
    var expires: ContinuousClock.Instant
}

/// Authorization values per registry: the basic header once a registry asked for basic auth,
/// bearer tokens per scope set until they expire.
actor TokenCache {
    private var basic: [String: String] = [:]
    private var bearer: [String: BearerToken] = [:]

    static func key(_ registry: String, _ scopes: [String]) -> String { registry + "|" + scopes.sorted().joined(separator: " ") }

    func authorization(registry: String, scopes: [String]) -> String? {
        if let header = basic[registry] { return header }
        let key = Self.key(registry, scopes)
        if let token = bearer[key] {
            if token.expires > .now { return "Bearer " + token.value }
            bearer[key] = nil
        }
        return nil
    }

    func rememberBasic(registry: String, header: String) { basic[registry] = header }

    func store(registry: String, scopes: [String], token: BearerToken) { bearer[Self.key(registry, scopes)] = token }
}

extension RegistryClient {
    /// Exchanges the credentials for a bearer token at the challenge's realm
    /// (`GET <realm>?service=…&scope=…`, basic auth when credentials are set), as the Docker
    /// token protocol specifies; `token` or `access_token` of the JSON answer is used.
    func fetchToken(_ challenge: AuthChallenge, scopes: [String]) async throws(RegistryError) -> BearerToken {
        guard let realm = challenge.realm, var components = URLComponents(string: realm) else {
            throw RegistryError(.unauthorized, "bearer challenge without a realm")
        }
        var items = components.queryItems ?? []
        if let service = challenge.service { items.append(URLQueryItem(name: "service", value: service)) }
        for scope in scopes { items.append(URLQueryItem(name: "scope", value: scope)) }
        components.queryItems = items
        let url = components.string ?? realm
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: options.userAgent)
        if let credentials = options.credentials {
            request.headers.add(name: "Authorization",
                                value: BasicCredentials(username: credentials.username, password: credentials.password).authorizationHeader)
        }
        request.tlsConfiguration = tlsConfiguration
        let response: HTTPClientResponse
        do { response = try await httpClient.execute(request, timeout: .seconds(Int64(options.timeout.components.seconds))) } catch {
            throw RegistryError(.transport, TransportErrorText.describe(error, method: "GET", url: url))
        }
        guard response.status.code == 200 else {
            var error = await statusError(response, method: "GET", url: url)
            error.kind = .unauthorized
            throw error
        }
        let body: [UInt8]
        do { body = try await BodyLimit.collect(response.body, limit: options.maxMetadataSize, what: "token response") } catch {
            throw RegistryError(.sizeLimit, "\(error)")
        }
        guard let json = try? JSONParser.parse(bytes: body),
              let token = json["token"]?.stringValue ?? json["access_token"]?.stringValue, !token.isEmpty else {
            throw RegistryError(.unauthorized, "GET \"\(url)\": empty token returned")
        }
        let lifetime = max(60, Int(json["expires_in"]?.intValue ?? 60))
        return BearerToken(value: token, expires: .now + .seconds(lifetime - 5))
    }
}
