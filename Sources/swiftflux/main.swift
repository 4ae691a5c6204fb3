import SwiftFluxCLI

await RootCommand.main()
