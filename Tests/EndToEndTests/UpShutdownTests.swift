import Foundation
import RegistryTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `swiftflux up` with both controllers and its probes stops cleanly on SIGTERM.
@Suite("swiftflux up: SIGTERM", .enabled(if: EndToEnd.swiftflux != nil, "the swiftflux executable is absent"))
struct UpShutdownTests {
    @Test("SIGTERM stops the API server, the source- and helm-controllers and the probes, and the process exits")
    func sigterm() async throws {
        let e2e = try EndToEnd()
        defer { e2e.cleanUp() }
        let up = try BackgroundProcess(EndToEnd.swiftflux!, [
            "up", "--listen", "127.0.0.1:0", "--data-dir", e2e.directory + "/data", "--kubeconfig", e2e.kubeconfig,
            "--storage-addr", "127.0.0.1:0", "--metrics-addr", "127.0.0.1:\(freeLoopbackPort())",
            "--health-addr", "127.0.0.1:\(freeLoopbackPort())",
        ], logPath: e2e.directory + "/up.log")
        defer { up.stop() }
        try await e2e.waitForKubeconfig(up)
        kill(up.pid, SIGTERM)
        let exited = try await e2e.poll(seconds: 30) { up.hasExited ? true : nil }
        #expect(exited == true, "still running 30 s after SIGTERM:\n\(up.log)")
        #expect(up.log.contains("swiftflux: stopped"), "\(up.log)")
    }
}
