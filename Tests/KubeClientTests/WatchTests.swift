import Testing
import KubeModel
import StructuredData
@testable import KubeClient

@Suite("Watch and the resilient watcher")
struct WatchTests {
    static let cm = ClientTests.cm
    static let base = "GET /api/v1/namespaces/default/configmaps"

    static func event(_ type: String, _ name: String, rv: String) -> String {
        #"{"type":"\#(type)","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"\#(name)","namespace":"default","resourceVersion":"\#(rv)"}}}"#
    }

    static func bookmark(_ rv: String) -> String {
        #"{"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"\#(rv)"}}}"#
    }

    static let expired = #"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 20 (30)","reason":"Expired","code":410}}"#

    static func list(rv: String, names: [String]) -> String {
        let items = names.map { #"{"metadata":{"name":"\#($0)","namespace":"default","resourceVersion":"\#(rv)"}}"# }
        return #"{"kind":"ConfigMapList","apiVersion":"v1","metadata":{"resourceVersion":"\#(rv)"},"items":[\#(items.joined(separator: ","))]}"#
    }

    @Test("decodes newline-delimited events split across chunks, including bookmarks")
    func rawWatch() async throws {
        let e1 = Self.event("ADDED", "a", rv: "11")
        let chunks = [String(e1.prefix(20)), String(e1.dropFirst(20)) + "\n" + Self.bookmark("12"), "\n"]
        let transport = ScriptedTransport([
            .init(Self.base + "?watch=true&resourceVersion=10&allowWatchBookmarks=true&timeoutSeconds=5",
                  .stream(statusCode: 200, chunks: chunks)),
        ])
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: transport)
        var events: [WatchEvent] = []
        for try await e in try await client.watch(Self.cm, options: WatchOptions(resourceVersion: "10", timeoutSeconds: 5)) {
            events.append(e)
        }
        #expect(events.count == 2)
        #expect(events.first?.resourceVersion == "11")
        #expect(events.last == .bookmark(resourceVersion: "12"))
    }

    @Test("resumes from the last resource version and re-lists on 410")
    func watcherResumesAndRelists() async throws {
        let watch = Self.base + "?watch=true&resourceVersion="
        let tail = "&allowWatchBookmarks=true&timeoutSeconds=300"
        let transport = ScriptedTransport([
            .json(Self.base + "?limit=500", Self.list(rv: "10", names: ["a"])),
            .watch(watch + "10" + tail, events: [Self.event("MODIFIED", "a", rv: "15"), Self.bookmark("20")]),
            // Stream closed normally: resume from the bookmark's version; the server says it is too old.
            .watch(watch + "20" + tail, events: [Self.expired]),
            .json(Self.base + "?limit=500", Self.list(rv: "40", names: ["a", "b"])),
            // A 410 answer to the watch request itself also re-lists.
            .json(watch + "40" + tail, status: 410, #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 40 (41)","reason":"Expired","code":410}"#),
            .json(Self.base + "?limit=500", Self.list(rv: "50", names: [])),
            .watch(watch + "50" + tail, events: [Self.event("DELETED", "b", rv: "51")]),
        ])
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: transport)
        var summary: [String] = []
        for try await event in client.watcher(Self.cm, config: .init(backoff: .none)) {
            switch event {
            case .restarted(let objects): summary.append("restarted " + objects.map(\.name).joined(separator: ","))
            case .applied(let o): summary.append("applied \(o.name)@\(o.resourceVersion)")
            case .deleted(let o): summary.append("deleted \(o.name)@\(o.resourceVersion)")
            case .bookmark(let rv): summary.append("bookmark \(rv)")
            case .error(let e): summary.append("error \(e)")
            }
            if summary.count == 6 { break }
        }
        #expect(summary == ["restarted a", "applied a@15", "bookmark 20", "restarted a,b", "restarted ", "deleted b@51"])
        #expect(await transport.remaining.isEmpty)
    }

    @Test("an in-stream error other than 410 is reported, then the watcher re-watches from the last version")
    func watcherRetriesAfterStatus() async throws {
        let watch = Self.base + "?watch=true&resourceVersion="
        let tail = "&allowWatchBookmarks=true&timeoutSeconds=300"
        let forbidden = #"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"forbidden","reason":"Forbidden","code":403}}"#
        let transport = ScriptedTransport([
            .json(Self.base + "?limit=500", Self.list(rv: "1", names: [])),
            .watch(watch + "1" + tail, events: [Self.event("ADDED", "a", rv: "2"), forbidden]),
            .watch(watch + "2" + tail, events: [Self.event("ADDED", "b", rv: "3")]),
        ])
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: transport)
        var iterator = client.watcher(Self.cm, config: .init(backoff: .none)).makeAsyncIterator()
        #expect(try await iterator.next() == .restarted([]))
        guard case .applied(let a)? = try await iterator.next() else { Issue.record("expected a"); return }
        #expect(a.name == "a")
        guard case .error(let error)? = try await iterator.next() else { Issue.record("expected the error"); return }
        #expect(error.isForbidden && error.description == "forbidden")
        guard case .applied(let b)? = try await iterator.next() else { Issue.record("expected b"); return }
        #expect(b.name == "b" && b.resourceVersion == "3")
        #expect(await transport.remaining.isEmpty)
    }

    @Test("a failed list and an undecodable event are retried: list again, then watch from the last version")
    func watcherRetriesTransportAndGarbage() async throws {
        let watch = Self.base + "?watch=true&resourceVersion="
        let tail = "&allowWatchBookmarks=true&timeoutSeconds=300"
        let transport = ScriptedTransport([
            .json(Self.base + "?limit=500", status: 503, "{}"),
            .json(Self.base + "?limit=500", Self.list(rv: "5", names: ["x"])),
            .watch(watch + "5" + tail, events: ["{not json"]),
            .watch(watch + "5" + tail, events: [Self.event("DELETED", "x", rv: "6")]),
        ])
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: transport)
        var iterator = client.watcher(Self.cm, config: .init(backoff: .none)).makeAsyncIterator()
        guard case .error(let unavailable)? = try await iterator.next() else { Issue.record("expected 503"); return }
        #expect(unavailable.status?.code == 503)
        #expect(try await iterator.next() == .restarted([KubeObject(try JSONParser.parse(#"{"metadata":{"name":"x","namespace":"default","resourceVersion":"5"},"apiVersion":"v1","kind":"ConfigMap"}"#))]))
        guard case .error(.decoding)? = try await iterator.next() else { Issue.record("expected a decoding error"); return }
        guard case .deleted(let x)? = try await iterator.next() else { Issue.record("expected the deletion"); return }
        #expect(x.name == "x")
    }

    @Test("backoff doubles after each consecutive failure up to the maximum")
    func backoffDoubles() async throws {
        let transport = ScriptedTransport([
            .json(Self.base + "?limit=500", status: 500, "{}"),
            .json(Self.base + "?limit=500", status: 500, "{}"),
            .json(Self.base + "?limit=500", status: 500, "{}"),
        ])
        let client = KubeClient(config: ClientConfig(server: "https://k", qps: 0), transport: transport)
        let backoff = Watcher.Backoff(initial: .milliseconds(1), maximum: .milliseconds(3))
        var iterator = client.watcher(Self.cm, config: .init(backoff: backoff)).makeAsyncIterator()
        var delays: [Duration] = []
        for _ in 0..<3 {
            _ = try await iterator.next()
            if case .backingOff(let delay, _) = iterator.state { delays.append(delay) }
        }
        #expect(delays == [.milliseconds(1), .milliseconds(2), .milliseconds(3)])
    }
}
