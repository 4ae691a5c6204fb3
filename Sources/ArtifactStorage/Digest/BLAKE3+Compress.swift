extension BLAKE3 {
    /// Message word order of each round after the first (the spec's permutation applied
    /// cumulatively), so the block is never physically permuted.
    static let schedule: [[Int]] = {
        let permutation = [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8]
        var rounds: [[Int]] = [Array(0..<16)]
        for _ in 1..<7 {
            let last = rounds[rounds.count - 1]
            rounds.append(permutation.map { last[$0] })
        }
        return rounds
    }()

    @inline(__always)
    static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    @inline(__always)
    static func g(_ s: inout SIMD16<UInt32>, _ a: Int, _ b: Int, _ c: Int, _ d: Int, _ x: UInt32, _ y: UInt32) {
        s[a] = s[a] &+ s[b] &+ x
        s[d] = rotr(s[d] ^ s[a], 16)
        s[c] = s[c] &+ s[d]
        s[b] = rotr(s[b] ^ s[c], 12)
        s[a] = s[a] &+ s[b] &+ y
        s[d] = rotr(s[d] ^ s[a], 8)
        s[c] = s[c] &+ s[d]
        s[b] = rotr(s[b] ^ s[c], 7)
    }

    /// The BLAKE3 compression function: 7 rounds over the 16-word state, then the feed-forward.
    static func compress(_ cv: SIMD8<UInt32>, _ m: SIMD16<UInt32>, _ counter: UInt64,
                         _ blockLength: UInt32, _ flags: UInt32) -> SIMD16<UInt32> {
        var s = SIMD16<UInt32>(lowHalf: cv, highHalf: SIMD8<UInt32>(
            iv[0], iv[1], iv[2], iv[3],
            UInt32(truncatingIfNeeded: counter), UInt32(truncatingIfNeeded: counter >> 32), blockLength, flags))
        for round in schedule {
            g(&s, 0, 4, 8, 12, m[round[0]], m[round[1]])
            g(&s, 1, 5, 9, 13, m[round[2]], m[round[3]])
            g(&s, 2, 6, 10, 14, m[round[4]], m[round[5]])
            g(&s, 3, 7, 11, 15, m[round[6]], m[round[7]])
            g(&s, 0, 5, 10, 15, m[round[8]], m[round[9]])
            g(&s, 1, 6, 11, 12, m[round[10]], m[round[11]])
            g(&s, 2, 7, 8, 13, m[round[12]], m[round[13]])
            g(&s, 3, 4, 9, 14, m[round[14]], m[round[15]])
        }
        let low = s.lowHalf ^ s.highHalf
        let high = s.highHalf ^ cv
        return SIMD16(lowHalf: low, highHalf: high)
    }
}
