import AsyncHTTPClient
import Foundation
import SourceHTTP
import StructuredData

extension RegistryClient {
    /// Every tag of `ref`'s repository, in the registry's order, following `Link: <…>;
    /// rel="next"` pages (`GET /v2/<name>/tags/list`, with `?n=<pageSize>` when given; oras-go
    /// as Helm uses it sends none).
    /// - Throws: `.invalidResponse` after `maxPages` pages (a registry that never ends).
    public func tags(_ ref: ImageReference, pageSize: Int? = nil, maxPages: Int = 10_000) async throws(RegistryError) -> [String] {
        var url: String? = baseURL(ref.registry) + "/v2/\(ref.repository)/tags/list" + (pageSize.map { "?n=\($0)" } ?? "")
        var result: [String] = []
        var pages = 0
        while let current = url {
            pages += 1
            if pages > maxPages { throw RegistryError(.invalidResponse, "GET \"\(current)\": more than \(maxPages) pages of tags") }
            let response = try await send(RegistryRequest(method: .GET, url: current, registry: ref.registry, scopes: Self.pullScope(ref)))
            guard response.status.code == 200 else { throw await statusError(response, method: "GET", url: current) }
            let bytes: [UInt8]
            do { bytes = try await BodyLimit.collect(response.body, limit: options.maxMetadataSize, what: "tag list") } catch {
                throw RegistryError(.sizeLimit, "\(error)")
            }
            guard let json = try? JSONParser.parse(bytes: bytes), case .object = json else {
                throw RegistryError(.invalidResponse, "GET \"\(current)\": invalid tag list")
            }
            if case .array(let tags)? = json["tags"] { result += tags.compactMap(\.stringValue) }
            url = response.headers.first(name: "Link").flatMap { Self.nextLink($0, base: current) }
        }
        return result
    }

    /// The `rel="next"` target of a `Link` header, resolved against the request URL.
    static func nextLink(_ header: String, base: String) -> String? {
        for part in header.split(separator: ",") {
            guard part.contains("rel=\"next\"") || part.contains("rel=next"),
                  let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">"), open < close else { continue }
            let target = String(part[part.index(after: open)..<close])
            return URL(string: target, relativeTo: URL(string: base))?.absoluteString
        }
        return nil
    }
}
