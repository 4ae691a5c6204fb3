import Foundation
import StructuredData
import Testing
@testable import APIServer
@testable import APIServerCore

/// Faults are reported, never skipped silently; data files are private.
@Suite("Faults and file modes")
struct ServerFaultTests {
    /// A revision log whose stored state has one corrupt record.
    struct CorruptLog: RevisionLog {
        func load(historyLimit: Int) throws -> LogSnapshot {
            let good = LogRecord(revision: 1, key: "/configmaps/default/good", created: true, deleted: false,
                                 value: Array(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"good","namespace":"default"}}"#.utf8))
            let bad = LogRecord(revision: 2, key: "/configmaps/default/bad", created: true, deleted: false, value: Array("{not json".utf8))
            return LogSnapshot(live: [good, bad], history: [good, bad], currentRevision: 2, historyFloor: 0)
        }
        func append(_ records: [LogRecord]) throws {}
        func compact(through revision: Int64) throws {}
    }

    @Test("a corrupt record is reported by /readyz, not silently skipped")
    func corruptRecord() async throws {
        let api = try await KubeAPI(store: ObjectStore(log: CorruptLog()))
        let response = await api.handle(APIRequest(method: "GET", path: "/readyz"))
        guard case .raw(let code, _, let body) = response else {
            Issue.record("expected a text answer")
            return
        }
        let text = String(decoding: body, as: UTF8.self)
        #expect(code == 500)
        #expect(text.contains("[-]storage failed: 1 record(s) could not be loaded: revision 2 (/configmaps/default/bad): corrupt record skipped"))
        #expect(text.hasSuffix("readyz check failed\n"))
        #expect(await api.call("GET", "/api/v1/namespaces/default/configmaps/good").code == 200)
        guard case .raw(200, _, _) = await api.handle(APIRequest(method: "GET", path: "/livez")) else {
            Issue.record("livez should stay ok")
            return
        }
    }

    @Test("the data directory is 0700 and the database, its WAL and the key files are 0600")
    func fileModes() async throws {
        let directory = temporaryDirectory() + "/data"
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        let server = try await KubeAPIServer(configuration: APIServerConfiguration(port: 0, dataDirectory: directory))
        _ = await server.api.call("POST", "/api/v1/namespaces/default/secrets", ["metadata": ["name": "s"], "stringData": ["k": "v"]])
        func mode(_ name: String) -> Int? {
            let path = name.isEmpty ? directory : directory + "/" + name
            return (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }
        #expect(mode("") == 0o700)
        for file in ["state.db", "state.db-wal", "token", "server.key", "sa-signing.key"] {
            #expect(mode(file) == 0o600, "\(file)")
        }
    }

    @Test("a kubeconfig path that cannot be written stops the server with an error")
    func unwritableKubeconfig() async throws {
        let blocker = temporaryDirectory() + "/file"
        FileManager.default.createFile(atPath: blocker, contents: Data())
        let server = try await KubeAPIServer(configuration: APIServerConfiguration(
            port: 0, inMemory: true, tls: false, kubeconfigPath: blocker + "/kubeconfig", logLevel: .critical))
        await #expect {
            try await server.run()
        } throws: { error in
            (error as? APIServerError)?.message.hasPrefix("Internal error occurred: cannot write kubeconfig \(blocker)/kubeconfig") == true
        }
    }
}
