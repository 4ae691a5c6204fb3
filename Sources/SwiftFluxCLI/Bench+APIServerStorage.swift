import APIServer
import APIServerCore
import ArgumentParser
import Foundation

/// `swiftflux bench apiserver-storage`: the revision log stays bounded under a stream of updates
/// (history compaction): N updates spread over M objects through the API, printing the database
/// size (main file + WAL) as it goes. The size must level off instead of growing with N.
struct APIServerStorageBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apiserver-storage",
        abstract: "Benchmark the API server's storage size under sustained updates (compaction)"
    )

    @Option(help: "Updates to make in total.")
    var updates: Int = 1_000_000
    @Option(help: "Objects the updates are spread over.")
    var objects: Int = 1_000
    @Option(help: "Concurrent writers.")
    var writers: Int = 16
    @Option(help: "Print the size every this many updates.")
    var every: Int = 100_000

    func run() async throws {
        let dir = NSTemporaryDirectory() + "swiftflux-bench-storage-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try await KubeAPIServer(configuration: APIServerConfiguration(
            host: "127.0.0.1", port: 0, dataDirectory: dir, tls: false, logLevel: .critical))
        let api = server.api
        let collection = "/api/v1/namespaces/default/configmaps"
        for i in 0..<objects {
            let body = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-\#(i)"},"data":{"n":"0"}}"#
            let response = await api.handle(APIRequest(method: "POST", path: collection, contentType: "application/json", body: Array(body.utf8)))
            if response.code != 201 { throw ValidationError("create returned \(response.code)") }
        }
        let database = dir + "/state.db"
        print("objects: \(objects); database after creates: \(Self.size(database))")
        let start = Date()
        var done = 0
        var sizes: [Int] = []
        while done < updates {
            let batch = min(every, updates - done)
            let base = done
            try await withThrowingTaskGroup(of: Void.self) { group in
                for w in 0..<writers {
                    group.addTask {
                        var i = w
                        while i < batch {
                            let n = base + i
                            let body = #"{"data":{"n":"\#(n)"}}"#
                            let response = await api.handle(APIRequest(
                                method: "PATCH", path: "\(collection)/cm-\(n % objects)",
                                contentType: "application/merge-patch+json", body: Array(body.utf8)))
                            if response.code != 200 { throw ValidationError("update returned \(response.code)") }
                            i += writers
                        }
                    }
                }
                try await group.waitForAll()
            }
            done += batch
            await api.store.waitForCompaction()
            let bytes = Self.bytes(database)
            sizes.append(bytes)
            let elapsed = Date().timeIntervalSince(start)
            print("updates: \(done) in \(String(format: "%.1f", elapsed))s (\(Int(Double(done) / elapsed))/s); database + WAL: \(Self.size(database))")
        }
        if sizes.count >= 2, let first = sizes.dropFirst().first, let last = sizes.last {
            print("growth from \(every) to \(done) updates: \(String(format: "%+.1f", Double(last - first) / Double(max(first, 1)) * 100))%")
        }
    }

    static func bytes(_ path: String) -> Int {
        [path, path + "-wal"].reduce(0) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
    }

    static func size(_ path: String) -> String {
        String(format: "%.1f MiB", Double(bytes(path)) / 1_048_576)
    }
}
