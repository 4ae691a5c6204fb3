import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL

/// Words a transport failure the way Go's `net/http` client reports it
/// (`Get "http://host/path": dial tcp host:port: connect: connection refused`), so messages
/// that embed it read like source-controller's.
public enum TransportErrorText {
    /// `<Method> "<url>": <reason>` (Go's `*url.Error`).
    public static func describe(_ error: any Error, method: String, url: String) -> String {
        let op = method.prefix(1).uppercased() + method.dropFirst().lowercased()
        return "\(op) \"\(url)\": \(reason(error, url: url))"
    }

    /// The reason part alone.
    public static func reason(_ error: any Error, url: String) -> String {
        let address = hostPort(url)
        if let io = error as? IOError { return errnoText(io.errnoCode, address: address) }
        if let connection = error as? NIOConnectionError {
            if let first = connection.connectionErrors.first?.error { return reason(first, url: url) }
            if let dns = connection.dnsAAAAError ?? connection.dnsAError { return "dial tcp: lookup \(address): \(dns)" }
            return "dial tcp \(address): connect: connection refused"
        }
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout: return "dial tcp \(address): i/o timeout"
            case .deadlineExceeded, .readTimeout: return "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
            case .remoteConnectionClosed: return "EOF"
            case .tlsHandshakeTimeout: return "net/http: TLS handshake timeout"
            default: return "\(client)"
            }
        }
        if let ssl = error as? NIOSSLError {
            if case .handshakeFailed(let inner) = ssl, "\(inner)".contains("CERTIFICATE_VERIFY_FAILED") {
                return "tls: failed to verify certificate: x509: certificate signed by unknown authority"
            }
            return "remote error: tls: \(ssl)"
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return "dial tcp \(address): i/o timeout" }
        return "\(error)"
    }

    static func errnoText(_ code: Int32, address: String) -> String {
        switch code {
        case 111: return "dial tcp \(address): connect: connection refused"
        case 113: return "dial tcp \(address): connect: no route to host"
        case 104: return "read tcp \(address): read: connection reset by peer"
        default: return "dial tcp \(address): errno \(code)"
        }
    }

    /// `host:port` of a URL, with the scheme's default port when none is given.
    public static func hostPort(_ url: String) -> String {
        var rest = Substring(url)
        var port = "80"
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
            if rest[..<colon].lowercased() == "https" { port = "443" }
            rest = rest[rest.index(colon, offsetBy: 3)...]
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPart = authority.split(separator: "@").last.map(String.init) ?? String(authority)
        if hostPart.hasPrefix("[") { return hostPart.contains("]:") ? hostPart : hostPart + ":" + port }
        return hostPart.contains(":") ? hostPart : hostPart + ":" + port
    }
}
