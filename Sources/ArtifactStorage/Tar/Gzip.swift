import CompressNIO
import NIOCore

/// Optional fields of a gzip member header (RFC 1952) as Go's `gzip.Header` sets them.
public struct GzipHeader: Sendable, Equatable {
    /// The FEXTRA field (Helm writes its `+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=` here).
    public var extra: [UInt8]?
    /// The FCOMMENT field (Helm writes `Helm`).
    public var comment: String?
    /// Modification time in seconds since the epoch; 0 when unset.
    public var modificationTime: UInt32

    public init(extra: [UInt8]? = nil, comment: String? = nil, modificationTime: UInt32 = 0) {
        self.extra = extra
        self.comment = comment
        self.modificationTime = modificationTime
    }

    /// The 10-byte fixed header plus the optional fields, laid out as Go's `gzip.Writer`
    /// writes them (XFL 0, OS 255 "unknown").
    var encoded: [UInt8] {
        var flags: UInt8 = 0
        if extra != nil { flags |= 0x04 }
        if comment != nil { flags |= 0x10 }
        let t = modificationTime
        var out: [UInt8] = [0x1f, 0x8b, 8, flags, UInt8(t & 0xff), UInt8((t >> 8) & 0xff), UInt8((t >> 16) & 0xff), UInt8(t >> 24), 0, 255]
        if let extra {
            out += [UInt8(extra.count & 0xff), UInt8((extra.count >> 8) & 0xff)]
            out += extra
        }
        if let comment {
            out += comment.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
            out.append(0)
        }
        return out
    }
}

/// Streaming gzip compression: bytes in, compressed chunks out through `emit`. The member
/// header is written by hand (so it carries Go's fields), the body is raw deflate at zlib's
/// default level, the trailer is CRC-32 and size.
final class GzipDeflater {
    private let compressor: ZlibCompressor
    private var output: ByteBuffer
    private var crc = CRC32()
    private var size: UInt32 = 0
    private let emit: (ArraySlice<UInt8>) throws(ArtifactStorageError) -> Void

    init(header: GzipHeader = GzipHeader(), emit: @escaping (ArraySlice<UInt8>) throws(ArtifactStorageError) -> Void) throws(ArtifactStorageError) {
        do { compressor = try ZlibCompressor(algorithm: .deflate) } catch {
            throw ArtifactStorageError(.archive, "gzip: \(error)")
        }
        output = ByteBuffer()
        output.reserveCapacity(64 * 1024)
        self.emit = emit
        try emit(header.encoded[...])
    }

    func write<Bytes: Collection>(_ bytes: Bytes) throws(ArtifactStorageError) where Bytes.Element == UInt8 {
        guard !bytes.isEmpty else { return }
        crc.update(bytes)
        size &+= UInt32(truncatingIfNeeded: bytes.count)
        var input = ByteBuffer(bytes: bytes)
        try pump(&input, flush: .no)
    }

    func finish() throws(ArtifactStorageError) {
        var input = ByteBuffer()
        input.reserveCapacity(16)
        try pump(&input, flush: .finish)
        let c = crc.value
        try emit([UInt8(c & 0xff), UInt8((c >> 8) & 0xff), UInt8((c >> 16) & 0xff), UInt8(c >> 24),
                  UInt8(size & 0xff), UInt8((size >> 8) & 0xff), UInt8((size >> 16) & 0xff), UInt8(size >> 24)][...])
    }

    private func pump(_ input: inout ByteBuffer, flush: CompressNIOFlush) throws(ArtifactStorageError) {
        while true {
            output.clear(minimumCapacity: 64 * 1024)
            var overflow = false
            do {
                try compressor.deflate(from: &input, to: &output, flush: flush)
            } catch let error as CompressNIOError where error == .bufferOverflow {
                overflow = true
            } catch {
                throw ArtifactStorageError(.archive, "gzip: \(error)")
            }
            if output.readableBytes > 0 { try emit(Array(output.readableBytesView)[...]) }
            if !overflow && input.readableBytes == 0 { return }
            if overflow && flush == .no && input.readableBytes == 0 && output.readableBytes == 0 { return }
        }
    }
}

