import Foundation
import HelmEngine

extension HelmTemplateRunner {
    /// Prints (or writes under `--output-dir`) the manifest and hooks as `helm template`
    /// does, honouring `--show-only`, `--skip-tests` and `--no-hooks`.
    func emit(manifest: String, hooks: [Hook], flags: HelmTemplateFlags, release: String,
              _ output: inout Output) throws {
        var text = manifest.trimmingGoSpace() + "\n"
        if !flags.noHooks {
            for hook in hooks {
                if flags.skipTests && hook.isTest { continue }
                text += "---\n# Source: \(hook.path)\n\(hook.manifest)\n"
            }
        }
        if let directory = flags.outputDir {
            try writeOutputDir(manifest: manifest, hooks: flags.noHooks ? [] : hooks.filter { !(flags.skipTests && $0.isTest) },
                               directory: directory, release: flags.releaseName ? release : nil, &output)
            return
        }
        guard !flags.showOnly.isEmpty else {
            output.stdout += text
            return
        }
        let documents = ManifestSorter.splitManifests(text)
        var selected: [String] = []
        for pattern in flags.showOnly {
            var missing = true
            for document in documents {
                guard let path = Self.sourcePath(document) else { continue }
                guard GoPathGlob.match(pattern, path) else { continue }
                selected.append(document)
                missing = false
            }
            if missing { throw FlagError("could not find template \(pattern) in chart") }
        }
        for document in selected { output.stdout += "---\n\(document)\n" }
    }

    /// The part after the chart name in `# Source: <chart>/<path>` (`[^/]+/(.+)`).
    static func sourcePath(_ document: String) -> String? {
        guard let range = document.firstRange(of: "# Source: ") else { return nil }
        let rest = document[range.upperBound...]
        let line = rest.prefix { $0 != "\n" }
        guard let slash = line.firstIndex(of: "/"), slash != line.startIndex else { return nil }
        let after = line[line.index(after: slash)...]
        return after.isEmpty ? nil : String(after)
    }

    private func writeOutputDir(manifest: String, hooks: [Hook], directory: String, release: String?,
                                _ output: inout Output) throws {
        var written: Set<String> = []
        var items: [(String, String)] = []
        for document in ManifestSorter.splitManifests(manifest) {
            guard let source = Self.sourceName(document) else { continue }
            let body = document.components(separatedBy: "\n").dropFirst().joined(separator: "\n")
            items.append((source, body))
        }
        for hook in hooks { items.append((hook.path, hook.manifest)) }
        let base = directory.hasPrefix("/") ? directory : workingDirectory + "/" + directory
        for (name, body) in items {
            var shown = directory
            if let release { shown += "/" + release }
            shown += "/" + name
            let path = base + String(shown.dropFirst(directory.count))
            let chunk = "---\n# Source: \(name)\n\(body)\n"
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if written.contains(path), let handle = try? FileHandle(forWritingTo: url) {
                handle.seekToEndOfFile()
                handle.write(Data(chunk.utf8))
                try? handle.close()
            } else {
                try Data(chunk.utf8).write(to: url)
                written.insert(path)
                output.stdout += "wrote \(shown)\n"
            }
        }
    }

    static func sourceName(_ document: String) -> String? {
        guard document.hasPrefix("# Source: ") else { return nil }
        return String(document.dropFirst("# Source: ".count).prefix { $0 != "\n" })
    }
}

extension String {
    /// Go's `strings.TrimSpace`.
    func trimmingGoSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? first
        return String(scalars[first...last])
    }
}
