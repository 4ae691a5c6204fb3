import Foundation
import StructuredData
import SwiftFluxTesting
import Testing

/// The `swiftflux` executable next to the test build, if it was built.
let swiftfluxBinary: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    for config in ["debug", "release"] {
        let path = root.appendingPathComponent(".build/\(config)/swiftflux").path
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}()

@Suite("Durability of the swiftflux apiserver process", .serialized)
struct DurabilityTests {
    /// Starts `swiftflux apiserver` on a free port; returns the process and the server URL.
    func launch(dataDir: String, kubeconfig: String) async throws -> (Process, String) {
        try? FileManager.default.removeItem(atPath: kubeconfig)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: swiftfluxBinary ?? "/nonexistent")
        process.arguments = ["apiserver", "--listen", "127.0.0.1:0", "--data-dir", dataDir, "--kubeconfig", kubeconfig]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let ready = await eventually(within: 30) { FileManager.default.fileExists(atPath: kubeconfig) }
        guard ready, let text = try? String(contentsOfFile: kubeconfig, encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.contains("server: ") }) else {
            process.terminate()
            throw APIServerTestFailure("server did not write its kubeconfig")
        }
        return (process, String(line.split(separator: " ").last ?? ""))
    }

    @Test("SIGKILL during concurrent writes loses no acknowledged write, and SIGTERM stops cleanly",
          .enabled(if: swiftfluxBinary != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func sigkill() async throws {
        let dir = temporaryDirectory()
        let dataDir = dir + "/data", kubeconfig = dir + "/kubeconfig"
        let (process, url) = try await launch(dataDir: dataDir, kubeconfig: kubeconfig)
        let token = try String(contentsOfFile: dataDir + "/token", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let script = """
            i=0
            while [ $i -lt 400 ]; do
              i=$((i+1)); n="w$1-$i"
              code=$(curl -s -o /dev/null -w '%{http_code}' --cacert \(dataDir)/ca.crt -H 'Authorization: Bearer \(token)' \\
                -H 'Content-Type: application/json' -X POST \\
                --data "{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"ConfigMap\\",\\"metadata\\":{\\"name\\":\\"$n\\"}}" \\
                \(url)/api/v1/namespaces/default/configmaps) || true
              if [ "$code" = "201" ]; then echo "$n" >> \(dir)/acked-$1; fi
              if [ "$code" = "000" ]; then exit 0; fi
            done
            """
        try script.write(toFile: dir + "/writer.sh", atomically: true, encoding: .utf8)
        async let w1 = ProcessRunner.run("/bin/sh", [dir + "/writer.sh", "1"], timeout: 120)
        async let w2 = ProcessRunner.run("/bin/sh", [dir + "/writer.sh", "2"], timeout: 120)
        async let w3 = ProcessRunner.run("/bin/sh", [dir + "/writer.sh", "3"], timeout: 120)
        _ = await eventually(within: 30) {
            let n = ((try? String(contentsOfFile: dir + "/acked-1", encoding: .utf8)) ?? "").split(separator: "\n").count
            return n >= 20
        }
        kill(process.processIdentifier, SIGKILL)
        _ = try await (w1, w2, w3)
        var acked: [String] = []
        for i in 1...3 {
            acked += ((try? String(contentsOfFile: dir + "/acked-\(i)", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
        #expect(acked.count >= 20)

        let (restarted, url2) = try await launch(dataDir: dataDir, kubeconfig: kubeconfig)
        let listing = try await ProcessRunner.run("/usr/bin/curl", ["-s", "--cacert", dataDir + "/ca.crt", "-H", "Authorization: Bearer \(token)",
                                                                   "\(url2)/api/v1/namespaces/default/configmaps"], timeout: 30)
        let list = try JSONParser.parse(listing.stdout)
        let stored = Set(list["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue } ?? [])
        let lost = acked.filter { !stored.contains($0) }
        #expect(lost.isEmpty, "lost acknowledged writes: \(lost)")
        let maxRV = list["items"]?.arrayValue?.compactMap { Int($0["metadata"]?["resourceVersion"]?.stringValue ?? "") }.max() ?? 0
        #expect(Int(list["metadata"]?["resourceVersion"]?.stringValue ?? "") ?? 0 >= maxRV)

        kill(restarted.processIdentifier, SIGTERM)
        let stopped = await eventually(within: 20) { !restarted.isRunning }
        #expect(stopped)
        #expect(restarted.terminationStatus == 0)
    }
}

struct APIServerTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
