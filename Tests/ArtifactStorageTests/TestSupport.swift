import Foundation
@testable import ArtifactStorage

/// A fresh directory under the system temp dir, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init(_ label: String = "artifacts") {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/swiftflux-\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String, mode: Int = 0o644) throws {
        try write(relative, Array(text.utf8), mode: mode)
    }

    func write(_ relative: String, _ bytes: [UInt8], mode: Int = 0o644) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: full, contents: Data(bytes))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: full)
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ relative: String) -> Bool {
        var st = stat()
        return lstat(path + "/" + relative, &st) == 0
    }

    func permissions(_ relative: String) -> Int {
        var st = stat()
        guard lstat(path + "/" + relative, &st) == 0 else { return -1 }
        return Int(st.st_mode & 0o7777)
    }

    /// Sets the modification time of a file (seconds since the epoch, without following links).
    func setModificationTime(_ relative: String, _ seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, path + "/" + relative, &times, AT_SYMLINK_NOFOLLOW)
    }
}

/// Reads a fixture of this test target.
func fixture(_ name: String, file: String = #filePath) -> String {
    let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name)
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
}

/// The entries of a gzip'd tarball, decoded with the library's own streaming reader.
func tarEntries(_ gzip: [UInt8]) throws -> [(entry: TarEntry, data: [UInt8])] {
    var entries: [(entry: TarEntry, data: [UInt8])] = []
    let parser = TarStreamParser { event in
        switch event {
        case .begin(let entry): entries.append((entry, []))
        case .data(let bytes): entries[entries.count - 1].data += bytes
        case .end: break
        }
    }
    let inflater = try GzipInflater(limit: 1 << 30) { (chunk) throws(ArtifactStorageError) in try parser.feed(chunk) }
    try inflater.write(gzip[...])
    try inflater.finish()
    try parser.finish()
    return entries
}
