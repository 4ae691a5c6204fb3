import Foundation
import SwiftFluxTesting
import Testing

/// The official Python `kubernetes` client (Debian's python3-kubernetes or pip) against the server.
@Suite("Python kubernetes client", .serialized)
struct PythonClientTests {
    /// True when the `kubernetes` package is installed for /usr/bin/python3 (Debian's package or pip's).
    static var available: Bool {
        let roots = ["/usr/lib/python3/dist-packages", "/usr/local/lib/python3/dist-packages"]
            + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/local/lib")) ?? [])
                .filter { $0.hasPrefix("python3") }.map { "/usr/local/lib/\($0)/dist-packages" }
        return roots.contains { FileManager.default.fileExists(atPath: "\($0)/kubernetes/__init__.py") }
    }

    @Test("a watch from a compacted resourceVersion gets 410, and the client re-lists and watches again",
          .enabled(if: available, "the Python kubernetes package is not installed"))
    func watchRelist() async throws {
        let server = try await TestAPIServer.start(historyLimit: 20)
        defer { Task { await server.stop() } }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/python_watch_relist.py").path
        let result = try await ProcessRunner.run("/usr/bin/python3", [script, server.kubeconfigPath, "40"],
                                                 environment: ProcessInfo.processInfo.environment, timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "expired 410", "\(result.stdout)")
        #expect(lines.dropFirst().first == "relisted 40")
        #expect(lines.last == "ADDED after")
    }
}
