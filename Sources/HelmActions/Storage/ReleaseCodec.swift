import CompressNIO
import Foundation
import NIOCore

/// Helm's record encoding (`pkg/storage/driver/util.go`): `base64std(gzip(json))` at best
/// compression, and the reverse, which also accepts gzip-less JSON.
///
/// The gzip header matches Go's `compress/gzip` (no name, mtime 0, XFL 2, OS 255); the deflate
/// stream comes from zlib, so bytes differ from Go's but every gzip reader (Helm's included)
/// decodes them identically.
public enum ReleaseCodec {
    static let gzipMagic: [UInt8] = [0x1f, 0x8b, 0x08]

    /// Encodes a release as the `data.release` string Helm stores.
    public static func encode(_ release: Release) throws(HelmActionsError) -> String {
        let json = release.jsonBytes()
        var gz = try gzip(json)
        if gz.count > 9 {
            gz[4] = 0; gz[5] = 0; gz[6] = 0; gz[7] = 0  // mtime
            gz[8] = 2  // XFL: best compression
            gz[9] = 255  // OS: unknown, as Go writes
        }
        return Data(gz).base64EncodedString()
    }

    /// Decodes a `data.release` string (base64, then gunzip when the gzip magic is present, then JSON).
    /// - Throws: `HelmActionsError.decoding` for bad base64, a corrupt gzip stream or bad JSON.
    public static func decode(_ text: String) throws(HelmActionsError) -> Release {
        guard let data = Data(base64Encoded: text) else { throw .decoding("illegal base64 data in release record") }
        var bytes = [UInt8](data)
        if bytes.count >= 3, Array(bytes[0..<3]) == gzipMagic {
            bytes = try gunzip(bytes)
        }
        return try Release(jsonBytes: bytes)
    }

    /// gzip at level 9.
    public static func gzip(_ bytes: [UInt8]) throws(HelmActionsError) -> [UInt8] {
        var buffer = ByteBuffer(bytes: bytes)
        do {
            let out = try buffer.compress(with: .gzip(configuration: .init(compressionLevel: .bestCompression)))
            return Array(out.readableBytesView)
        } catch {
            throw .decoding("gzip: \(error)")
        }
    }

    /// gunzip, capped at 256 MiB of output.
    public static func gunzip(_ bytes: [UInt8]) throws(HelmActionsError) -> [UInt8] {
        var buffer = ByteBuffer(bytes: bytes)
        do {
            let out = try buffer.decompress(with: .gzip(), maxSize: 256 << 20)
            return Array(out.readableBytesView)
        } catch {
            throw .decoding("gzip: invalid header or corrupt stream (\(error))")
        }
    }
}
