import Foundation
import SharedTestData
import Testing
@testable import HelmEngine

/// Ports of Helm's `pkg/chart/loader/load_test.go` checks on its frobnitz/mariner charts.
@Suite("chart loading", .enabled(if: SharedConformance.isAvailable, "../shared/conformance is absent"))
struct ChartLoaderTests {
    static let testdata = SharedConformance.path("helm-v3.13.2/pkg-testdata/chart/loader/testdata")

    @Test("frobnitz loads the same from a directory and from archives", arguments: [
        "frobnitz", "frobnitz-1.2.3.tgz", "frobnitz_backslash-1.2.3.tgz", "frobnitz_with_bom", "frobnitz_with_bom.tgz",
    ])
    func frobnitz(_ name: String) throws {
        let chart = try ChartLoader().load(path: Self.testdata + "/" + name)
        #expect(chart.name.hasPrefix("frobnitz"))
        #expect(chart.metadata.apiVersion == "v1")
        #expect(chart.metadata.description == "This is a frobnitz.")
        #expect(chart.metadata.dependencies.map(\.name) == ["alpine", "mariner"])
        #expect(chart.templates.map(\.name) == ["templates/template.tpl"])
        #expect(Set(chart.dependencies.map(\.name)) == ["alpine", "mariner"])
        #expect(chart.values["name"] == .string("Some Name"))
        let files = Set(chart.files.map(\.name))
        #expect(files.contains("README.md"))
        #expect(files.contains("docs/README.md"))
        if name == "frobnitz" {   // .helmignore `ignore/` (the BOM variant's rule keeps its BOM, as in Helm)
            #expect(!files.contains(where: { $0.hasPrefix("ignore/") }))
        }
        #expect(chart.files.allSatisfy { !$0.data.starts(with: [0xEF, 0xBB, 0xBF]) })
    }

    static let archives = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/archives").path

    @Test("unsafe or malformed archives are rejected with Helm's messages", arguments: [
        ("absolute-path.tgz", "chart illegally contains absolute paths"),
        ("parent-ref.tgz", "chart illegally references parent directory"),
        ("chart-yaml-at-root.tgz", "chart illegally contains content outside the base directory: \"Chart.yaml\""),
        ("only-dirs.tgz", "no files in chart archive"),
        ("big-file.tgz", "decompressed chart file \"evil/big.bin\" is larger than the maximum file size 1024"),
    ])
    func unsafeArchives(_ file: String, _ message: String) {
        let loader = ChartLoader(limits: .init(maxChartSize: 10 << 20, maxFileSize: 1024))
        #expect(throws: HelmError(.chart, message)) { _ = try loader.load(path: Self.archives + "/" + file) }
    }

    @Test("the archive's top directory name does not matter and BOMs are stripped")
    func oddTopDirectory() throws {
        let chart = try ChartLoader().load(path: Self.archives + "/odd-top-dir.tgz")
        #expect(chart.name == "evil")
        #expect(chart.templates.first?.data == Array("kind: ConfigMap\n".utf8))
    }

    @Test("archive size caps are enforced with a clear message")
    func sizeLimits() throws {
        let loader = ChartLoader(limits: .init(maxChartSize: 64, maxFileSize: 32))
        let error = #expect(throws: HelmError.self) { _ = try loader.load(path: Self.testdata + "/frobnitz-1.2.3.tgz") }
        #expect(error?.message.hasPrefix("decompressed chart") == true)
    }

    @Test("a chart type other than application or library fails validation")
    func badType() {
        #expect(throws: HelmError(.chart, "validation: chart.metadata.type must be application or library")) {
            _ = try ChartLoader().load(path: SharedConformance.path("helm-v3.13.2/testcharts/chart-bad-type"))
        }
    }

    @Test("archive paths are cleaned like Go's path.Clean", arguments: [
        ("a/b/../c", "a/c"), ("./a", "a"), ("a//b", "a/b"), ("..", ".."), ("", "."), ("/x/../..", "/"),
    ])
    func cleanPath(_ input: String, _ expected: String) {
        #expect(ChartLoader.cleanPath(input) == expected)
    }

    @Test(".helmignore rules match like Helm's", arguments: [
        ("*.txt", "a/b.txt", false, true), ("/a.txt", "a.txt", false, true), ("/a.txt", "b/a.txt", false, false),
        ("dir/", "dir", true, true), ("dir/", "dir", false, false), ("a/*.md", "a/x.md", false, true),
        ("templates/.?*", "templates/.keep", false, true),
    ])
    func helmIgnore(_ rule: String, _ path: String, _ isDirectory: Bool, _ ignored: Bool) throws {
        var rules = HelmIgnore()
        try rules.add(rule)
        #expect(rules.ignores(path, isDirectory: isDirectory) == ignored)
    }

    @Test("double-star rules are rejected")
    func doubleStar() {
        #expect(throws: HelmError.self) { _ = try HelmIgnore(text: "**/foo\n") }
    }
}
