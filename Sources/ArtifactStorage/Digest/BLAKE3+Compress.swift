extension BLAKE3 {
    @inline(__always)
    static func g(_ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32, _ d: inout UInt32, _ x: UInt32, _ y: UInt32) {
        a = a &+ b &+ x
        d = (d ^ a).rotatedRight(16)
        c = c &+ d
        b = (b ^ c).rotatedRight(12)
        a = a &+ b &+ y
        d = (d ^ a).rotatedRight(8)
        c = c &+ d
        b = (b ^ c).rotatedRight(7)
    }

    /// The BLAKE3 compression function: 7 rounds of column and diagonal mixing over the 16-word
    /// state, the message permuted between rounds, then the feed-forward.
    static func compress(_ cv: SIMD8<UInt32>, _ m: SIMD16<UInt32>, _ counter: UInt64,
                         _ blockLength: UInt32, _ flags: UInt32) -> SIMD16<UInt32> {
        var s0 = cv[0], s1 = cv[1], s2 = cv[2], s3 = cv[3], s4 = cv[4], s5 = cv[5], s6 = cv[6], s7 = cv[7]
        var s8 = iv[0], s9 = iv[1], s10 = iv[2], s11 = iv[3]
        var s12 = UInt32(truncatingIfNeeded: counter), s13 = UInt32(truncatingIfNeeded: counter >> 32), s14 = blockLength, s15 = flags
        var m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3], m4 = m[4], m5 = m[5], m6 = m[6], m7 = m[7]
        var m8 = m[8], m9 = m[9], m10 = m[10], m11 = m[11], m12 = m[12], m13 = m[13], m14 = m[14], m15 = m[15]
        for round in 0..<7 {
            g(&s0, &s4, &s8, &s12, m0, m1)
            g(&s1, &s5, &s9, &s13, m2, m3)
            g(&s2, &s6, &s10, &s14, m4, m5)
            g(&s3, &s7, &s11, &s15, m6, m7)
            g(&s0, &s5, &s10, &s15, m8, m9)
            g(&s1, &s6, &s11, &s12, m10, m11)
            g(&s2, &s7, &s8, &s13, m12, m13)
            g(&s3, &s4, &s9, &s14, m14, m15)
            if round < 6 {
                // The message permutation [2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8].
                (m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15) =
                    (m2, m6, m3, m10, m7, m0, m4, m13, m1, m11, m12, m5, m9, m14, m15, m8)
            }
        }
        let low = SIMD8<UInt32>(s0 ^ s8, s1 ^ s9, s2 ^ s10, s3 ^ s11, s4 ^ s12, s5 ^ s13, s6 ^ s14, s7 ^ s15)
        let high = SIMD8<UInt32>(s8, s9, s10, s11, s12, s13, s14, s15) ^ cv
        return SIMD16(lowHalf: low, highHalf: high)
    }
}

extension UInt32 {
    @inline(__always)
    func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
