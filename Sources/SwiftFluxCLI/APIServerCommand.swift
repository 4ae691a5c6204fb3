import APIServer
import ArgumentParser
import Dispatch
import Foundation

/// `swiftflux apiserver`: run the embedded Kubernetes-compatible API server until SIGTERM/SIGINT.
struct APIServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apiserver",
        abstract: "Run the embedded Kubernetes-compatible API server",
        discussion: """
            Serves HTTPS with a CA, serving certificate and bearer token generated once and kept in the \
            data directory, and writes a ready-to-use kubeconfig once it accepts connections. \
            Stops cleanly on SIGTERM or SIGINT.
            """
    )

    @Option(help: "Address to listen on (host:port).")
    var listen: String = "127.0.0.1:6443"

    @Option(name: .customLong("data-dir"), help: "Directory for the database, certificates and token.")
    var dataDir: String

    @Option(help: "Where to write the kubeconfig once the server is ready.")
    var kubeconfig: String?

    @Flag(name: .customLong("in-memory"), help: "Keep all objects in memory (nothing is persisted).")
    var inMemory: Bool = false

    @Flag(name: .customLong("plain-http"), help: "Serve plain HTTP instead of HTTPS (for debugging).")
    var plainHTTP: Bool = false

    @Option(name: .customLong("user"),
            help: "A named user NAME[:GROUP,GROUP] with its own token and kubeconfig context NAME@swiftflux (repeatable; authorized by RBAC).")
    var users: [String] = []

    /// Splits `host:port` or `[v6]:port`.
    static func parseListen(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port) else {
            throw ValidationError("--listen must be host:port, got \(text)")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "127.0.0.1" : host, port)
    }

    func run() async throws {
        let (host, port) = try Self.parseListen(listen)
        var configuration = APIServerConfiguration(
            host: host, port: port, dataDirectory: dataDir, inMemory: inMemory, tls: !plainHTTP,
            kubeconfigPath: kubeconfig)
        for flag in users {
            guard let user = StaticUser(flag: flag) else { throw ValidationError("--user must be NAME or NAME:GROUP,GROUP, got \(flag)") }
            configuration.users.append(user)
        }
        let server = try await KubeAPIServer(configuration: configuration)
        let serving = Task {
            try await server.run { url in
                FileHandle.standardError.write(Data("apiserver: serving on \(url)\n".utf8))
            }
        }
        var sources: [any DispatchSourceSignal] = []
        for sig in [SIGTERM, SIGINT] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { serving.cancel() }
            source.resume()
            sources.append(source)
        }
        defer { sources.forEach { $0.cancel() } }
        do {
            try await serving.value
        } catch is CancellationError {
        }
        FileHandle.standardError.write(Data("apiserver: stopped\n".utf8))
    }
}
