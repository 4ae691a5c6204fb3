import ArgumentParser
import Foundation
import Kustomize

/// `swiftflux build …`: build commands that print manifests.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build manifests",
        subcommands: [BuildKustomizeCommand.self]
    )
}

/// `swiftflux build kustomize DIR`: prints what `kustomize build DIR` prints; errors go to stderr
/// as `Error: …` with exit status 1.
struct BuildKustomizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kustomize",
        abstract: "Build a kustomization target from a directory (kustomize build)"
    )

    @Argument(help: "Directory holding a kustomization file.")
    var dir: String = "."

    @Option(name: .customLong("load-restrictor"), help: "LoadRestrictionsRootOnly or LoadRestrictionsNone.")
    var loadRestrictor: String = "LoadRestrictionsRootOnly"

    @Option(help: "Reorder the resources: legacy, none (default: legacy unless sortOptions is set).")
    var reorder: String?

    @Flag(name: .customLong("enable-managedby-label"), help: "Add the app.kubernetes.io/managed-by label.")
    var managedBy = false

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of stdout.")
    var output: String?

    func run() throws {
        var options = BuildOptions()
        switch loadRestrictor {
        case "LoadRestrictionsNone", "none": options.loadRestrictions = .none
        case "LoadRestrictionsRootOnly", "rootOnly": options.loadRestrictions = .rootOnly
        default: fail("illegal flag value --load-restrictor \(loadRestrictor); legal values: [LoadRestrictionsNone LoadRestrictionsRootOnly]")
        }
        switch reorder {
        case nil: options.reorder = .unspecified
        case "legacy"?: options.reorder = .legacy
        case "none"?: options.reorder = .none
        case let other?: fail("illegal flag value --reorder \(other); legal values: [legacy none]")
        }
        options.addManagedByLabel = managedBy
        options.warn = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        do {
            let cwd = FileManager.default.currentDirectoryPath
            let absolute = dir.hasPrefix("/") ? dir : cwd + "/" + dir
            let fs = try DiskFileSystem(root: "/")
            let text = try Kustomizer.build(fs: fs, path: KustomizePath.clean(absolute), options: options)
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        } catch let error as KustomizeError {
            fail(error.message)
        }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
