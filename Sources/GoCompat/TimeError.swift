/// An error of Go's `time` package reproduced here (`time.ParseDuration`, RFC 3339 parsing).
/// `message` is Go's text byte for byte, e.g. `time: invalid duration "x"`.
public struct GoTimeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// Go `time.quote`: ASCII kept (with `"` and `\` escaped); control and non-ASCII bytes as `\xNN`.
    static func quote(_ s: String) -> String {
        var out = "\""
        for b in s.utf8 {
            if b >= 0x80 || b < 0x20 {
                let hex = String(b, radix: 16)
                out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                if b == 0x22 || b == 0x5C { out += "\\" }
                out.unicodeScalars.append(Unicode.Scalar(b))
            }
        }
        return out + "\""
    }
}
