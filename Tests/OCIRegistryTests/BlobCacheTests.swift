import Testing
@testable import OCIRegistry

@Suite("Blob cache")
struct BlobCacheTests {
    @Test("a blob is served only for the repository it came from, and the least recently used go first past the capacity")
    func lru() throws {
        let cache = BlobCache(capacity: 10, largest: 6)
        let charts = try ImageReference(parsing: "127.0.0.1:5000/charts/podinfo:6.5.3")
        let other = try ImageReference(parsing: "127.0.0.1:5000/other/podinfo:6.5.3")
        cache.put(charts, digest: "sha256:a", Array(repeating: 1, count: 4))
        cache.put(charts, digest: "sha256:b", Array(repeating: 2, count: 4))
        #expect(cache.get(other, digest: "sha256:a") == nil)
        #expect(cache.get(charts, digest: "sha256:a") == Array(repeating: 1, count: 4))  // a is now the most recent
        cache.put(charts, digest: "sha256:c", Array(repeating: 3, count: 4))  // 12 bytes: b goes
        #expect(cache.get(charts, digest: "sha256:b") == nil)
        #expect(cache.get(charts, digest: "sha256:a") != nil)
        #expect(cache.usage.blobs == 2 && cache.usage.bytes == 8)
        cache.put(charts, digest: "sha256:big", Array(repeating: 4, count: 7))  // over `largest`: not kept
        #expect(cache.get(charts, digest: "sha256:big") == nil)
        #expect(cache.usage.bytes == 8)
    }
}
