import FluxAPI
import FluxCLI
import Foundation
import KubeModel
import SharedTestData
import SwiftFluxTesting
import Testing

/// The `swiftflux` executable built beside the tests (`swift build --build-tests` builds it).
private let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/debug/swiftflux").path

@Suite("flux completion", .serialized)
struct CompletionTests {
    @Test("__complete lists kinds under a verb and object names of a kind")
    func completeProtocol() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("complete")
        try await Simulated.namespace(harness, ns)
        for name in ["podinfo", "podinfo-canary", "redis"] {
            try await harness.create(KubeObject(["apiVersion": .string(HelmRelease.apiResource.apiVersion), "kind": "HelmRelease",
                                                 "metadata": ["name": .string(name), "namespace": .string(ns)],
                                                 "spec": ["interval": "5m", "chart": ["spec": ["chart": "podinfo",
                                                          "sourceRef": ["kind": "HelmRepository", "name": "podinfo"]]]]]))
        }
        let kinds = await harness.run("__completeNoDesc get \"\"")
        #expect(kinds.output.hasPrefix("alert-providers\nalerts\nall\nhelmreleases\nimages\nkustomizations\nreceivers\nsources\n:4\n"))
        let names = await harness.run("__complete suspend hr -n \(ns) pod")
        #expect(names.output == "podinfo\npodinfo-canary\n:4\nCompletion ended with directive: ShellCompDirectiveNoFileComp\n")
        let flags = await harness.run("__complete get hr --no-")
        #expect(flags.output.hasPrefix("--no-header\tskip the header when printing the results\n:4\n"))
    }

    @Test("the bash script loads in bash and completes kinds and object names through the binary",
          .enabled(if: FileManager.default.isExecutableFile(atPath: binary) && FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func bash() async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("bash")
        try await Simulated.namespace(harness, ns)
        try await harness.create(KubeObject(["apiVersion": .string(GitRepository.apiResource.apiVersion), "kind": "GitRepository",
                                             "metadata": ["name": "webapp", "namespace": .string(ns)],
                                             "spec": ["interval": "1m", "url": "https://github.com/stefanprodan/podinfo"]]))
        let bin = harness.server.directory + "/bin"
        try? FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: bin + "/flux", withDestinationPath: binary)
        let script = """
        set -u
        source <(flux completion bash)
        complete -p flux
        run() { COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); __flux_complete 2>/dev/null; echo "[$1] ${COMPREPLY[*]}"; }
        run "flux get "
        run "flux get sources "
        run "flux reconcile source git w"
        run "flux suspend source git -n \(ns) "
        run "flux get hr --no-h"
        """
        let result = try await ProcessRunner.run("/bin/bash", ["-c", script],
                                                 environment: ["PATH": "\(bin):/usr/bin:/bin", "KUBECONFIG": harness.server.kubeconfigPath,
                                                               "HOME": harness.server.directory, "FLUX_SYSTEM_NAMESPACE": ns],
                                                 timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "complete -o default -F __flux_complete flux")
        #expect(lines.contains("[flux get ] alert-providers alerts all helmreleases images kustomizations receivers sources"))
        #expect(lines.contains("[flux get sources ] all bucket chart git helm oci"))
        #expect(lines.contains("[flux reconcile source git w] webapp"))
        #expect(lines.contains("[flux suspend source git -n \(ns) ] webapp"))
        #expect(lines.contains("[flux get hr --no-h] --no-header"))
    }

    @Test("completion scripts exist for bash, zsh, fish and powershell, named after the program",
          arguments: ["bash", "zsh", "fish", "powershell"])
    func scripts(shell: String) async throws {
        let harness = try await SharedHarness.get()
        let result = await harness.run("completion \(shell)")
        #expect(result.code == 0)
        #expect(result.output.contains("__complete"))
        #expect(result.output.contains("flux"))
    }
}

@Suite("flux and swiftflux help")
struct HelpTests {
    @Test("flux's help lists only flux's commands; swiftflux adds its own")
    func roots() async throws {
        let flux = CapturedOutput()
        _ = await FluxCLI.run(["--help"], environment: FluxEnvironment(programName: "flux", output: flux))
        #expect(flux.text.contains("\n  uninstall   Uninstall Flux and its custom resource definitions\n"))
        #expect(!flux.text.contains("apiserver"))
        var extra = Command(use: "apiserver", short: "Run the embedded Kubernetes-compatible API server")
        extra.run = { _ in }
        let swiftflux = CapturedOutput()
        _ = await FluxCLI.run(["help"], environment: FluxEnvironment(programName: "swiftflux", output: swiftflux, extraCommands: [extra]))
        #expect(swiftflux.text.contains("\n  apiserver   Run the embedded Kubernetes-compatible API server\n"))
        #expect(swiftflux.text.contains("Use \"swiftflux [command] --help\" for more information about a command."))
    }

    @Test("a leaf command's help shows usage, aliases, flags and the global flags as cobra prints them")
    func leafHelp() async throws {
        let output = CapturedOutput()
        let code = await FluxCLI.run(["reconcile", "hr", "--help"], environment: FluxEnvironment(programName: "flux", output: output))
        #expect(code == 0)
        #expect(output.text.hasPrefix("Reconcile a HelmRelease resource\n\nUsage:\n  flux reconcile helmrelease [name] [flags]\n\nAliases:\n  helmrelease, hr\n\nFlags:\n      --force         force a one-off install or upgrade of the HelmRelease resource\n  -h, --help          help for helmrelease\n      --reset         reset the reset the failure count for this HelmRelease resource\n      --with-source   reconcile HelmRelease source\n\nGlobal Flags:\n"))
        #expect(output.text.contains("  -n, --namespace string               If present, the namespace scope for this CLI request (default \"flux-system\")\n"))
        #expect(output.text.contains("      --timeout duration               timeout for this operation (default 5m0s)\n"))
    }
}
