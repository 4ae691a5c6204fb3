import FluxCLI
import Foundation
import SharedTestData
import Testing

@Suite("flux bad input: flux's messages and exit codes, never a crash")
struct BadInputTests {
    @Test("cluster-independent mistakes are reported before any request",
          arguments: [
            ("foo", "✗ unknown command \"foo\" for \"flux\"\n", Int32(1)),
            ("gett hr", "✗ unknown command \"gett\" for \"flux\"\n\nDid you mean this?\n\tget\n\n", Int32(1)),
            ("get hr --bogus", "✗ unknown flag: --bogus\n", Int32(1)),
            ("get hr -Z", "✗ unknown shorthand flag: 'Z' in -Z\n", Int32(1)),
            ("get hr --label-selector", "✗ flag needs an argument: --label-selector\n", Int32(1)),
            ("create hr podinfo --source=foo --chart=podinfo",
             "✗ invalid argument \"foo\" for \"--source\" flag: invalid helm chart source 'foo', must be in format <kind>/<name>\n", Int32(1)),
            ("create hr podinfo --source=Foo/bar --chart=podinfo",
             "✗ invalid argument \"Foo/bar\" for \"--source\" flag: source kind 'Foo' is not supported, must be one of: HelmRepository, GitRepository, Bucket\n",
             Int32(1)),
            ("create hr podinfo --interval=soon --chart=podinfo",
             "✗ invalid argument \"soon\" for \"--interval\" flag: time: invalid duration \"soon\"\n", Int32(1)),
            ("create hr Podinfo --chart=podinfo",
             "✗ name 'Podinfo' is invalid, it should adhere to standard defined in RFC 1123, the name can only contain alphanumeric characters or '-'\n",
             Int32(1)),
            ("create hr podinfo", "✗ chart name or path is required\n", Int32(1)),
            ("reconcile hr", "✗ HelmRelease name is required\n", Int32(1)),
            ("suspend source git", "✗ source git name is required\n", Int32(1)),
            ("export hr", "✗ name is required\n", Int32(1)),
            ("get hr -n Bad_NS", "✗ namespace must be a valid DNS label: \"Bad_NS\"\n", Int32(1)),
            ("events --types info", "✗ type 'info' not supported. Supported types are Normal, Warning\n", Int32(1)),
            ("version --client", "flux: v2.2.0\n", Int32(0)),
            ("install extra", "✗ unknown command \"extra\" for \"flux install\"\n", Int32(1)),
          ])
    func localErrors(args: String, output: String, code: Int32) async throws {
        let harness = try await SharedHarness.get()
        let result = await harness.run(args)
        #expect(result.code == code)
        #expect(result.output == output)
    }

    @Test("an unknown kind under a verb prints that verb's help and succeeds, as cobra does")
    func unknownKind() async throws {
        let harness = try await SharedHarness.get()
        let result = await harness.run("get foo")
        #expect(result.code == 0)
        #expect(result.output.hasPrefix("The get sub-commands print the statuses of Flux resources.\n\nUsage:\n  flux get [command]\n"))
        #expect(result.output.contains("\n  helmreleases    Get HelmRelease statuses\n"))
    }

    @Test("missing objects are reported with the API server's words",
          arguments: [
            ("reconcile hr missing", "✗ helmreleases.helm.toolkit.fluxcd.io \"missing\" not found\n", Int32(1)),
            ("export source helm missing", "✗ helmrepositories.source.toolkit.fluxcd.io \"missing\" not found\n", Int32(1)),
            ("delete ks missing --silent", "✗ kustomizations.kustomize.toolkit.fluxcd.io \"missing\" not found\n", Int32(1)),
            ("suspend hr missing", "✗ HelmRelease missing not found in NS namespace\n", Int32(0)),
            ("resume hr missing", "✗ no HelmRelease objects found in NS namespace\n", Int32(0)),
            ("get hr missing", "✗ HelmRelease object 'missing' not found in \"NS\" namespace\n", Int32(0)),
            ("get hr", "✗ no HelmRelease objects found in \"NS\" namespace\n", Int32(0)),
            ("get hr -A -l nothing=here", "✗ no HelmRelease objects found in any namespace\n", Int32(0)),
            ("tree ks missing", "✗ kustomizations.kustomize.toolkit.fluxcd.io \"missing\" not found\n", Int32(1)),
            ("trace foo bar", "✗ the server doesn't have a resource type \"foo\"\n", Int32(1)),
            ("trace deployment", "✗ either `<resource>/<name>` or `<resource> <name>` is required as an argument\n", Int32(1)),
            ("events --for Foo/bar", "✗ 'Foo' is not a recognized Flux kind\n", Int32(1)),
          ])
    func missingObjects(args: String, output: String, code: Int32) async throws {
        let harness = try await SharedHarness.get()
        let ns = SharedHarness.namespace("missing")
        let result = await harness.run("\(args) -n \(ns)")
        #expect(result.code == code)
        #expect(result.output == output.replacingOccurrences(of: "NS", with: ns))
    }

    @Test("no kubeconfig, no ~/.kube/config and no .swiftflux/kubeconfig: client-go's message")
    func noConfiguration() async throws {
        let harness = try await SharedHarness.get()
        let empty = harness.server.directory + "/empty-home"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let result = await harness.run("get hr", variables: ["KUBECONFIG": "", "HOME": empty], workingDirectory: empty)
        #expect(result.code == 1)
        #expect(result.output == "✗ invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable\n")
    }

    @Test("the embedded server's .swiftflux/kubeconfig under the working directory is found without $KUBECONFIG")
    func embeddedKubeconfig() async throws {
        let harness = try await SharedHarness.get()
        let dir = harness.server.directory + "/project"
        try FileManager.default.createDirectory(atPath: dir + "/.swiftflux", withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: dir + "/.swiftflux/kubeconfig") {
            try FileManager.default.copyItem(atPath: harness.server.kubeconfigPath, toPath: dir + "/.swiftflux/kubeconfig")
        }
        let ns = SharedHarness.namespace("embedded")
        let result = await harness.run("get hr -n \(ns)", variables: ["KUBECONFIG": "", "HOME": dir], workingDirectory: dir)
        #expect(result.code == 0)
        #expect(result.output == "✗ no HelmRelease objects found in \"\(ns)\" namespace\n")
    }

    @Test("an unreachable API server reads like Go's dial error")
    func unreachable() async throws {
        let harness = try await SharedHarness.get()
        let result = await harness.run("get hr --server https://127.0.0.1:1 --insecure-skip-tls-verify")
        #expect(result.code == 1)
        #expect(result.output == "✗ failed to get API group resources: unable to retrieve the complete list of server APIs: helm.toolkit.fluxcd.io/v2beta2: Get \"https://127.0.0.1:1/apis/helm.toolkit.fluxcd.io/v2beta2?timeout=32s\": dial tcp 127.0.0.1:1: connect: connection refused\n")
    }
}
