import Testing
import KubeModel
@testable import KubeClient

/// The AsyncHTTPClient transport against a loopback HTTP server (no TLS, no external network).
@Suite("HTTP transport over loopback")
struct HTTPTransportTests {
    @Test("gets an object, decodes a Status failure and streams a chunked watch")
    func roundTrips() async throws {
        let server = try LoopbackServer(responses: [
            LoopbackServer.json("200 OK", #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default","resourceVersion":"3"},"data":{"a":"b"}}"#),
            LoopbackServer.json("404 Not Found", #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"configmaps \"x\" not found","reason":"NotFound","details":{"name":"x","kind":"configmaps"},"code":404}"#),
            LoopbackServer.chunked([
                #"{"type":"ADDED","object":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","resourceVersion":"4"}}}"#,
                #"{"type":"BOOKMARK","object":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"resourceVersion":"9"}}}"#,
            ]),
        ])
        let config = ClientConfig(server: "http://127.0.0.1:\(server.port)", bearerToken: "secret", qps: 0)
        let transport = try HTTPTransport(config: config)
        let client = KubeClient(config: config, transport: transport)
        do {
            let cm = try await client.get(ConfigMap.self, name: "c")
            #expect(cm.data == ["a": "b"])
            #expect(cm.metadata.resourceVersion == "3")
            await #expect {
                _ = try await client.get(ConfigMap.apiResource, name: "x")
            } throws: { ($0 as? KubeClientError)?.status == Status.notFound(GroupResource(group: "", resource: "configmaps"), "x") }
            var events: [WatchEvent] = []
            for try await e in try await client.watch(ConfigMap.apiResource, options: WatchOptions(resourceVersion: "3")) {
                events.append(e)
            }
            #expect(events.map(\.resourceVersion) == ["4", "9"])
        } catch {
            try await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
        let heads = server.requests
        #expect(heads.count == 3)
        #expect(heads.first?.hasPrefix("GET /api/v1/namespaces/default/configmaps/c HTTP/1.1\r\n") == true)
        #expect(heads.first?.contains("Authorization: Bearer secret") == true)
        #expect(heads.last?.hasPrefix("GET /api/v1/namespaces/default/configmaps?watch=true&resourceVersion=3&allowWatchBookmarks=true HTTP/1.1") == true)
    }
}
