import ArgumentParser
import Foundation
import HelmEngine
import Kustomize
#if canImport(Glibc)
import Glibc
#endif

/// `swiftflux bench kustomize`: builds per second of two inputs — a realistic overlay (a base of
/// 20 resources, two overlays with generators and patches, written to a temporary directory) and
/// podinfo's rendered manifests with a patches/images kustomization — in process, and as whole
/// processes (`swiftflux build kustomize` vs `kubectl.1.31 kustomize`, interleaved run by run in
/// the same invocation, with wall-clock and CPU medians); each output is first compared with
/// kubectl's.
struct BenchKustomizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kustomize",
        abstract: "Measure kustomize build throughput against kubectl kustomize"
    )

    @Option(help: "podinfo chart directory.")
    var chart: String = "../shared/conformance/charts/podinfo-6.5.3"

    @Option(help: "kubectl binary for the comparison (skipped when absent).")
    var kubectl: String = "kubectl.1.31"

    @Option(help: "Whole-process builds per input and tool.")
    var runs: Int = 20

    @Option(help: "Seconds to spend on each in-process measurement.")
    var seconds: Double = 2

    func run() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swiftflux-bench-kustomize-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try BenchKustomizeInputs.writeOverlay(at: dir + "/overlay")
        try BenchKustomizeInputs.writePodinfo(at: dir + "/podinfo", chart: chart)
        let selfPath = CommandLine.arguments[0].hasPrefix("/") ? CommandLine.arguments[0]
            : FileManager.default.currentDirectoryPath + "/" + CommandLine.arguments[0]
        let kubectlPath = BenchKustomizeInputs.which(kubectl)
        for (label, target) in [("overlay (base of 20 resources, 2 overlays, generators, patches)", dir + "/overlay/all"),
                                ("podinfo 6.5.3 manifests (patches + images)", dir + "/podinfo")] {
            let fs = try DiskFileSystem(root: "/")
            let output = try Kustomizer.build(fs: fs, path: target)
            print("\(label): \(output.components(separatedBy: "\n---\n").count) resources, \(output.utf8.count) bytes")
            if let kubectlPath {
                let theirs = try BenchKustomizeInputs.output([kubectlPath, "kustomize", target])
                print("  output identical to \(kubectl) kustomize: \(theirs == output ? "yes" : "NO")")
            }
            let inProcess = try measure { _ = try Kustomizer.build(fs: fs, path: target) }
            print(String(format: "  in process:                 %8.1f builds/s", inProcess))
            var commands = [[selfPath, "build", "kustomize", target]]
            if let kubectlPath { commands.append([kubectlPath, "kustomize", target]) }
            let results = try BenchKustomizeInputs.wholeProcess(commands, runs: runs)
            print(String(format: "  swiftflux build kustomize:  %8.1f builds/s, median %6.1f ms wall, %6.1f ms CPU (whole process, %d runs)",
                         results[0].perSecond, results[0].medianMs, results[0].medianCPUMs, runs))
            if results.count > 1 {
                print(String(format: "  %@ kustomize:     %8.1f builds/s, median %6.1f ms wall, %6.1f ms CPU (whole process, %d runs, interleaved)",
                             kubectl, results[1].perSecond, results[1].medianMs, results[1].medianCPUMs, runs))
            } else {
                print("  \(kubectl) kustomize: skipped (not found)")
            }
        }
    }

    private func measure(_ body: () throws -> Void) throws -> Double {
        try body()
        let clock = ContinuousClock()
        let start = clock.now
        var count = 0
        var elapsed = 0.0
        repeat {
            try body()
            count += 1
            let d = start.duration(to: clock.now)
            elapsed = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        } while elapsed < seconds
        return Double(count) / elapsed
    }
}
