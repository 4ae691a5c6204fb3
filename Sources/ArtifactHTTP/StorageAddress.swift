import Foundation

/// A `host:port` listen address as Go's `net.SplitHostPort` reads `--storage-addr` (`:9090`
/// means every interface).
public struct StorageAddress: Sendable, Equatable {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`, `:port` or `[v6]:port`.
    /// - Throws: `.address` "address <a>: missing port in address" and similar, as Go words them.
    public init(parsing text: String) throws(ArtifactHTTPError) {
        var host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw ArtifactHTTPError(.address, "address \(text): missing ']' in address")
            }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw ArtifactHTTPError(.address, "address \(text): missing port in address") }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else {
                throw ArtifactHTTPError(.address, "address \(text): missing port in address")
            }
            host = text[..<colon]
            if host.contains(":") { throw ArtifactHTTPError(.address, "address \(text): too many colons in address") }
            portText = text[text.index(after: colon)...]
        }
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw ArtifactHTTPError(.address, "address \(text): invalid port")
        }
        self.host = String(host)
        self.port = port
    }

    /// The host to bind: the given host, or every interface for an empty host.
    public var bindHost: String { host.isEmpty ? "0.0.0.0" : host }

    /// `host:port` as Go's `net.JoinHostPort` writes it.
    public var description: String { Self.join(host, port) }

    static func join(_ host: String, _ port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The advertised address source-controller derives when `--storage-adv-addr` is empty
    /// (`determineAdvStorageAddr`): an empty host becomes `localhost`, `0.0.0.0` becomes
    /// `$HOSTNAME` or the machine's host name. `port` overrides the configured port (pass the
    /// bound port when listening on port 0).
    public func advertised(port boundPort: Int? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var advertisedHost = host
        switch host {
        case "": advertisedHost = "localhost"
        case "0.0.0.0":
            if let name = environment["HOSTNAME"], !name.isEmpty { advertisedHost = name } else {
                advertisedHost = ProcessInfo.processInfo.hostName
            }
        default: break
        }
        return Self.join(advertisedHost, boundPort ?? port)
    }
}
