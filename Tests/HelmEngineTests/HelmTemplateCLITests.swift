import Foundation
import SharedTestData
import Testing
@testable import SwiftFluxCLI

/// `swiftflux helm template` flag handling and errors beyond the upstream goldens.
@Suite("helm template command line", .enabled(if: SharedConformance.isAvailable, "../shared/conformance is absent"))
struct HelmTemplateCLITests {
    static let root = SharedConformance.path("helm-v3.13.2")

    static func run(_ args: [String]) -> HelmTemplateRunner.Output {
        HelmTemplateRunner(workingDirectory: root).run(args)
    }

    @Test("usage errors print Helm's text and fail", arguments: [
        (["testcharts/subchart", "--bogus"], "Error: unknown flag: --bogus\n"),
        (["testcharts/subchart", "-x"], "Error: unknown shorthand flag: 'x' in -x\n"),
        (["a", "b", "c"], "Error: expected at most two arguments, unexpected arguments: c\n"),
        (["name", "testcharts/subchart", "--name-template", "x"], "Error: cannot set --name-template and also specify a name\n"),
        (["./nope"], "Error: path \"./nope\" not found\n"),
        (["testcharts/subchart", "--kube-version", "abc"], "Error: invalid kube version 'abc': Invalid Semantic Version\n"),
        (["Bad_Name", "testcharts/subchart"], "Error: release name \"Bad_Name\": invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53\n"),
        (["testcharts/subchart", "--set", "a.=b"], "Error: failed parsing --set data: key map \"a\" has no value\n"),
        (["testcharts/chart-missing-deps"], nil),
    ] as [([String], String?)])
    func usageErrors(_ args: [String], _ expected: String?) {
        let output = Self.run(args)
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        if let expected { #expect(output.stderr == expected) } else { #expect(output.stderr.hasPrefix("Error: ")) }
    }

    @Test("flag forms: --name=value, -fVALUE, comma-split api versions, -n")
    func flagForms() throws {
        let flags = try HelmTemplateFlags(arguments: ["--namespace=prod", "-fa.yaml,b.yaml", "chart", "-a", "x/v1,y/v1", "--set", "a=1,b=2", "--debug=false", "--", "--weird"])
        #expect(flags.namespace == "prod")
        #expect(flags.valueFiles == ["a.yaml", "b.yaml"])
        #expect(flags.apiVersions == ["x/v1", "y/v1"])
        #expect(flags.set == ["a=1,b=2"])
        #expect(flags.debug == false)
        #expect(flags.positional == ["chart", "--weird"])
    }

    @Test("--set-file reads a file into a value and --namespace reaches templates")
    func setFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("helm-set-file-\(getpid()).txt")
        try Data("from-file".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = Self.run(["testcharts/subchart", "--set", "configmap.enabled=true", "--set-file", "configmap.value=\(file.path)",
                               "-s", "templates/subdir/configmap.yaml"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("value: from-file"))
    }

    @Test("--output-dir writes one file per template and reports it")
    func outputDir() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("helm-out-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let output = Self.run(["testcharts/subchart", "--output-dir", dir, "--skip-tests"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("wrote \(dir)/subchart/templates/service.yaml\n"))
        let text = try String(contentsOfFile: dir + "/subchart/templates/service.yaml", encoding: .utf8)
        #expect(text.hasPrefix("---\n# Source: subchart/templates/service.yaml\napiVersion: v1\nkind: Service\n"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/subchart/templates/tests/test-config.yaml"))
    }

    @Test("--is-upgrade and --no-hooks")
    func upgradeAndNoHooks() {
        let output = Self.run(["testcharts/subchart", "--no-hooks", "--is-upgrade"])
        #expect(output.status == 0)
        #expect(!output.stdout.contains("helm.sh/hook"))
    }
}
