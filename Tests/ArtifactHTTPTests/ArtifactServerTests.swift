import ArtifactHTTP
import ArtifactStorage
import AsyncHTTPClient
import Foundation
import Testing

@Suite("Artifact file server")
struct ArtifactServerTests {
    @Test("it serves stored files and the latest.tar.gz symlink, HEAD without a body")
    func serves() async throws {
        let root = TempDir()
        defer { root.remove() }
        let storage = try Storage(basePath: root.path, hostname: "unused")
        try await storage.makeDirectory(for: "helmchart/ns/c/c-1.0.0.tgz")
        let tarball = try sampleTarball()
        let stored = try await storage.copy(tarball, to: "helmchart/ns/c/c-1.0.0.tgz")
        _ = try await storage.symlink(stored.path, linkName: "latest.tar.gz")
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        let server = ArtifactServer(root: root.path, address: try StorageAddress(parsing: "127.0.0.1:0"), logger: quietLogger)
        try await withServer({ server.application(onListening: $0) }) { port in
            let base = "http://127.0.0.1:\(port)"
            for path in [stored.path, "helmchart/ns/c/latest.tar.gz"] {
                var req = HTTPClientRequest(url: "\(base)/\(path)")
                req.method = .GET
                let response = try await client.execute(req, timeout: .seconds(10))
                #expect(response.status.code == 200)
                #expect(response.headers.first(name: "Content-Type") == "application/x-gzip")
                let body = try await response.body.collect(upTo: 1 << 20)
                #expect(Array(body.readableBytesView) == tarball)
            }
            let (status, headers, body) = try await request(client, "\(base)/\(stored.path)", method: .HEAD)
            #expect(status == 200)
            #expect(headers.first(name: "Content-Length") == String(tarball.count))
            #expect(body.isEmpty)
        }
    }

    @Test("missing files, directories and '..' get Go's FileServer answers")
    func errors() async throws {
        let root = TempDir()
        defer { root.remove() }
        try root.write("helmrepository/ns/r/index.yaml", Array("apiVersion: v1\n".utf8))
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        let server = ArtifactServer(root: root.path, address: try StorageAddress(parsing: "127.0.0.1:0"), logger: quietLogger)
        try await withServer({ server.application(onListening: $0) }) { port in
            let base = "http://127.0.0.1:\(port)"
            let missing = try await request(client, "\(base)/helmchart/ns/none.tgz")
            #expect(missing.0 == 404)
            #expect(missing.2 == "404 page not found\n")
            let dir = try await request(client, "\(base)/helmrepository/ns/r/")
            #expect(dir.0 == 404)
            let escape = try await request(client, "\(base)/helmrepository/../../etc/passwd")
            #expect(escape.0 == 400)
            #expect(escape.2 == "invalid URL path\n")
            let yaml = try await request(client, "\(base)/helmrepository/ns/r/index.yaml")
            #expect(yaml.0 == 200 && yaml.2 == "apiVersion: v1\n")
            #expect(yaml.1.first(name: "Content-Type") == "text/plain; charset=utf-8")
        }
    }

    @Test("listen and advertised addresses follow source-controller's defaults", arguments: [
        (":9090", "0.0.0.0", "localhost:9090"),
        ("127.0.0.1:9090", "127.0.0.1", "127.0.0.1:9090"),
        ("[::1]:80", "::1", "[::1]:80"),
    ])
    func addresses(_ text: String, _ bind: String, _ advertised: String) throws {
        let address = try StorageAddress(parsing: text)
        #expect(address.bindHost == bind)
        #expect(address.advertised() == advertised)
    }

    @Test("0.0.0.0 advertises $HOSTNAME, and a bound port replaces port 0")
    func advertisedHostname() throws {
        let address = try StorageAddress(parsing: "0.0.0.0:0")
        #expect(address.advertised(port: 41234, environment: ["HOSTNAME": "source-controller-7d9"]) == "source-controller-7d9:41234")
    }

    @Test("malformed listen addresses are refused", arguments: [
        ("9090", "address 9090: missing port in address"),
        ("a:b:c", "address a:b:c: too many colons in address"),
        ("h:99999", "address h:99999: invalid port"),
    ])
    func badAddresses(_ text: String, _ message: String) {
        #expect(throws: ArtifactHTTPError(.address, message)) { try StorageAddress(parsing: text) }
    }
}
