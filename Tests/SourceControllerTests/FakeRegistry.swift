import ArtifactStorage
import Foundation
import Hummingbird
import Logging
import NIOCore

/// A registry that misbehaves, for bad-input tests: `/v2/` answers 200; the manifest of
/// `charts/podinfo:6.5.3` is either garbage or a Helm manifest whose chart layer is served with
/// other bytes than its digest names.
struct FakeRegistry {
    enum Mode: Sendable { case garbageManifest, wrongLayerDigest }
    let mode: Mode

    func run<T>(_ body: (String) async throws -> T) async throws -> T {
        let config = Array(#"{"name":"podinfo","version":"6.5.3","apiVersion":"v2"}"#.utf8)
        let promised = Array("the chart the manifest promises".utf8)
        let served = Array("something else entirely".utf8)
        let configDigest = DigestAlgorithm.sha256.digest(config).description
        let layerDigest = DigestAlgorithm.sha256.digest(promised).description
        let manifest = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",\
        "config":{"mediaType":"application/vnd.cncf.helm.config.v1+json","digest":"\(configDigest)","size":\(config.count)},\
        "layers":[{"mediaType":"application/vnd.cncf.helm.chart.content.v1.tar+gzip","digest":"\(layerDigest)","size":\(promised.count)}]}
        """
        let mode = self.mode
        let router = Router()
        router.get("v2") { _, _ in Response(status: .ok) }
        router.get("v2/charts/podinfo/manifests/6.5.3") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "application/vnd.oci.image.manifest.v1+json"
            let body = mode == .garbageManifest ? "<html>this is not a manifest</html>" : manifest
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        router.get("v2/charts/podinfo/blobs/:digest") { _, context -> Response in
            let digest = context.parameters.get("digest") ?? ""
            let bytes = digest == configDigest ? config : served
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        var logger = Logger(label: "fake-registry")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let task = Task { try await app.runService() }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return try await body("127.0.0.1:\(port)")
    }
}
