import SwiftFluxCLI

/// Process entry point: `flux …` (through a link named `flux`) or `swiftflux …`.
@main
enum SwiftFluxMain {
    static func main() async {
        await SwiftFluxEntry.main()
    }
}
