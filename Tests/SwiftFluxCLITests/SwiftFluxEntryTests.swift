import FluxCLI
import Testing
@testable import SwiftFluxCLI

@Suite struct SwiftFluxEntryTests {
    @Test("as flux only flux's commands exist; as swiftflux its own commands join them")
    func roots() {
        #expect(SwiftFluxEntry.environment(program: "flux").extraCommands.isEmpty)
        let own = SwiftFluxEntry.environment(program: "swiftflux").extraCommands.map(\.name)
        #expect(own.contains("apiserver") && own.contains("helm") && own.contains("bench"))
        #expect(!own.contains("install") && !own.contains("version"))
    }
}
