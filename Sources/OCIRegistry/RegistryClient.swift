import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL
import SourceHTTP
import StructuredData

/// A client of the OCI distribution (registry v2) API over AsyncHTTPClient: anonymous, basic
/// and bearer-token auth (the `WWW-Authenticate` challenge's realm/service/scope, tokens cached
/// per host and scope), custom CA and client certificates per request, plain HTTP for
/// `insecure` registries.
///
/// The `HTTPClient` is borrowed: whoever created it (the controller manager, a CLI command, a
/// test) shuts it down after the last `RegistryClient` call.
public final class RegistryClient: Sendable {
    public struct Options: Sendable {
        /// Credentials for the registry (basic auth and token exchange); nil is anonymous.
        public var credentials: RegistryCredentials?
        /// Client TLS material (custom CA, client certificate).
        public var tls: TLSClientSettings?
        /// Talk plain HTTP (`.spec.insecure`).
        public var plainHTTP: Bool
        public var userAgent: String
        /// Timeout of one HTTP exchange.
        public var timeout: Duration
        /// Largest manifest, index or tag page accepted (oras-go's 4 MiB).
        public var maxMetadataSize: Int
        /// Where verified blobs are kept between pulls (none: every pull fetches them).
        public var blobCache: BlobCache?

        public init(credentials: RegistryCredentials? = nil, tls: TLSClientSettings? = nil, plainHTTP: Bool = false,
                    userAgent: String = "swiftflux/source-controller", timeout: Duration = .seconds(60), maxMetadataSize: Int = 4 << 20,
                    blobCache: BlobCache? = nil) {
            self.credentials = credentials
            self.tls = tls
            self.plainHTTP = plainHTTP
            self.userAgent = userAgent
            self.timeout = timeout
            self.maxMetadataSize = maxMetadataSize
            self.blobCache = blobCache
        }
    }

    let httpClient: HTTPClient
    public let options: Options
    let tlsConfiguration: TLSConfiguration?
    let tokens = TokenCache()

    /// - Throws: `.invalidSecret` when the TLS material does not load.
    public init(httpClient: HTTPClient, options: Options = Options()) throws(RegistryError) {
        self.httpClient = httpClient
        self.options = options
        if let tls = options.tls {
            do { tlsConfiguration = try tls.configuration() } catch {
                throw RegistryError(.invalidSecret, error.message)
            }
        } else {
            tlsConfiguration = nil
        }
    }

    /// `http(s)://<api host>` of a registry (Docker Hub's API lives at `registry-1.docker.io`).
    public func baseURL(_ registry: String) -> String {
        let host = registry == ImageReference.dockerHub ? "registry-1.docker.io" : registry
        return (options.plainHTTP ? "http://" : "https://") + host
    }

    /// Checks the registry answers the v2 API (`GET /v2/`), authenticating if challenged.
    public func ping(registry: String) async throws(RegistryError) {
        let url = baseURL(registry) + "/v2/"
        let response = try await send(RegistryRequest(method: .GET, url: url, registry: registry, scopes: []))
        guard response.status.code == 200 else { throw await statusError(response, method: "GET", url: url) }
        await BodyLimit.discard(response.body)
    }

    // MARK: Transport

    struct RegistryRequest: Sendable {
        var method: HTTPMethod
        var url: String
        var registry: String
        var scopes: [String]
        var headers: [(String, String)] = []
        var body: [UInt8]?
    }

