/// BLAKE3 (the default 32-byte hash mode), written from the BLAKE3 specification: 1 KiB chunks
/// of 64-byte blocks compressed with a 7-round ChaCha-like function, chunk chaining values
/// merged into a binary tree, the root compressed with the `ROOT` flag.
///
/// Streaming: `update` may be called with input of any size; `finalize` does not consume the
/// hasher. Output of any length is available (`finalize(count:)`), the first 32 bytes being the
/// hash `opencontainers/go-digest` reports for `blake3:`.
public struct BLAKE3: Sendable {
    static let iv: SIMD8<UInt32> = [0x6A09_E667, 0xBB67_AE85, 0x3C6E_F372, 0xA54F_F53A,
                                    0x510E_527F, 0x9B05_688C, 0x1F83_D9AB, 0x5BE0_CD19]
    static let blockLength = 64
    static let chunkLength = 1024
    static let chunkStart: UInt32 = 1
    static let chunkEnd: UInt32 = 2
    static let parent: UInt32 = 4
    static let root: UInt32 = 8

    private var chunk: ChunkState
    private var stack: [SIMD8<UInt32>] = []

    public init() {
        chunk = ChunkState(key: Self.iv, counter: 0)
        stack.reserveCapacity(54)
    }

    /// Adds `bytes` to the hashed input.
    public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var index = bytes.startIndex
        while index != bytes.endIndex {
            if chunk.length == Self.chunkLength {
                let cv = chunk.output().chainingValue()
                let total = chunk.counter + 1
                addChunk(cv, total: total)
                chunk = ChunkState(key: Self.iv, counter: total)
            }
            let want = Self.chunkLength - chunk.length
            let end = bytes.index(index, offsetBy: want, limitedBy: bytes.endIndex) ?? bytes.endIndex
            chunk.update(bytes[index..<end])
            index = end
        }
    }

    private mutating func addChunk(_ chainingValue: SIMD8<UInt32>, total: UInt64) {
        var cv = chainingValue
        var total = total
        while total & 1 == 0, let left = stack.popLast() {
            cv = Self.parentOutput(left, cv).chainingValue()
            total >>= 1
        }
        stack.append(cv)
    }

    /// The first `count` bytes of the extendable output (32 for the standard hash).
    public func finalize(count: Int = 32) -> [UInt8] {
        var output = chunk.output()
        for left in stack.reversed() {
            output = Self.parentOutput(left, output.chainingValue())
        }
        return output.rootBytes(count: count)
    }

    /// The 32-byte hash of `bytes`.
    public static func hash<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = BLAKE3()
        hasher.update(bytes)
        return hasher.finalize()
    }

    static func parentOutput(_ left: SIMD8<UInt32>, _ right: SIMD8<UInt32>) -> Output {
        var block = SIMD16<UInt32>()
        for i in 0..<8 {
            block[i] = left[i]
            block[i + 8] = right[i]
        }
        return Output(cv: iv, block: block, counter: 0, blockLength: UInt32(blockLength), flags: parent)
    }
}

extension BLAKE3 {
    /// The state of one 1 KiB chunk being absorbed.
    struct ChunkState: Sendable {
        var cv: SIMD8<UInt32>
        let counter: UInt64
        var block = [UInt8](repeating: 0, count: BLAKE3.blockLength)
        var blockLength = 0
        var blocksCompressed = 0

        init(key: SIMD8<UInt32>, counter: UInt64) {
            cv = key
            self.counter = counter
        }

        var length: Int { BLAKE3.blockLength * blocksCompressed + blockLength }
        var startFlag: UInt32 { blocksCompressed == 0 ? BLAKE3.chunkStart : 0 }

        mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            var index = bytes.startIndex
            while index != bytes.endIndex {
                if blockLength == BLAKE3.blockLength {
                    let words = BLAKE3.words(block)
                    let state = BLAKE3.compress(cv, words, counter, UInt32(BLAKE3.blockLength), startFlag)
                    cv = state.lowHalf
                    blocksCompressed += 1
                    block.withUnsafeMutableBytes { $0.initializeMemory(as: UInt8.self, repeating: 0) }
                    blockLength = 0
                }
                let want = BLAKE3.blockLength - blockLength
                let end = bytes.index(index, offsetBy: want, limitedBy: bytes.endIndex) ?? bytes.endIndex
                let start = blockLength
                block.withUnsafeMutableBufferPointer { buffer in
                    var i = start
                    for byte in bytes[index..<end] {
                        buffer[i] = byte
                        i += 1
                    }
                    blockLength = i
                }
                index = end
            }
        }

        func output() -> Output {
            Output(cv: cv, block: BLAKE3.words(block), counter: counter, blockLength: UInt32(blockLength),
                   flags: startFlag | BLAKE3.chunkEnd)
        }
    }

    /// A compression input whose result is either a chaining value or root output.
    struct Output: Sendable {
        var cv: SIMD8<UInt32>
        var block: SIMD16<UInt32>
        var counter: UInt64
        var blockLength: UInt32
        var flags: UInt32

        func chainingValue() -> SIMD8<UInt32> {
            BLAKE3.compress(cv, block, counter, blockLength, flags).lowHalf
        }

        func rootBytes(count: Int) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(count)
            var blockCounter: UInt64 = 0
            while out.count < count {
                let words = BLAKE3.compress(cv, block, blockCounter, blockLength, flags | BLAKE3.root)
                for i in 0..<16 {
                    var word = words[i]
                    for _ in 0..<4 where out.count < count {
                        out.append(UInt8(truncatingIfNeeded: word))
                        word >>= 8
                    }
                }
                blockCounter += 1
            }
            return out
        }
    }

    static func words(_ block: [UInt8]) -> SIMD16<UInt32> {
        var words = SIMD16<UInt32>()
        block.withUnsafeBytes { raw in
            for i in 0..<16 { words[i] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
        }
        return words
    }
}
