import CompressNIO
import Foundation
import NIOCore

/// Helm's record encoding (`pkg/storage/driver/util.go`): `base64std(gzip(json))`, and the
/// reverse, which also accepts gzip-less JSON.
///
/// The gzip header is laid out as Go's `compress/gzip` writes it (no name, mtime 0, OS 255); the
/// deflate stream comes from zlib, so the bytes differ from Go's whatever the level, and every
/// gzip reader (Helm's included) decodes them identically. Helm asks for best compression; zlib's
/// level 9 searched match chains 32 times longer than its default level 6 for a record about 1%
/// smaller, and was the largest single cost of an install, so records use level 6 (XFL 0, as Go
/// writes for that level).
public enum ReleaseCodec {
    static let gzipMagic: [UInt8] = [0x1f, 0x8b, 0x08]

    /// Encodes a release as the `data.release` string Helm stores.
    public static func encode(_ release: Release) throws(HelmActionsError) -> String {
        let json = release.jsonBytes()
        var gz = try gzip(json)
        if gz.count > 9 {
            gz[4] = 0; gz[5] = 0; gz[6] = 0; gz[7] = 0  // mtime
            gz[8] = 0  // XFL: neither fastest nor best
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

    /// gzip at zlib's level 6.
    public static func gzip(_ bytes: [UInt8]) throws(HelmActionsError) -> [UInt8] {
        var buffer = ByteBuffer(bytes: bytes)
        do {
            let out = try buffer.compress(with: .gzip(configuration: .init(compressionLevel: .compressionLevel6)))
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