    /// Sends `request`, answering one auth challenge (basic or bearer) if the registry issues
    /// it; any response is returned, transport failures throw `.transport`.
    func send(_ request: RegistryRequest) async throws(RegistryError) -> HTTPClientResponse {
        var authorization = await tokens.authorization(registry: request.registry, scopes: request.scopes)
        var response = try await execute(request, authorization: authorization)
        guard response.status.code == 401,
              let header = response.headers.first(name: "WWW-Authenticate"),
              let challenge = AuthChallenge(header: header) else { return response }
        await BodyLimit.discard(response.body)
        switch challenge.scheme {
        case .basic:
            guard let credentials = options.credentials else { return try await execute(request, authorization: nil) }
            let header = BasicCredentials(username: credentials.username, password: credentials.password).authorizationHeader
            authorization = header
            await tokens.rememberBasic(registry: request.registry, header: header)
        case .bearer:
            let scopes = Array(Set(challenge.scopes + request.scopes)).sorted()
            let token = try await fetchToken(challenge, scopes: scopes)
            authorization = "Bearer " + token.value
            await tokens.store(registry: request.registry, scopes: request.scopes, token: token)
        case .other:
            return try await execute(request, authorization: nil)
        }
        response = try await execute(request, authorization: authorization)
        return response
    }

    func execute(_ request: RegistryRequest, authorization: String?) async throws(RegistryError) -> HTTPClientResponse {
        var r = HTTPClientRequest(url: request.url)
        r.method = request.method
        r.headers.add(name: "User-Agent", value: options.userAgent)
        for (name, value) in request.headers { r.headers.add(name: name, value: value) }
        if let authorization { r.headers.replaceOrAdd(name: "Authorization", value: authorization) }
        if let body = request.body {
            r.body = .bytes(ByteBuffer(bytes: body))
            r.headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
        }
        r.tlsConfiguration = tlsConfiguration
        do {
            return try await httpClient.execute(r, timeout: .nanoseconds(Int64(options.timeout.components.seconds) * 1_000_000_000 + options.timeout.components.attoseconds / 1_000_000_000))
        } catch {
            throw RegistryError(.transport, TransportErrorText.describe(error, method: request.method.rawValue, url: request.url))
        }
    }

    /// The error for an unexpected response, worded as oras-go's `ParseErrorResponse`.
    func statusError(_ response: HTTPClientResponse, method: String, url: String) async -> RegistryError {
        let code = Int(response.status.code)
        let body = (try? await BodyLimit.collect(response.body, limit: 8 * 1024)) ?? []
        var codes: [String] = []
        var text = Self.statusText(code)
        if let json = try? JSONParser.parse(bytes: body), case .array(let errors)? = json["errors"], !errors.isEmpty {
            var parts: [String] = []
            for error in errors {
                let c = error["code"]?.stringValue ?? ""
                codes.append(c)
                let lowered = String(c.lowercased().map { $0 == "_" ? " " : $0 })
                let message = error["message"]?.stringValue ?? ""
                parts.append(message.isEmpty ? lowered : "\(lowered): \(message)")
            }
            text = parts.joined(separator: "; ")
        }
        let kind: RegistryError.Kind = code == 401 || code == 403 ? .unauthorized : (code == 404 ? .notFound : .status)
        return RegistryError(kind, "\(method) \"\(url)\": unexpected status code \(code): \(text)", statusCode: code, codes: codes)
    }

    /// Go's `http.StatusText` for the statuses registries answer with.
    static func statusText(_ code: Int) -> String {
        switch code {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Request Entity Too Large"
        case 416: "Requested Range Not Satisfiable"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }
}

extension RegistryClient {
    /// Checks the credentials against the registry the way Helm's `registry.Client.Login` does
    /// before a pull (`GET /v2/`, answering the auth challenge). source-controller wraps the error
    /// as "failed to login to OCI registry: <error>" with reason `AuthenticationFailed`.
    /// - Throws: `.unauthorized` "login attempt to <scheme>://<host>/v2/ failed with status:
    ///   401 Unauthorized" (docker's wording) when refused; transport errors as they are.
    public func login(registry: String) async throws(RegistryError) {
        let url = baseURL(registry) + "/v2/"
        let response = try await send(RegistryRequest(method: .GET, url: url, registry: registry, scopes: []))
        await BodyLimit.discard(response.body)
        let code = Int(response.status.code)
        guard code == 200 else {
            throw RegistryError(code == 401 || code == 403 ? .unauthorized : .status,
                                "login attempt to \(url) failed with status: \(code) \(Self.statusText(code))", statusCode: code)
        }
    }
}
