import Foundation

extension ChartLoader {
    /// Loads a chart from a directory or a `.tgz` file at `path` (Helm's `loader.Load`).
    public func load(path: String) throws(HelmError) -> Chart {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw HelmError(.chart, "stat \(path): no such file or directory")
        }
        if isDirectory.boolValue { return try loadDirectory(path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HelmError(.chart, "open \(path): permission denied")
        }
        let bytes = [UInt8](data)
        guard bytes.count >= 2, bytes[0] == 0x1f, bytes[1] == 0x8b else {
            throw HelmError(.chart, "file '\(path)' does not appear to be a gzipped archive; got '\(Self.sniff(bytes))'")
        }
        return try loadArchive(bytes)
    }

    /// Loads a chart directory (Helm's `LoadDir`): `.helmignore` rules plus the implicit
    /// `templates/.?*`, symlinks followed, lexical walk order, BOMs stripped, file size capped.
    public func loadDirectory(_ path: String) throws(HelmError) -> Chart {
        try load(files: directoryFiles(path))
    }

    /// The files of a chart directory, named relative to its root.
    public func directoryFiles(_ path: String) throws(HelmError) -> [ChartFile] {
        let root = URL(fileURLWithPath: path).standardizedFileURL.path
        var rules = HelmIgnore()
        let ignorePath = root + "/.helmignore"
        if let data = FileManager.default.contents(atPath: ignorePath) {
            rules = try HelmIgnore(text: String(decoding: data, as: UTF8.self))
        }
        rules.addDefaults()
        var files: [ChartFile] = []
        var total = 0
        try walk(root: root, relative: "", rules: rules, into: &files, total: &total, depth: 0)
        return files
    }

    private func walk(root: String, relative: String, rules: HelmIgnore, into files: inout [ChartFile],
                      total: inout Int, depth: Int) throws(HelmError) {
        guard depth < 64 else { throw HelmError(.chart, "chart directory nesting is too deep at \(relative)") }
        let directory = relative.isEmpty ? root : root + "/" + relative
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            throw HelmError(.chart, "open \(directory): \(error.localizedDescription)")
        }
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let rel = relative.isEmpty ? name : relative + "/" + name
            let full = root + "/" + rel
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir) else {
                throw HelmError(.chart, "stat \(full): no such file or directory")
            }
            if isDir.boolValue {
                if rules.ignores(rel, isDirectory: true) { continue }
                try walk(root: root, relative: rel, rules: rules, into: &files, total: &total, depth: depth + 1)
                continue
            }
            if rules.ignores(rel, isDirectory: false) { continue }
            let attributes = try? FileManager.default.attributesOfItem(atPath: full)
            if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular, type != .typeSymbolicLink {
                throw HelmError(.chart, "cannot load irregular file \(full) as it has file mode type bits set")
            }
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            if size > limits.maxFileSize {
                throw HelmError(.chart, "chart file \(GoQuoteText.quote(name)) is larger than the maximum file size \(limits.maxFileSize)")
            }
            guard let data = FileManager.default.contents(atPath: full) else {
                throw HelmError(.chart, "open \(full): permission denied")
            }
            total += data.count
            if total > limits.maxChartSize {
                throw HelmError(.chart, "chart directory is larger than the maximum size \(limits.maxChartSize)")
            }
            files.append(ChartFile(name: rel, data: Self.stripBOM([UInt8](data))))
        }
    }

    /// Go's `http.DetectContentType` for the few types a chart path might hold.
    static func sniff(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "text/plain; charset=utf-8" }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "application/zip" }
        let binary = bytes.prefix(512).contains { $0 < 0x09 || ($0 > 0x0D && $0 < 0x20 && $0 != 0x1B) }
        return binary ? "application/octet-stream" : "text/plain; charset=utf-8"
    }
}

import GoCompat
enum GoQuoteText { static func quote(_ s: String) -> String { GoQuote.quote(s) } }
