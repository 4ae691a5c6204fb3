import Foundation
import Kustomize
import Testing

/// Bad input gets a clear error, in bounded time and memory.
@Suite struct KustomizeBadInputTests {
    static func build(_ files: [String: String]) throws(KustomizeError) -> String {
        try Kustomizer.build(fs: InMemoryFileSystem(files: files), path: "/", options: BuildOptions(reorder: .none))
    }

    static func error(_ files: [String: String]) -> KustomizeError? {
        do { _ = try build(files); return nil } catch { return error }
    }

    @Test("malformed YAML in a resource is a YAML error with its line")
    func malformedYAML() {
        let e = Self.error(["kustomization.yaml": "resources:\n- a.yaml\n", "a.yaml": "apiVersion: v1\nkind: [\n"])
        #expect(e?.kind == .malformedYAML)
        #expect(e?.message.contains("yaml: line") == true)
    }

    @Test("a missing resource file names the file")
    func missingFile() {
        let e = Self.error(["kustomization.yaml": "resources:\n- nothere.yaml\n"])
        #expect(e?.message.hasPrefix("accumulating resources: accumulation err='accumulating resources from 'nothere.yaml'") == true)
    }

    @Test("a file outside the kustomization directory is refused under the default load restrictions")
    func pathEscape() {
        let nested = Self.errorAt("/app", ["app/kustomization.yaml": "resources:\n- ../secret.yaml\n",
                                            "secret.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\n"])
        #expect(nested?.message == "accumulating resources: accumulation err='accumulating resources from '../secret.yaml': security; file '/secret.yaml' is not in or below '/app'': must build at directory: '/secret.yaml': file is not directory")
    }

    @Test("a symbolic link leading outside the file system's root is refused, also without load restrictions")
    func symlinkEscape() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kescape-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let app = dir.appendingPathComponent("app")
        try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
        try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: outside\n".write(to: dir.appendingPathComponent("outside.yaml"), atomically: true, encoding: .utf8)
        try "resources:\n- link.yaml\n".write(to: app.appendingPathComponent("kustomization.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: app.appendingPathComponent("link.yaml").path, withDestinationPath: "../outside.yaml")
        let fs = try DiskFileSystem(root: app.path)
        do {
            _ = try Kustomizer.build(fs: fs, path: fs.root, options: BuildOptions(loadRestrictions: .none))
            Issue.record("expected the link to be refused")
        } catch {
            #expect(error.kind == .restricted)
            #expect(error.message.contains("security; file '\(fs.root)/link.yaml' is not in or below '\(fs.root)'"))
        }
    }

    static func errorAt(_ path: String, _ files: [String: String]) -> KustomizeError? {
        do { _ = try Kustomizer.build(fs: InMemoryFileSystem(files: files), path: path); return nil } catch { return error }
    }

    @Test("a symlink loop on disk is an error, not a hang")
    func symlinkLoop() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kloop-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "resources:\n- a.yaml\n".write(to: dir.appendingPathComponent("kustomization.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("a.yaml").path, withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("b.yaml").path, withDestinationPath: "a.yaml")
        #expect(throws: KustomizeError.self) {
            _ = try Kustomizer.build(fs: try DiskFileSystem(root: "/"), path: dir.path)
        }
        do { _ = try Kustomizer.build(fs: try DiskFileSystem(root: "/"), path: dir.path) } catch {
            #expect(error.message.contains("too many levels of symbolic links"))
        }
    }

    @Test("a strategic merge patch that matches nothing names the patch id")
    func patchMatchesNothing() {
        let e = Self.error([
            "kustomization.yaml": "resources:\n- a.yaml\npatches:\n- path: p.yaml\n",
            "a.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n",
            "p.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  x: y\n",
        ])
        #expect(e?.message == "no resource matches strategic merge patch \"ConfigMap.v1.[noGrp]/b.[noNs]\": no matches for Id ConfigMap.v1.[noGrp]/b.[noNs]; failed to find unique target for patch ConfigMap.v1.[noGrp]/b.[noNs]")
    }

    @Test("a resource without a name is refused as kustomize refuses it")
    func resourceWithoutName() {
        let e = Self.error(["kustomization.yaml": "resources:\n- a.yaml\n",
                            "a.yaml": "apiVersion: v1\nkind: ConfigMap\ndata: {}\n"])
        #expect(e?.message.contains("accumulating resources from 'a.yaml': missing metadata.name in object {{v1 ConfigMap} {{ } map[] map[]}}") == true)
    }

    @Test("a 100k-document resource file builds in bounded time")
    func hundredThousandDocuments() throws {
        var text = ""
        text.reserveCapacity(100_000 * 60)
        for i in 0..<100_000 { text += "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\(i)\n---\n" }
        let out = try Self.build(["kustomization.yaml": "resources:\n- big.yaml\n", "big.yaml": text])
        #expect(out.hasPrefix("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c0\n---\n"))
    }
}
