import StructuredData

/// A protobuf message being written: fields appended in order, in the wire format.
struct ProtoWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: UInt64) {
        var v = value
        repeat {
            var byte = UInt8(v & 0x7f)
            v >>= 7
            if v != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while v != 0
    }

    mutating func tag(_ number: Int, wireType: UInt64) { varint(UInt64(number) << 3 | wireType) }

    /// A length-delimited field (wire type 2).
    mutating func data(_ number: Int, _ payload: [UInt8]) {
        tag(number, wireType: 2)
        varint(UInt64(payload.count))
        bytes += payload
    }

    mutating func string(_ number: Int, _ value: String) { data(number, Array(value.utf8)) }
    mutating func message(_ number: Int, _ value: ProtoWriter) { data(number, value.bytes) }

    mutating func bool(_ number: Int, _ value: Bool) {
        tag(number, wireType: 0)
        varint(value ? 1 : 0)
    }

    /// An int64 field from a JSON number (skipped when not a number).
    mutating func int(_ number: Int, _ value: JSONValue) {
        let n: Int64
        switch value {
        case .int(let i): n = i
        case .double(let d) where d.rounded() == d && abs(d) < 9e18: n = Int64(d)
        default: return
        }
        tag(number, wireType: 0)
        varint(UInt64(bitPattern: n))
    }

    /// A double field (wire type 1) from a JSON number (skipped when not a number).
    mutating func double(_ number: Int, _ value: JSONValue) {
        let d: Double
        switch value {
        case .int(let i): d = Double(i)
        case .double(let x): d = x
        default: return
        }
        tag(number, wireType: 1)
        var bits = d.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(bits & 0xff))
            bits >>= 8
        }
    }
}
