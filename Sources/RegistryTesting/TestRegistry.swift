import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real Distribution registry (Debian's `docker-registry`) on a loopback port for one test:
/// started with a generated config (optionally htpasswd or token auth, TLS, client CAs),
/// stopped by PID, its storage removed.
public final class TestRegistry: @unchecked Sendable {
    public enum Auth: Sendable {
        case none
        /// Basic auth with one bcrypt user (`htpasswd -B`).
        case htpasswd(user: String, password: String)
        /// Bearer tokens from `realm`, signed by the holder of `signingCertificatePEM`.
        case token(realm: String, service: String, issuer: String, signingCertificatePEM: String)
    }

    public struct TLS: Sendable {
        public var certificatePEM: String
        public var keyPEM: String
        /// Require client certificates signed by this CA.
        public var clientCAPEM: String?
        public init(certificatePEM: String, keyPEM: String, clientCAPEM: String? = nil) {
            self.certificatePEM = certificatePEM
            self.keyPEM = keyPEM
            self.clientCAPEM = clientCAPEM
        }
    }

    public let port: Int
    public let directory: String
    public let tls: Bool
    let process: BackgroundProcess

    /// `127.0.0.1:<port>`.
    public var host: String { "127.0.0.1:\(port)" }

    public static func start(auth: Auth = .none, tls: TLS? = nil) async throws -> TestRegistry {
        await RegistrySlots.shared.acquire()
        do {
            return try await launch(auth: auth, tls: tls)
        } catch {
            await RegistrySlots.shared.release()
            throw error
        }
    }

    static func launch(auth: Auth, tls: TLS?) async throws -> TestRegistry {
        guard let executable = TestTools.registry else { throw NSError(domain: "TestRegistry", code: 1, userInfo: [NSLocalizedDescriptionKey: "docker-registry not installed"]) }
        let dir = FileManager.default.temporaryDirectory.path + "/swiftflux-registry-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        let port = freeLoopbackPort()
        var config = """
        version: 0.1
        log:
          level: error
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: \(dir)/data
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:\(port)
          secret: swiftflux-test

        """
        if let tls {
            try tls.certificatePEM.write(toFile: dir + "/tls.crt", atomically: true, encoding: .utf8)
            try tls.keyPEM.write(toFile: dir + "/tls.key", atomically: true, encoding: .utf8)
            config += "  tls:\n    certificate: \(dir)/tls.crt\n    key: \(dir)/tls.key\n"
            if let ca = tls.clientCAPEM {
                try ca.write(toFile: dir + "/client-ca.crt", atomically: true, encoding: .utf8)
                config += "    clientcas:\n      - \(dir)/client-ca.crt\n"
            }
        }
        switch auth {
        case .none: break
        case .htpasswd(let user, let password):
            guard let htpasswd = TestTools.htpasswd else { throw NSError(domain: "TestRegistry", code: 2, userInfo: [NSLocalizedDescriptionKey: "htpasswd not installed"]) }
            let (status, output) = try await runTool(htpasswd, ["-Bbn", user, password])
            guard status == 0 else { throw NSError(domain: "TestRegistry", code: 3, userInfo: [NSLocalizedDescriptionKey: output]) }
            try output.trimmingCharacters(in: .whitespacesAndNewlines).appending("\n").write(toFile: dir + "/htpasswd", atomically: true, encoding: .utf8)
            config += "auth:\n  htpasswd:\n    realm: basic-realm\n    path: \(dir)/htpasswd\n"
        case .token(let realm, let service, let issuer, let certificate):
            try certificate.write(toFile: dir + "/token.crt", atomically: true, encoding: .utf8)
            config += "auth:\n  token:\n    realm: \(realm)\n    service: \(service)\n    issuer: \(issuer)\n    rootcertbundle: \(dir)/token.crt\n"
        }
        try config.write(toFile: dir + "/config.yml", atomically: true, encoding: .utf8)
        let process = try BackgroundProcess(executable, ["serve", dir + "/config.yml"], logPath: dir + "/registry.log")
        let registry = TestRegistry(port: port, directory: dir, tls: tls != nil, process: process)
        try await registry.waitUntilListening()
        return registry
    }

    init(port: Int, directory: String, tls: Bool, process: BackgroundProcess) {
        self.port = port
        self.directory = directory
        self.tls = tls
        self.process = process
    }

    /// Polls the port (every 20 ms, at most 90 s on a loaded machine) until it accepts connections.
    func waitUntilListening() async throws {
        let deadline = ContinuousClock.now + .seconds(90)
        while ContinuousClock.now < deadline {
            if process.hasExited { break }
            if Self.canConnect(port) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        let log = process.log
        process.stop()
        try? FileManager.default.removeItem(atPath: directory)
        throw NSError(domain: "TestRegistry", code: 4, userInfo: [NSLocalizedDescriptionKey: "registry did not start: \(log)"])
    }

    static func canConnect(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    private let stopped = NSLock()
    private var isStopped = false

    /// Stops the registry by PID, deletes its storage and frees its slot (idempotent).
    public func stop() {
        stopped.lock()
        let first = !isStopped
        isStopped = true
        stopped.unlock()
        guard first else { return }
        process.stop()
        try? FileManager.default.removeItem(atPath: directory)
        Task { await RegistrySlots.shared.release() }
    }

    deinit { stop() }
}

/// Limits how many registries tests run at once (they start slowly on a loaded machine).
actor RegistrySlots {
    static let shared = RegistrySlots(limit: 2)
    private var free: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { free = limit }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { free += 1 } else { waiters.removeFirst().resume() }
    }
}
