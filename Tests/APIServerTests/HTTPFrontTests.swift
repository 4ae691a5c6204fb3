import Foundation
import StructuredData
import SwiftFluxTesting
import Testing
@testable import APIServerCore

@Suite("HTTPS front", .serialized)
struct HTTPFrontTests {
    /// Runs curl against the server, trusting its CA; returns (HTTP code, body).
    func curl(_ server: TestAPIServer, _ args: [String], token: String? = nil) async throws -> (Int, String) {
        let ca = server.directory + "/ca.crt"
        try server.caCertificatePEM.write(toFile: ca, atomically: true, encoding: .utf8)
        var all = ["-s", "--cacert", ca, "-w", "\n%{http_code}"]
        all += ["-H", "Authorization: Bearer \(token ?? server.token)"]
        all += args
        let result = try await ProcessRunner.run("/usr/bin/curl", all, timeout: 30)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let code = Int(lines.last ?? "") ?? 0
        return (code, lines.dropLast().joined(separator: "\n"))
    }

    @Test("requests are authenticated, verified over TLS, and errors are Status objects", arguments: [
        (["https://HOST/api"], nil as String?, 200, "APIVersions"),
        (["https://HOST/api"], "wrong", 401, "Status"),
        (["https://HOST/apis/apps/v1"], nil, 200, "APIResourceList"),
        (["https://HOST/no/such/path"], nil, 404, "Status"),
        (["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", "{not json", "https://HOST/api/v1/namespaces/default/configmaps"], nil, 400, "Status"),
    ])
    func front(args: [String], token: String?, code: Int, kind: String) async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { return }
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        let host = server.url.replacingOccurrences(of: "https://", with: "")
        let (status, body) = try await curl(server, args.map { $0.replacingOccurrences(of: "HOST", with: host) }, token: token)
        #expect(status == code)
        #expect(try JSONParser.parse(body)["kind"]?.stringValue == kind, "\(body)")
    }

    @Test("bodies over 3 MiB get 413 and /openapi/v2 answers with a protobuf document")
    func limits() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else { return }
        let server = try await TestAPIServer.start()
        defer { Task { await server.stop() } }
        let big = server.directory + "/big.json"
        let payload = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"big\"},\"data\":{\"a\":\"" + String(repeating: "x", count: 3 * 1024 * 1024 + 10) + "\"}}"
        try payload.write(toFile: big, atomically: true, encoding: .utf8)
        let (code, body) = try await curl(server, ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", "@\(big)",
                                                   "\(server.url)/api/v1/namespaces/default/configmaps"])
        #expect(code == 413)
        #expect(try JSONParser.parse(body)["code"] == 413)
        let (openapiCode, openapi) = try await curl(server, ["-o", "/dev/null", "\(server.url)/openapi/v2"])
        #expect(openapiCode == 200)
        #expect(openapi.isEmpty)
    }

    @Test("a server over a data directory keeps objects and the revision sequence across restarts")
    func restartPersistence() async throws {
        let dir = temporaryDirectory()
        let first = try await TestAPIServer.start(dataDirectory: dir)
        let crd = try JSONParser.parse(#"{"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"things.example.com"},"spec":{"group":"example.com","scope":"Cluster","names":{"plural":"things","kind":"Thing"},"versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}"#)
        #expect(await first.api.call("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd).code == 201)
        #expect(await first.api.call("POST", "/apis/example.com/v1/things", ["apiVersion": "example.com/v1", "kind": "Thing", "metadata": ["name": "t"]]).code == 201)
        let created = await first.api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("kept"))
        let rv = Int(created.body["metadata"]?["resourceVersion"]?.stringValue ?? "") ?? 0
        await first.stop()
        let second = try await TestAPIServer.start(dataDirectory: dir)
        defer { Task { await second.stop() } }
        #expect(second.token == first.token)
        let got = await second.api.call("GET", "/api/v1/namespaces/default/configmaps/kept")
        #expect(got.code == 200)
        #expect(await second.api.call("GET", "/apis/example.com/v1/things/t").code == 200)
        let next = await second.api.call("POST", "/api/v1/namespaces/default/configmaps", configMap("next"))
        #expect((Int(next.body["metadata"]?["resourceVersion"]?.stringValue ?? "") ?? 0) > rv)
    }
}
