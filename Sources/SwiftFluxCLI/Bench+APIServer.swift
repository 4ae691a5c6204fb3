import APIServer
import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import StructuredData

/// `swiftflux bench apiserver`: figures for the embedded API server over real HTTPS: creates/s with
/// concurrent clients, list latency at N objects, watch delivery latency (p50/p99) and RSS.
struct APIServerBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apiserver",
        abstract: "Benchmark the embedded API server (creates/s, list latency, watch latency, RSS)"
    )

    @Option(help: "Concurrent clients for the create phase.")
    var clients: Int = 8
    @Option(help: "Objects to create (the list phase lists this many).")
    var objects: Int = 10_000
    @Option(help: "Updates whose watch delivery latency is measured.")
    var watchSamples: Int = 500
    @Flag(name: .customLong("in-memory"), help: "Benchmark the in-memory store instead of SQLite.")
    var inMemory: Bool = false

    func run() async throws {
        let dir = NSTemporaryDirectory() + "swiftflux-bench-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let server = try await KubeAPIServer(configuration: APIServerConfiguration(
            host: "127.0.0.1", port: 0, dataDirectory: dir, inMemory: inMemory, tls: true, historyLimit: 100_000, logLevel: .critical))
        let (ready, readyContinuation) = AsyncStream.makeStream(of: String.self)
        let serving = Task { try await server.run { readyContinuation.yield($0) } }
        defer { serving.cancel() }
        var readyIterator = ready.makeAsyncIterator()
        guard let url = await readyIterator.next() else { throw ValidationError("server did not start") }

        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(server.credentials.caCertificatePEM.utf8)))
        var config = HTTPClient.Configuration(tlsConfiguration: tls)
        config.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(clients, 8) + 2)
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: config)
        let client = BenchClient(http: http, base: url, token: server.credentials.token)
        do {
            try await measure(client)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }

    func measure(_ client: BenchClient) async throws {
        _ = try await client.send("POST", "/api/v1/namespaces", #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench"}}"#)
        let collection = "/api/v1/namespaces/bench/configmaps"
        let perClient = max(1, objects / max(1, clients))
        let start = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for c in 0..<clients {
                group.addTask {
                    for i in 0..<perClient {
                        let body = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-\#(c)-\#(i)","labels":{"bench":"yes"}},"data":{"k":"v"}}"#
                        let (code, _) = try await client.send("POST", collection, body)
                        if code != 201 { throw ValidationError("create returned \(code)") }
                    }
                }
            }
            try await group.waitForAll()
        }
        let created = perClient * clients
        let elapsed = Date().timeIntervalSince(start)
        print("creates: \(created) objects with \(clients) clients in \(fmt(elapsed))s = \(fmt(Double(created) / elapsed)) creates/s (\(inMemory ? "in-memory" : "SQLite WAL, synchronous=FULL"))")

        var listTimes: [Double] = []
        var listBytes = 0
        for _ in 0..<5 {
            let t = Date()
            let (_, body) = try await client.send("GET", collection, nil)
            listTimes.append(Date().timeIntervalSince(t) * 1000)
            listBytes = body.count
        }
        listTimes.sort()
        print("list: \(created) objects, \(listBytes / 1024) KiB, median \(fmt(listTimes[listTimes.count / 2])) ms, min \(fmt(listTimes[0])) ms")

        let latencies = try await watchLatencies(client, collection)
        print("watch delivery latency over \(latencies.count) updates: p50 \(fmt(percentile(latencies, 0.5))) ms, p99 \(fmt(percentile(latencies, 0.99))) ms")
        print("RSS: \(residentMemoryMiB()) MiB")
    }

    func watchLatencies(_ client: BenchClient, _ collection: String) async throws -> [Double] {
        let (_, listBody) = try await client.send("GET", collection + "?limit=1", nil)
        let rv = (try? JSONParser.parse(bytes: listBody))?["metadata"]?["resourceVersion"]?.stringValue ?? "0"
        let arrivals = ArrivalLog()
        let response = try await client.stream(collection + "?watch=true&fieldSelector=metadata.name%3Dcm-0-0&resourceVersion=\(rv)")
        let reader = Task {
            var buffer: [UInt8] = []
            for try await chunk in response.body {
                buffer += Array(buffer: chunk)
                while let newline = buffer.firstIndex(of: 10) {
                    let line = Array(buffer[..<newline])
                    buffer.removeFirst(newline + 1)
                    if let event = try? JSONParser.parse(bytes: line),
                       let value = event["object"]?["data"]?["k"]?.stringValue {
                        await arrivals.record(value, at: Date())
                    }
                }
            }
        }
        defer { reader.cancel() }
        var sent: [String: Date] = [:]
        for i in 0..<watchSamples {
            let marker = "v\(i)"
            sent[marker] = Date()
            let (code, _) = try await client.send("PATCH", collection + "/cm-0-0", #"{"data":{"k":"\#(marker)"}}"#,
                                                  contentType: "application/merge-patch+json")
            if code != 200 { throw ValidationError("patch returned \(code)") }
        }
        let deadline = Date().addingTimeInterval(10)
        while await arrivals.count < watchSamples && Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
        let received = await arrivals.times
        return sent.compactMap { marker, t0 in received[marker].map { $0.timeIntervalSince(t0) * 1000 } }.sorted()
    }

    func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    func residentMemoryMiB() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kb = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return "?" }
        return String(kb / 1024)
    }
}

/// When each watched marker value arrived.
actor ArrivalLog {
    private(set) var times: [String: Date] = [:]
    var count: Int { times.count }
    func record(_ marker: String, at time: Date) { if times[marker] == nil { times[marker] = time } }
}

/// A minimal authenticated HTTPS client for the benchmark.
struct BenchClient: Sendable {
    let http: HTTPClient
    let base: String
    let token: String

    func request(_ method: String, _ path: String, _ body: String?, contentType: String) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: base + path)
        request.method = .RAW(value: method)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .bytes(ByteBuffer(string: body))
        }
        return request
    }

    func send(_ method: String, _ path: String, _ body: String?, contentType: String = "application/json") async throws -> (Int, [UInt8]) {
        let response = try await http.execute(request(method, path, body, contentType: contentType), timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 256 * 1024 * 1024)
        return (Int(response.status.code), Array(buffer: bytes))
    }

    func stream(_ path: String) async throws -> HTTPClientResponse {
        try await http.execute(request("GET", path, nil, contentType: ""), timeout: .seconds(3600))
    }
}
