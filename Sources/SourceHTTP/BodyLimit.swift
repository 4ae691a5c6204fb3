import AsyncHTTPClient
import NIOCore

/// Reading response bodies with a byte budget.
public enum BodyLimit {
    /// The whole body, or `.sizeLimit` "<what> exceeds the maximum size of <limit> bytes" as
    /// soon as more than `limit` bytes arrived (the rest is not read into memory).
    public static func collect(_ body: HTTPClientResponse.Body, limit: Int, what: String = "response body") async throws -> [UInt8] {
        var out: [UInt8] = []
        for try await chunk in body {
            if out.count + chunk.readableBytes > limit {
                throw SourceHTTPError(.sizeLimit, "\(what) exceeds the maximum size of \(limit) bytes")
            }
            out += chunk.readableBytesView
        }
        return out
    }

    /// Reads and drops the body so the connection can be reused; stops after `limit` bytes.
    public static func discard(_ body: HTTPClientResponse.Body, limit: Int = 1 << 20) async {
        var seen = 0
        do {
            for try await chunk in body {
                seen += chunk.readableBytes
                if seen > limit { return }
            }
        } catch {}
    }
}
