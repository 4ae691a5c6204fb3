import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import SourceHTTP

/// Helm's HTTP getter as source-controller configures it (`getter.HTTPGetter` with
/// `WithURL`, `WithTimeout`, `WithPassCredentialsAll`, `WithBasicAuth` and a TLS transport):
/// basic credentials are sent only to the repository's own scheme and host unless
/// `passCredentials` is set; any status but 200 fails.
///
/// The `HTTPClient` is borrowed; its owner shuts it down.
public struct HelmGetter: Sendable {
    public let httpClient: HTTPClient
    /// The repository URL the credentials belong to (`getter.WithURL`).
    public var repositoryURL: String
    public var credentials: BasicCredentials?
    /// `.spec.passCredentials`: send the credentials to every host.
    public var passCredentials: Bool
    public var timeout: Duration
    public var userAgent: String
    let tlsConfiguration: TLSConfiguration?

    /// - Throws: `.authentication` when the TLS material does not load.
    public init(httpClient: HTTPClient, repositoryURL: String, credentials: BasicCredentials? = nil, passCredentials: Bool = false,
                tls: TLSClientSettings? = nil, timeout: Duration = .seconds(60), userAgent: String = "Helm/3.13.2") throws(HelmRepoError) {
        self.httpClient = httpClient
        self.repositoryURL = repositoryURL
        self.credentials = credentials
        self.passCredentials = passCredentials
        self.timeout = timeout
        self.userAgent = userAgent
        do { tlsConfiguration = try tls?.configuration() } catch {
            throw HelmRepoError(.authentication, "failed to construct Helm client's TLS config: \(error.message)")
        }
    }

    /// Whether credentials go along to `href` (same scheme and host:port as the repository).
    func sendsCredentials(to href: String) -> Bool {
        if passCredentials { return true }
        guard let a = URLComponents(string: repositoryURL), let b = URLComponents(string: href) else { return false }
        return a.scheme == b.scheme && a.host == b.host && a.port == b.port
    }

    /// GETs `href`, keeping at most `maxSize` bytes of the body.
    /// - Returns: the bytes and whether the body was longer than `maxSize` (the rest is not read).
    /// - Throws: `.fetch` "failed to fetch <href> : <status>" for a non-200 answer, or Go's
    ///   transport wording (`Get "<href>": dial tcp …: connect: connection refused`).
    public func get(_ href: String, maxSize: Int) async throws(HelmRepoError) -> (bytes: [UInt8], truncated: Bool) {
        var request = HTTPClientRequest(url: href)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: userAgent)
        if let credentials, sendsCredentials(to: href) {
            request.headers.add(name: "Authorization", value: credentials.authorizationHeader)
        }
        request.tlsConfiguration = tlsConfiguration
        let nanos = Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        do {
            let response = try await httpClient.execute(request, timeout: .nanoseconds(nanos))
            guard response.status.code == 200 else {
                await BodyLimit.discard(response.body)
                throw HelmRepoError(.fetch, "failed to fetch \(href) : \(response.status.code) \(response.status.reasonPhrase)")
            }
            var bytes: [UInt8] = []
            for try await chunk in response.body {
                if bytes.count + chunk.readableBytes > maxSize {
                    bytes += chunk.readableBytesView.prefix(maxSize - bytes.count)
                    return (bytes, true)
                }
                bytes += chunk.readableBytesView
            }
            return (bytes, false)
        } catch let error as HelmRepoError {
            throw error
        } catch {
            throw HelmRepoError(.fetch, TransportErrorText.describe(error, method: "GET", url: href))
        }
    }
}
