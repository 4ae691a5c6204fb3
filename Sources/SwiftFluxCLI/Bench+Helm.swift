import ArgumentParser
import Foundation
import HelmEngine

/// `swiftflux bench helm`: full `helm template` renders per second of a chart (default:
/// podinfo 6.5.3). Each render runs dependency processing, values coalescing, parsing of every
/// template into a fresh set, execution, and manifest sorting; the chart files are loaded once
/// (a second figure includes loading from disk as well). The figure that matters is renders per
/// CPU-second: the loop runs until it has used `--seconds` of process CPU time, so other load on a
/// shared machine stretches wall-clock time but not the result.
struct BenchHelmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helm",
        abstract: "Measure full Helm chart render throughput"
    )

    @Option(help: "Chart directory or archive to render.")
    var chart: String = "../shared/conformance/charts/podinfo-6.5.3"

    @Option(help: "Kubernetes version the render reports (podinfo needs >= 1.23).")
    var kubeVersion: String = "1.28.3"

    @Option(help: "CPU-seconds to spend on each measurement.")
    var seconds: Double = 2

    func run() throws {
        let loader = ChartLoader()
        let loaded = try loader.load(path: chart)
        var capabilities = Capabilities()
        capabilities.kubeVersion = try Capabilities.KubeVersion.parse(kubeVersion)
        let install = InstallRender(release: ReleaseOptions(name: "release-name"), capabilities: capabilities)
        let first = try install.run(chart: loaded, values: [:])
        print("chart: \(loaded.name) \(loaded.metadata.version) (\(loaded.templates.count) templates, \(first.manifests.count) manifests, \(first.hooks.count) hooks)")
        let renders = try measure { _ = try install.run(chart: loaded, values: [:]) }
        print(String(format: "render (parse + execute + sort, chart in memory): %.0f renders per CPU-second (%.0f µs CPU each, %ld renders), %.0f renders/s wall",
                     renders.cpu, 1e6 / max(renders.cpu, 1e-9), renders.count, renders.wall))
        let withLoad = try measure { _ = try install.run(chart: try loader.load(path: chart), values: [:]) }
        print(String(format: "render including chart load from disk: %.0f renders per CPU-second (%.0f µs CPU each, %ld renders), %.0f renders/s wall",
                     withLoad.cpu, 1e6 / max(withLoad.cpu, 1e-9), withLoad.count, withLoad.wall))
    }

    /// Renders per CPU-second of this (single-threaded) process and per wall-clock second,
    /// after one warm-up render; the loop stops once `seconds` of CPU time are used.
    private func measure(_ body: () throws -> Void) throws -> (cpu: Double, wall: Double, count: Int) {
        try body()
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Self.cpuSeconds()
        var count = 0
        var cpu = 0.0
        repeat {
            try body()
            count += 1
            cpu = Self.cpuSeconds() - cpuStart
        } while cpu < seconds
        let elapsed = start.duration(to: clock.now)
        let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (cpu > 0 ? Double(count) / cpu : 0, secs > 0 ? Double(count) / secs : 0, count)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }
}
