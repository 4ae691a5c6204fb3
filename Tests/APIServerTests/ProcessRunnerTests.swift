import Testing
import SwiftFluxTesting

/// The subprocess runner the kubectl-driven tests rely on.
@Suite("ProcessRunner")
struct ProcessRunnerTests {
    @Test("a child that outlives its timeout is killed with SIGKILL and reported as timed out")
    func timeout() async throws {
        let result = try await ProcessRunner.run("/bin/sleep", ["30"], timeout: 1)
        #expect(result.timedOut)
        #expect(result.status == 9)
    }

    @Test("stdin, stdout, stderr and the exit status pass through")
    func io() async throws {
        let result = try await ProcessRunner.run("/bin/sh", ["-c", "cat; echo err >&2; exit 3"], stdin: "hello")
        #expect(result.stdout == "hello")
        #expect(result.stderr == "err\n")
        #expect(result.status == 3)
        #expect(!result.timedOut)
    }

    @Test("an explicit environment replaces the inherited one")
    func environment() async throws {
        let result = try await ProcessRunner.run("/usr/bin/env", [], environment: ["ZZ": "1"])
        #expect(result.stdout == "ZZ=1\n")
    }
}
