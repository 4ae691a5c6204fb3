import AsyncHTTPClient
import Crypto
import Foundation
import HelmEngine
import NIOCore

/// Downloads a HelmChart's artifact and loads the chart (`internal/loader.SecureLoadChartFromURL`):
/// GET with retries on transport errors and 5xx, a 404 as `fileNotFound`, the digest verified
/// before the archive is loaded with Helm's size limits.
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

    init(retries: Int = 9, maxSize: Int = 50 << 20) {
        http = HTTPClient(eventLoopGroupProvider: .singleton)
        self.retries = retries
        self.maxSize = maxSize
    }

    func shutdown() async { try? await http.shutdown() }

    func load(url: String, digest: String) async throws(Failure) -> HelmEngine.Chart {
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
