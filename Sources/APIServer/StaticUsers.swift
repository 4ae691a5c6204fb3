import APIServerCore
import Crypto
import Foundation

/// A named user whose bearer token the server writes into its kubeconfig (a context per user),
/// so people can try RBAC as someone other than the admin. Its token is derived from the admin
/// token (HMAC-SHA256 of the name and groups), so it is stable across restarts and rotates with
/// the admin token.
public struct StaticUser: Sendable, Equatable {
    public var name: String
    public var groups: [String]

    public init(name: String, groups: [String] = []) {
        self.name = name
        self.groups = groups
    }

    /// Parses `NAME` or `NAME:GROUP,GROUP` (the `--user` flag).
    public init?(flag: String) {
        let parts = flag.split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = parts.first, !name.isEmpty else { return nil }
        self.name = name
        groups = parts.count > 1 ? parts[1].split(separator: ",").map(String.init).filter { !$0.isEmpty } : []
    }

    /// The user's bearer token on a server whose admin token is `adminToken`.
    public func token(adminToken: String) -> String {
        let message = Array("swiftflux-user\u{0}\(name)\u{0}\(groups.joined(separator: ","))".utf8)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Array(adminToken.utf8)))
        return Array(code).map { String(format: "%02x", $0) }.joined()
    }

    /// Who the token authenticates as (`system:authenticated` added).
    public var userInfo: UserInfo {
        UserInfo(name: name, groups: groups + [UserInfo.authenticatedGroup])
    }
}
