import ArgumentParser
import Foundation
import HelmEngine

/// `swiftflux bench helm`: full `helm template` renders per second of a chart (default:
/// podinfo 6.5.3). Each render runs dependency processing, values coalescing, parsing of every
/// template into a fresh set, execution, and manifest sorting; the chart files are loaded once
/// (a second figure includes loading from disk as well).
struct BenchHelmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helm",
        abstract: "Measure full Helm chart render throughput"
    )

    @Option(help: "Chart directory or archive to render.")
    var chart: String = "../shared/conformance/charts/podinfo-6.5.3"

    @Option(help: "Kubernetes version the render reports (podinfo needs >= 1.23).")
    var kubeVersion: String = "1.28.3"

    @Option(help: "Seconds to spend on each measurement.")
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
        print(String(format: "render (parse + execute + sort, chart in memory): %.0f renders/s wall, %.0f renders per CPU-second (single thread)", renders.wall, renders.cpu))
        let withLoad = try measure { _ = try install.run(chart: try loader.load(path: chart), values: [:]) }
        print(String(format: "render including chart load from disk: %.0f renders/s wall, %.0f renders per CPU-second", withLoad.wall, withLoad.cpu))
    }

    /// Renders per wall-clock second and per CPU-second of this (single-threaded) process, so
    /// the figure stays meaningful on a shared machine.
    private func measure(_ body: () throws -> Void) throws -> (wall: Double, cpu: Double) {
        try body()
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Self.cpuSeconds()
        let deadline = start.advanced(by: .milliseconds(Int(seconds * 1000)))
        var count = 0
        while clock.now < deadline {
            try body()
            count += 1
        }
        let elapsed = start.duration(to: clock.now)
        let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpu = Self.cpuSeconds() - cpuStart
        return (secs > 0 ? Double(count) / secs : 0, cpu > 0 ? Double(count) / cpu : 0)
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
