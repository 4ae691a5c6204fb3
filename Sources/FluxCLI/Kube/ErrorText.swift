import Foundation
import KStatus
import KubeClient
import StructuredData

/// Error texts as flux prints them: API errors are the server `Status` message (client-go's
/// `StatusError.Error()`); transport failures read like Go's `net/http` (`Get "URL": dial tcp
/// HOST:PORT: connect: connection refused`).
enum ErrorText {
    static func describe(_ error: any Error, server: String = "") -> String {
        switch error {
        case let e as FluxCLIError: return e.message
        case let e as KubeClientError:
            if case .transport = e { return transport(e, server: server, path: nil) }
            return e.description
        case let e as KStatusError: return e.message
        case let e as StructuredDataError: return e.description
        default: return String(describing: error)
        }
    }

    /// Go's `url.Error` text for a failed request: `Get "https://host/path": <cause>`.
    static func transport(_ error: KubeClientError, server: String, path: String?) -> String {
        guard case .transport(let message) = error else { return error.description }
        // KubeClient words transport failures "METHOD /path?query: cause".
        var method = "GET"
        var requestPath = path ?? ""
        var cause = message
        if let space = message.firstIndex(of: " "), let colon = message.range(of: ": ") {
            method = String(message[..<space])
            if path == nil { requestPath = String(message[message.index(after: space)..<colon.lowerBound]) }
            cause = String(message[colon.upperBound...])
        }
        let goMethod = method.prefix(1).uppercased() + method.dropFirst().lowercased()
        return "\(goMethod) \"\(server)\(requestPath)\": \(goCause(cause, server: server))"
    }

    /// Go's wording of common connection failures.
    static func goCause(_ cause: String, server: String) -> String {
        let hostPort = hostAndPort(server)
        let lower = cause.lowercased()
        if lower.contains("connection refused") { return "dial tcp \(hostPort): connect: connection refused" }
        if lower.contains("connecttimeout") || lower.contains("connect timeout") || lower.contains("timed out") {
            return "dial tcp \(hostPort): i/o timeout"
        }
        if lower.contains("deadlineexceeded") || lower.contains("deadline exceeded") {
            return "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
        }
        if lower.contains("certificate") || lower.contains("handshake") || lower.contains("ssl") {
            return "tls: failed to verify certificate: x509: certificate signed by unknown authority"
        }
        if lower.contains("no such host") || lower.contains("unknown host") || lower.contains("name resolution") {
            return "dial tcp: lookup \(hostPort.split(separator: ":").first ?? ""): no such host"
        }
        return cause
    }

    /// `host:port` of a server URL, with the scheme's default port.
    static func hostAndPort(_ server: String) -> String {
        guard let url = URL(string: server), let host = url.host else { return server }
        let port = url.port ?? (url.scheme == "http" ? 80 : 443)
        return "\(host):\(port)"
    }
}
