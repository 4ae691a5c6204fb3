import Foundation
import Testing

/// The fuzz differential: random templates over Sprig's deterministic functions rendered by
/// `helm template` and `swiftflux helm template`. Long-running, so outside CI: it runs only
/// when `SWIFTFLUX_HELM_FUZZ` gives an iteration count (`SWIFTFLUX_HELM_FUZZ_SEED` replays a
/// seed). Each difference is minimised to the single template file that shows it and written
/// to `$TMPDIR/helmparity-fuzz-findings/` for the case table.
@Suite("helm template fuzz differential", .enabled(if: HelmOracle.isAvailable && FuzzSettings.iterations > 0, "set SWIFTFLUX_HELM_FUZZ=N"))
struct FuzzParityTests {
    static var iterations: Int { FuzzSettings.iterations }
    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["SWIFTFLUX_HELM_FUZZ_SEED"] ?? "") ?? 17 }
    static let filesPerChart = 4

    @Test("random templates render to the same bytes")
    func fuzz() async throws {
        var fuzzer = TemplateFuzzer(seed: Self.seed)
        let findings = NSTemporaryDirectory() + "helmparity-fuzz-findings"
        try FileManager.default.createDirectory(atPath: findings, withIntermediateDirectories: true)
        var differences = 0
        var failedRenders = 0
        for iteration in 0..<Self.iterations {
            let home = try HelmOracle.scratch("fuzz")
            defer { try? FileManager.default.removeItem(atPath: home) }
            var files: [String: String] = ["values.yaml": TemplateFuzzer.values]
            for f in 0..<Self.filesPerChart {
                files["templates/t\(f).yaml"] = fuzzer.line("k0") + "\n"
            }
            let chart = try ChartWriter.write(files, to: home)
            let (helm, swiftflux) = try await HelmOracle.both(["template", "fuzz", chart], home: home)
            if helm.status != 0 { failedRenders += 1 }
            guard helm != swiftflux else { continue }
            differences += 1
            // Minimise: the first template file that shows the difference on its own.
            var minimal = files.filter { $0.key.hasPrefix("templates/") }.map(\.value).joined(separator: "---\n")
            for f in 0..<Self.filesPerChart {
                guard let text = files["templates/t\(f).yaml"] else { continue }
                let single = try ChartWriter.write(["values.yaml": TemplateFuzzer.values, "templates/t.yaml": text], name: "single\(f)", to: home)
                let (h, s) = try await HelmOracle.both(["template", "fuzz", single], home: home)
                if h != s { minimal = text; break }
            }
            let path = findings + "/seed\(Self.seed)-iteration\(iteration).yaml"
            try Data(minimal.utf8).write(to: URL(fileURLWithPath: path))
            Issue.record("difference at iteration \(iteration), minimised to \(path):\n\(minimal)\n--- helm\n\(helm)\n--- swiftflux\n\(swiftflux)")
        }
        print("helm fuzz differential: seed \(Self.seed), \(Self.iterations) iterations (\(Self.iterations * Self.filesPerChart) expressions), \(failedRenders) renders failed in helm, \(differences) differences")
        #expect(differences == 0)
    }
}

/// The fuzz run's size, from the environment (0: the suite is skipped).
enum FuzzSettings {
    static var iterations: Int { Int(ProcessInfo.processInfo.environment["SWIFTFLUX_HELM_FUZZ"] ?? "") ?? 0 }
}
