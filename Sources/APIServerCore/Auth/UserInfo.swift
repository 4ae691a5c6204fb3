/// Who sent a request, as authentication established it (`user.Info` upstream): the name, uid,
/// groups and extra attributes that RBAC and impersonation evaluate.
///
/// The HTTP front authenticates bearer tokens into a `UserInfo`; the in-process transport hands in
/// `UserInfo.admin`. `KubeAPI.handle` then applies `Impersonate-*` headers and authorizes the
/// result, so both paths are judged in one place.
public struct UserInfo: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var uid: String
    public var groups: [String]
    public var extra: [String: [String]]

    public init(name: String, uid: String = "", groups: [String] = [], extra: [String: [String]] = [:]) {
        self.name = name
        self.uid = uid
        self.groups = groups
        self.extra = extra
    }

    /// The group every authenticated user is in.
    public static let authenticatedGroup = "system:authenticated"
    /// The group of unauthenticated requests.
    public static let unauthenticatedGroup = "system:unauthenticated"
    /// The group that is allowed everything, bypassing RBAC (as kube-apiserver's privileged group).
    public static let mastersGroup = "system:masters"
    /// The anonymous user's name.
    public static let anonymousName = "system:anonymous"

    /// The holder of the server's admin token (and the in-process transport): `system:masters`.
    public static let admin = UserInfo(name: "swiftflux-admin", groups: [mastersGroup, authenticatedGroup])

    /// Members of `system:masters` skip RBAC.
    public var isMaster: Bool { groups.contains(Self.mastersGroup) }

    public var description: String { name }
}

/// ServiceAccount user names: `system:serviceaccount:<namespace>:<name>`.
public enum ServiceAccountName {
    static let prefix = "system:serviceaccount:"

    /// The user name of a ServiceAccount.
    public static func username(namespace: String, name: String) -> String { "\(prefix)\(namespace):\(name)" }

    /// The groups a ServiceAccount user belongs to (without `system:authenticated`).
    public static func groups(namespace: String) -> [String] {
        ["system:serviceaccounts", "system:serviceaccounts:\(namespace)"]
    }

    /// Splits a ServiceAccount user name into namespace and name; nil for other users (as
    /// upstream `serviceaccount.SplitUsername`, both parts must be non-empty and contain no `:`).
    public static func split(_ username: String) -> (namespace: String, name: String)? {
        guard username.hasPrefix(prefix) else { return nil }
        let parts = username.dropFirst(prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
}
