/// Reads the public host key an SSH server presents, for the `known_hosts` entry of Git SSH
/// secrets (fluxcd/pkg `ssh.ScanHostKey`).
public protocol HostKeyScanner: Sendable {
    /// The server's host key as `(type, base64 blob)`, e.g. `("ecdsa-sha2-nistp256", "AAAA…")`.
    func scan(host: String, port: Int) async throws(FluxCLIError) -> (type: String, key: String)
}

/// A scanner with fixed answers per `host:port` (tests, air-gapped use).
public struct StaticHostKeyScanner: HostKeyScanner {
    public var keys: [String: (type: String, key: String)]

    public init(_ keys: [String: (type: String, key: String)]) { self.keys = keys }

    public func scan(host: String, port: Int) async throws(FluxCLIError) -> (type: String, key: String) {
        guard let key = keys["\(host):\(port)"] else {
            throw FluxCLIError("dial tcp \(host):\(port): connect: connection refused")
        }
        return key
    }
}

/// The `known_hosts` line flux writes: the host (bracketed with its port when not 22), type, key.
enum KnownHosts {
    static func line(host: String, port: Int, type: String, key: String) -> String {
        let name = port == 22 ? host : "[\(host)]:\(port)"
        return "\(name) \(type) \(key)"
    }
}
