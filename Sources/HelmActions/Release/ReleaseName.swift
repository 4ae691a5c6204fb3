import Crypto
import Foundation
/// Release-name rules: Helm's validation (`pkg/chartutil/validate_name.go`) and helm-controller's
/// shortening of long names (`internal/release/name.go`).
public enum ReleaseName {
    /// Helm's maximum release-name length.
    public static let maxLength = 53

    /// Helm's message for an invalid name.
    public static let invalidMessage = #"invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53"#

    /// Throws `invalidMessage` unless `name` is a DNS-1123 subdomain of at most 53 bytes.
    public static func validate(_ name: String) throws(HelmActionsError) {
        let b = Array(name.utf8)
        guard !b.isEmpty, b.count <= maxLength else { throw .message(invalidMessage) }
        func alnum(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) }
        var label: [UInt8] = []
        for c in b + [UInt8(ascii: ".")] {
            if c == UInt8(ascii: ".") {
                guard let first = label.first, let last = label.last, alnum(first), alnum(last) else { throw .message(invalidMessage) }
                label = []
            } else {
                guard alnum(c) || c == UInt8(ascii: "-") else { throw .message(invalidMessage) }
                label.append(c)
            }
        }
    }

    /// Names longer than 53 bytes become their first 40 bytes, `-`, and the first 12 hex digits of
    /// the SHA-256 of the whole name; shorter names are returned as they are.
    public static func shorten(_ name: String) -> String {
        let b = Array(name.utf8)
        guard b.count > maxLength else { return name }
        let prefix = String(decoding: b[0..<(maxLength - 13)], as: UTF8.self)
        let digest = SHA256.hash(data: b).map { String(format: "%02x", $0) }.joined()
        return prefix + "-" + String(digest.prefix(12))
    }
}
