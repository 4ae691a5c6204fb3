import ArgumentParser

/// The SwiftFlux version and the upstream API versions it is compatible with.
public enum SwiftFluxVersion {
    public static let current = "0.1.0"
    public static let fluxCompatibility = "v2.2"
    public static let helmCompatibility = "v3.13"
}

/// `swiftflux version`: print the client version (like `flux version --client`).
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the client version information"
    )

    @Option(name: .shortAndLong, help: "Output format: text, yaml or json.")
    var output: String = "text"

    func run() throws {
        switch output {
        case "json":
            print("{\"swiftflux\":\"v\(SwiftFluxVersion.current)\",\"flux\":\"\(SwiftFluxVersion.fluxCompatibility)\",\"helm\":\"\(SwiftFluxVersion.helmCompatibility)\"}")
        case "yaml":
            print("swiftflux: v\(SwiftFluxVersion.current)\nflux: \(SwiftFluxVersion.fluxCompatibility)\nhelm: \(SwiftFluxVersion.helmCompatibility)")
        case "text":
            print("swiftflux: v\(SwiftFluxVersion.current)")
            print("flux-compatible: \(SwiftFluxVersion.fluxCompatibility)")
            print("helm-compatible: \(SwiftFluxVersion.helmCompatibility)")
        default:
            throw ValidationError("--output must be one of: text, yaml, json")
        }
    }
}
