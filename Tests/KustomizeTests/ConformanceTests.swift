import Foundation
import Kustomize
import SharedTestData
import StructuredData
import Testing

/// Kustomize v5.3.0's own end-to-end cases (`../shared/conformance/kustomize-v5.3.0`), each built
/// on an in-memory file system rooted at `/` as the upstream tests do.
@Suite struct KustomizeConformanceTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let dir: URL
        var description: String { name }
    }

    static let root: URL? = SharedConformance.root().map { URL(fileURLWithPath: $0).appendingPathComponent("kustomize-v5.3.0") }

    static let cases: [Case] = {
        guard let root, let data = FileManager.default.contents(atPath: root.appendingPathComponent("index.json").path),
              case .array(let rows)? = try? JSONParser.parse(bytes: [UInt8](data)) else { return [] }
        return rows.compactMap { row in
            guard let name = row["case"]?.stringValue else { return nil }
            return Case(name: name, dir: root.appendingPathComponent("cases").appendingPathComponent(name))
        }
    }()

    /// Cases this implementation does not pass, with the reason.
    static let knownFailures: [String: String] = KnownConformanceFailures.reasons

    @Test("every upstream case builds byte-identically or fails as expected", arguments: cases)
    func upstreamCase(_ c: Case) throws {
        let result = try ConformanceRunner.run(c.dir)
        if let reason = Self.knownFailures[c.name] {
            // Not intermittent: a listed case that starts passing fails here until it is unlisted.
            withKnownIssue(Comment(rawValue: reason)) {
                #expect(result.passed, "\(result.detail)")
            }
        } else {
            #expect(result.passed, "\(result.detail)")
        }
    }

    @Test("the pass count is the number of cases minus the listed failures")
    func passCount() throws {
        try #require(!Self.cases.isEmpty, "shared conformance data missing")
        var failing: [String] = []
        for c in Self.cases where (try? ConformanceRunner.run(c.dir).passed) != true { failing.append(c.name) }
        print("kustomize conformance: \(Self.cases.count - failing.count)/\(Self.cases.count) cases pass")
        #expect(Set(failing) == Set(Self.knownFailures.keys), "failing: \(failing.sorted())")
    }
}

/// Runs one case directory: loads `input/` into memory, builds `dir` with the case's options and
/// compares with `expected.yaml` or the expected error substrings.
enum ConformanceRunner {
    struct Result {
        var passed: Bool
        var detail: String
    }

    static func run(_ dir: URL) throws -> Result {
        let meta = try JSONParser.parse(bytes: [UInt8](try Data(contentsOf: dir.appendingPathComponent("case.json"))))
        var fs = InMemoryFileSystem()
        let input = dir.appendingPathComponent("input")
        if let walker = FileManager.default.enumerator(atPath: input.path) {
            for case let rel as String in walker {
                var isDir: ObjCBool = false
                let full = input.appendingPathComponent(rel).path
                FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
                if isDir.boolValue { fs.addDirectory("/" + rel) } else if let d = FileManager.default.contents(atPath: full) {
                    fs.write("/" + rel, bytes: [UInt8](d))
                }
            }
        }
        for d in meta["empty_dirs"]?.arrayValue ?? [] { if let s = d.stringValue { fs.addDirectory("/" + s) } }
        var options = BuildOptions(managedByVersion: "(test)")
        let flags = (meta["kustomize_flags"]?.arrayValue ?? []).compactMap(\.stringValue)
        var i = 0
        while i < flags.count {
            switch flags[i] {
            case "--reorder":
                options.reorder = flags[i + 1] == "none" ? .none : .legacy
                i += 1
            case "--load-restrictor":
                options.loadRestrictions = flags[i + 1] == "LoadRestrictionsNone" ? .none : .rootOnly
                i += 1
            case "--enable-managedby-label": options.addManagedByLabel = true
            default: break
            }
            i += 1
        }
        let target = KustomizePath.join("/", meta["dir"]?.stringValue ?? ".")
        let expectError = meta["expect_error"]?.boolValue ?? false
        let out: String
        do {
            out = try Kustomizer.build(fs: fs, path: target, options: options)
        } catch {
            guard expectError else { return Result(passed: false, detail: "error: \(error.message)") }
            var subs: [String] = []
            switch meta["error_substring"] {
            case .string(let s)?: subs = [s]
            case .array(let a)?: subs = a.compactMap(\.stringValue)
            default: break
            }
            let ok = subs.allSatisfy { error.message.contains($0) }
            return Result(passed: ok, detail: ok ? "" : "error text: \(error.message)")
        }
        if expectError { return Result(passed: false, detail: "expected an error, got output:\n\(out)") }
        let expected = String(decoding: try Data(contentsOf: dir.appendingPathComponent("expected.yaml")), as: UTF8.self)
        return Result(passed: out == expected, detail: out == expected ? "" : "output differs:\n\(out)")
    }
}