/// Streaming gzip decompression with an output budget: compressed chunks in, decompressed
/// chunks out through `emit`; more than `limit` output bytes is a `.sizeLimit` error.
final class GzipInflater {
    private let decompressor: ZlibDecompressor
    private var output: ByteBuffer
    private let limit: Int
    private(set) var produced = 0
    private(set) var finished = false
    private var sawHeader = false
    private var header: [UInt8] = []
    private let emit: (ArraySlice<UInt8>) throws(ArtifactStorageError) -> Void

    init(limit: Int, emit: @escaping (ArraySlice<UInt8>) throws(ArtifactStorageError) -> Void) throws(ArtifactStorageError) {
        do { decompressor = try ZlibDecompressor(algorithm: .gzip) } catch {
            throw ArtifactStorageError(.archive, "gzip: \(error)")
        }
        output = ByteBuffer()
        self.limit = limit
        self.emit = emit
    }

    /// Stops decompressing: the consumer has all it wants (a tar end-of-archive marker).
    func stop() { finished = true }

    /// Feeds compressed bytes. Bytes after the end of the gzip stream are ignored.
    func write<Bytes: Collection>(_ bytes: Bytes) throws(ArtifactStorageError) where Bytes.Element == UInt8 {
        guard !finished, !bytes.isEmpty else { return }
        var input = ByteBuffer(bytes: bytes)
        if !sawHeader {
            header += bytes.prefix(2 - header.count)
            if header.count == 2 {
                guard header == [0x1f, 0x8b] else { throw ArtifactStorageError(.archive, "gzip: invalid header") }
                sawHeader = true
            }
        }
        while input.readableBytes > 0, !finished {
            let streamEnded = try step(&input)
            if finished { return }
            if streamEnded && input.readableBytes > 0 { finished = true }
        }
    }

    /// Confirms the stream ended; a truncated stream is an "unexpected EOF" archive error.
    func finish() throws(ArtifactStorageError) {
        guard !finished else { return }
        guard sawHeader else { throw ArtifactStorageError(.archive, header.isEmpty ? "EOF" : "unexpected EOF") }
        var input = ByteBuffer()
        input.reserveCapacity(16)
        while true {
            output.clear(minimumCapacity: 64 * 1024)
            do {
                try decompressor.inflate(from: &input, to: &output)
                try deliver()
                finished = true
                return
            } catch let error as CompressNIOError where error == .bufferOverflow {
                try deliver()
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                throw ArtifactStorageError(.archive, "unexpected EOF")
            } catch let error as ArtifactStorageError {
                throw error
            } catch {
                throw ArtifactStorageError(.archive, "gzip: invalid compressed data")
            }
        }
    }

    /// One inflate call; true when zlib reported the end of the stream.
    private func step(_ input: inout ByteBuffer) throws(ArtifactStorageError) -> Bool {
        output.clear(minimumCapacity: 64 * 1024)
        do {
            try decompressor.inflate(from: &input, to: &output)
            try deliver()
            return input.readableBytes > 0
        } catch let error as CompressNIOError where error == .bufferOverflow {
            try deliver()
            return false
        } catch let error as CompressNIOError where error == .inputBufferOverflow {
            try deliver()
            return false
        } catch let error as ArtifactStorageError {
            throw error
        } catch {
            throw ArtifactStorageError(.archive, "gzip: invalid compressed data")
        }
    }

    private func deliver() throws(ArtifactStorageError) {
        produced += output.readableBytes
        if produced > limit {
            throw ArtifactStorageError(.sizeLimit, "gzip: decompressed size exceeds \(limit) bytes")
        }
        if output.readableBytes > 0 { try emit(Array(output.readableBytesView)[...]) }
    }
}
