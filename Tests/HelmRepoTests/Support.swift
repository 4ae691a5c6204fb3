import ArtifactStorage
import Foundation
import HelmEngine
import SharedTestData

func fixture(_ name: String, file: String = #filePath) -> [UInt8] {
    let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name)
    return (try? Array(Data(contentsOf: url))) ?? []
}

/// podinfo 6.5.3 from the shared conformance data as a chart archive (files under `podinfo/`,
/// in sorted order, as `helm package` would list them).
func podinfoArchive() throws -> [UInt8] {
    let root = SharedConformance.path("charts/podinfo-6.5.3")
    var builder = TarGzBuilder()
    let files = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
    for relative in files {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
        builder.addFile("podinfo/" + relative, Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative))))
    }
    return try builder.build()
}

/// A chart archive from explicit files (names relative to the chart root).
func chartArchive(name: String = "demo", version: String = "1.0.0", files: [(String, String)] = [], rawEntries: [(String, [UInt8])] = []) throws -> [UInt8] {
    var builder = TarGzBuilder()
    builder.addFile("\(name)/Chart.yaml", Array("apiVersion: v2\nname: \(name)\nversion: \(version)\n".utf8))
    for (path, text) in files { builder.addFile("\(name)/\(path)", Array(text.utf8)) }
    for (path, bytes) in rawEntries { builder.addFile(path, bytes) }
    return try builder.build()
}

struct TempDir {
    let path = FileManager.default.temporaryDirectory.path + "/swiftflux-helmrepo-\(UUID().uuidString)"
    init() { try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
    func read(_ name: String) -> [UInt8]? { FileManager.default.contents(atPath: path + "/" + name).map { Array($0) } }
}

enum ArtifactStorageDigest {
    static func sha256(_ bytes: [UInt8]) -> String { DigestAlgorithm.sha256.digest(bytes).description }
}
