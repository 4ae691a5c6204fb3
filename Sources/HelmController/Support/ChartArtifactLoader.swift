import AsyncHTTPClient
import Crypto
import Foundation
import HelmEngine
import NIOCore

/// Downloads a HelmChart's artifact and loads the chart (`internal/loader.SecureLoadChartFromURL`):
/// GET with retries on transport errors and 5xx, a 404 as `fileNotFound`, the digest verified
/// before the archive is loaded with Helm's size limits.
///
/// Charts are kept by artifact digest (the last `cacheSize` distinct ones): HelmReleases of the
/// same chart artifact — flux-benchmark's 1000 releases of podinfo — load it once. A digest names
/// the bytes, so a cached chart is exactly what a download would have loaded.
///
/// Owns its `HTTPClient`; call `shutdown()` once.
final class ChartArtifactLoader: Sendable {
    enum Failure: Error, Equatable, CustomStringConvertible {
        case fileNotFound
        case message(String)
        var description: String {
            switch self {
            case .fileNotFound: return "file not found"
            case .message(let m): return m
            }
        }
    }

    let http: HTTPClient
    let retries: Int
    let maxSize: Int
    let cache: ChartCache

    init(retries: Int = 9, maxSize: Int = 50 << 20, cacheSize: Int = 32) {
        http = HTTPClient(eventLoopGroupProvider: .singleton)
        self.retries = retries
        self.maxSize = maxSize
        cache = ChartCache(capacity: cacheSize)
    }

    func shutdown() async { try? await http.shutdown() }

    func load(url: String, digest: String) async throws(Failure) -> HelmEngine.Chart {
        if let chart = await cache.chart(digest) { return chart }
        let chart = try await loadUncached(url: url, digest: digest)
        await cache.insert(chart, digest: digest)
        return chart
    }

    func loadUncached(url: String, digest: String) async throws(Failure) -> HelmEngine.Chart {
        let bytes = try await download(url)
        guard Self.verify(bytes, digest: digest) else {
            throw .message("failed to verify artifact: computed digest doesn't match '\(digest)'")
        }
        do {
            return try ChartLoader().loadArchive(bytes)
        } catch {
            throw .message("failed to load chart: \(error)")
        }
    }

    func download(_ url: String) async throws(Failure) -> [UInt8] {
        var lastError = ""
        for attempt in 0...retries {
            if attempt > 0 {
                do { try await Task.sleep(for: .milliseconds(min(1000 * (1 << min(attempt - 1, 5)), 30_000))) } catch {
                    throw .message("artifact download cancelled")
                }
            }
            do {
                let response = try await http.execute(HTTPClientRequest(url: url), timeout: .seconds(60))
                let code = Int(response.status.code)
                if code == 404 { throw Failure.fileNotFound }
                guard (200..<300).contains(code) else {
                    lastError = "failed to download artifact from \(url), status: \(response.status.code) \(response.status.reasonPhrase)"
                    _ = try? await response.body.collect(upTo: 1 << 16)
                    if code >= 500 { continue }
                    throw Failure.message(lastError)
                }
                return Array(buffer: try await response.body.collect(upTo: maxSize))
            } catch let failure as Failure {
                throw failure
            } catch {
                lastError = "failed to download artifact from \(url): \(error)"
            }
        }
        throw .message(lastError)
    }

    /// Whether `bytes` have `digest` (`<algo>:<hex>`, sha256/sha384/sha512).
    static func verify(_ bytes: [UInt8], digest: String) -> Bool {
        guard let colon = digest.firstIndex(of: ":") else { return false }
        let hex: String
        switch digest[..<colon] {
        case "sha256": hex = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        case "sha384": hex = SHA384.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        case "sha512": hex = SHA512.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        default: return false
        }
        return hex == digest[digest.index(after: colon)...]
    }
}

/// The most recently used charts by artifact digest.
actor ChartCache {
    let capacity: Int
    private var charts: [String: HelmEngine.Chart] = [:]
    private var order: [String] = []

    init(capacity: Int) { self.capacity = capacity }

    func chart(_ digest: String) -> HelmEngine.Chart? {
        guard !digest.isEmpty, let chart = charts[digest] else { return nil }
        if let i = order.firstIndex(of: digest) { order.remove(at: i) }
        order.append(digest)
        return chart
    }

    func insert(_ chart: HelmEngine.Chart, digest: String) {
        guard capacity > 0, !digest.isEmpty else { return }
        if charts.updateValue(chart, forKey: digest) == nil {
            order.append(digest)
            if order.count > capacity { charts[order.removeFirst()] = nil }
        }
    }
}
