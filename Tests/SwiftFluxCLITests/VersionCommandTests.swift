import Testing
@testable import SwiftFluxCLI

@Suite struct VersionCommandTests {
    @Test("the root command parses `version` and rejects unknown output formats")
    func parse() throws {
        let command = try RootCommand.parseAsRoot(["version", "-o", "json"])
        #expect(command is VersionCommand)
        #expect(throws: (any Error).self) { try (RootCommand.parseAsRoot(["version", "-o", "xml"]) as? VersionCommand)?.run() }
    }
}
