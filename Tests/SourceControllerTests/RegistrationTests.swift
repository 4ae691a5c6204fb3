import ControllerRuntime
import Foundation
import KubeClient
import SourceController
import Testing

@Suite("Registration options are checked before anything starts")
struct RegistrationTests {
    static func manager() -> ControllerManager {
        let config = ClientConfig(server: "https://127.0.0.1:1")
        let client = KubeClient(config: config, transport: ScriptedTransport([]))
        return ControllerManager(name: "source-controller", runtime: ControllerRuntime(client: client, options: ManagerOptions()))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var edit: @Sendable (inout SourceControllerOptions) -> Void
        var message: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "an unknown digest algorithm", edit: { $0.artifactDigestAlgorithm = "md5" },
             message: "unable to configure canonical digest algorithm: unsupported digest algorithm: md5"),
        Case(name: "an empty storage path", edit: { $0.storagePath = "" }, message: "invalid dir path: "),
        Case(name: "a storage address without a port", edit: { $0.storageAddress = "localhost" },
             message: "unable to parse storage address: address localhost: missing port in address"),
        Case(name: "a trust root that is not PEM", edit: { $0.cosignFulcioPEM = "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n"; $0.cosignRekorPublicKeysPEM = "" },
             message: "unable to load the cosign trust root: "),
    ]

    @Test("bad options", arguments: cases)
    func badOptions(_ test: Case) async throws {
        var options = SourceControllerOptions(environment: [:])
        options.storagePath = NSTemporaryDirectory() + "swiftflux-registration-\(UUID().uuidString)"
        options.storageAddress = "127.0.0.1:0"
        defer { try? FileManager.default.removeItem(atPath: options.storagePath) }
        test.edit(&options)
        let error = await #expect(throws: SourceError.self) { _ = try await SourceController.register(on: Self.manager(), options: options) }
        #expect(error?.message.hasPrefix(test.message) == true, "\(error?.message ?? "")")
    }

    @Test("the environment gives source-controller's storage defaults")
    func environmentDefaults() {
        let defaults = SourceControllerOptions(environment: [:])
        #expect(defaults.storagePath == "" && defaults.storageAddress == ":9090" && defaults.storageAdvertisedAddress == "")
        #expect(defaults.concurrent == 2 && defaults.helmIndexMaxSize == 50 << 20 && defaults.helmChartMaxSize == 10 << 20)
        #expect(defaults.helmChartFileMaxSize == 5 << 20 && defaults.helmCacheMaxSize == 0 && defaults.artifactRetentionRecords == 2)
        let env = SourceControllerOptions(environment: ["STORAGE_PATH": "/data", "STORAGE_ADDR": ":8080", "STORAGE_ADV_ADDR": "sc.flux-system"])
        #expect(env.storagePath == "/data" && env.storageAddress == ":8080" && env.storageAdvertisedAddress == "sc.flux-system")
    }
}
