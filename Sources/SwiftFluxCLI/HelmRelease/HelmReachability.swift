import AsyncHTTPClient
import Foundation
import KubeClient
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Helm's `KubeClient.IsReachable`: the server's `/version` must answer before an action runs.
enum HelmReachability {
    /// Reads `/version` through `transport`.
    /// - Throws: `FlagError("Kubernetes cluster unreachable: Get \"<server>/version\": <reason>")`,
    ///   the reason worded as Go's `net/http` words it for a refused connection (`dial tcp
    ///   HOST:PORT: connect: connection refused`) and a stalled TLS handshake (`net/http: TLS
    ///   handshake timeout`); `context deadline exceeded` when the request outlived its timeout.
    static func check(_ client: KubeClient, transport: any KubeTransport, server: String) async throws {
        let url = server.hasSuffix("/") ? server + "version" : server + "/version"
        do {
            let headers = try client.defaultHeaders() + [KubeRequest.Header("Accept", "application/json")]
            let response = try await transport.send(KubeRequest(method: "GET", path: "/version", headers: headers))
            guard (200..<300).contains(response.statusCode) else {
                // Helm reports the server's answer through client-go's error for the status code.
                let status = KubeClient.status(from: response.body, code: response.statusCode, method: "GET")
                throw FlagError("Kubernetes cluster unreachable: \(status.message)")
            }
        } catch let error as FlagError {
            throw error
        } catch {
            throw FlagError("Kubernetes cluster unreachable: Get \"\(url)\": \(reason(error, server: server))")
        }
    }

    /// Go's text for a failed request to `server`.
    static func reason(_ error: any Error, server: String) -> String {
        let endpoint = hostPort(server)
        if let io = error as? IOError {
            return "dial tcp \(endpoint): connect: \(errnoText(io.errnoCode))"
        }
        if let http = error as? HTTPClientError {
            switch http {
            case .connectTimeout:
                return server.hasPrefix("https") ? "net/http: TLS handshake timeout" : "dial tcp \(endpoint): i/o timeout"
            case .deadlineExceeded, .readTimeout:
                return "context deadline exceeded"
            default:
                break
            }
        }
        if let kube = error as? KubeClientError { return kube.description }
        let text = "\(error)"
        if text.contains("Connection refused") { return "dial tcp \(endpoint): connect: connection refused" }
        return text
    }

    /// `host:port` of a server URL, with the scheme's default port.
    static func hostPort(_ server: String) -> String {
        guard let url = URL(string: server), let host = url.host else { return server }
        let port = url.port ?? (url.scheme == "http" ? 80 : 443)
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(shownHost):\(port)"
    }

    /// Go's `syscall.Errno.Error()` for the connection errors.
    static func errnoText(_ code: CInt) -> String {
        switch code {
        case ECONNREFUSED: return "connection refused"
        case ENETUNREACH: return "network is unreachable"
        case EHOSTUNREACH: return "no route to host"
        case ETIMEDOUT: return "connection timed out"
        case ECONNRESET: return "connection reset by peer"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}

/// Helm's `checkPerms` (`cmd/helm/root_unix.go`).
enum HelmKubeconfigCheck {
    /// The warnings Helm prints for the kubeconfig it would read: `--kubeconfig`, else
    /// `$KUBECONFIG` (used as one path), else `.kube/config` under the passwd home directory.
    static func warnings(kubeconfig: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        var path = kubeconfig ?? ""
        if path.isEmpty { path = environment["KUBECONFIG"] ?? "" }
        if path.isEmpty {
            guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return "" }
            path = String(cString: dir) + "/.kube/config"
        }
        var info = stat()
        guard stat(path, &info) == 0 else { return "" }
        var out = ""
        if info.st_mode & 0o040 != 0 {
            out += "WARNING: Kubernetes configuration file is group-readable. This is insecure. Location: \(path)\n"
        }
        if info.st_mode & 0o004 != 0 {
            out += "WARNING: Kubernetes configuration file is world-readable. This is insecure. Location: \(path)\n"
        }
        return out
    }
}
