import FluxInstall
import Testing
@testable import SwiftFluxCLI

@Suite("swiftflux install flags")
struct InstallCommandTests {
    @Test("flags map onto install options; component lists take commas and repeats")
    func flags() throws {
        let command = try InstallCommand.parse([
            "--export", "--components", "source-controller,kustomize-controller", "--components", "helm-controller",
            "--components-extra=image-reflector-controller", "--watch-all-namespaces=false", "--network-policy=false",
            "-n", "gitops", "--registry", "registry.local/flux", "--log-level", "debug",
        ])
        let options = command.options()
        #expect(options.components == ["source-controller", "kustomize-controller", "helm-controller"])
        #expect(options.componentsExtra == ["image-reflector-controller"])
        #expect(!options.watchAllNamespaces && !options.networkPolicy)
        #expect(options.namespace == "gitops" && options.logLevel == "debug")
        #expect(options.resolvedImage == "registry.local/flux/swiftflux:v\(SwiftFluxVersion.current)")
        #expect(options.version == "v2.2.0")
    }

    @Test("defaults are flux install's: the four default components in flux-system")
    func defaults() throws {
        let options = try InstallCommand.parse(["--export"]).options()
        #expect(options.components == ["source-controller", "kustomize-controller", "helm-controller", "notification-controller"])
        #expect(options.componentsExtra.isEmpty && options.namespace == "flux-system" && options.watchAllNamespaces)
    }
}
