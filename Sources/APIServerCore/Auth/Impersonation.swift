import GoCompat

/// One thing an `Impersonate-*` header asks to act as (upstream's `buildImpersonationRequests`):
/// a user or ServiceAccount, a group, an extra value, or a uid. Each is authorized separately with
/// the `impersonate` verb.
struct ImpersonationStep: Sendable, Equatable {
    enum Kind: String, Sendable {
        case user = "User", serviceAccount = "ServiceAccount", group = "Group", userExtra = "UserExtra", uid = "UID"
    }

    var kind: Kind
    var namespace = ""
    var name: String
    /// The extra key (for `userExtra`).
    var extraKey = ""

    /// The `impersonate` check for this step, on behalf of `requestor`.
    func attributes(requestor: UserInfo) -> RequestAttributes {
        let authGroup = "authentication.k8s.io"
        switch kind {
        case .user:
            return RequestAttributes(user: requestor, verb: "impersonate", isResourceRequest: true, path: "",
                                     apiVersion: "v1", resource: "users", name: name)
        case .serviceAccount:
            return RequestAttributes(user: requestor, verb: "impersonate", isResourceRequest: true, path: "",
                                     apiVersion: "v1", resource: "serviceaccounts", namespace: namespace, name: name)
        case .group:
            return RequestAttributes(user: requestor, verb: "impersonate", isResourceRequest: true, path: "",
                                     apiVersion: "v1", resource: "groups", name: name)
        case .userExtra:
            return RequestAttributes(user: requestor, verb: "impersonate", isResourceRequest: true, path: "",
                                     apiGroup: authGroup, apiVersion: "v1", resource: "userextras",
                                     subresource: extraKey, name: name)
        case .uid:
            return RequestAttributes(user: requestor, verb: "impersonate", isResourceRequest: true, path: "",
                                     apiGroup: authGroup, apiVersion: "v1", resource: "uids", name: name)
        }
    }

    /// Go's `%v` of the `v1.ObjectReference` upstream builds for this step (used in its error text).
    var goDescription: String {
        let apiVersion = kind == .userExtra || kind == .uid ? "authentication.k8s.io/v1" : ""
        return "{" + [kind.rawValue, namespace, name, "", apiVersion, "", extraKey].joined(separator: " ") + "}"
    }
}

/// Parsing `Impersonate-*` headers and building the impersonated user.
enum ImpersonationHeaders {
    static let userHeader = "Impersonate-User"
    static let groupHeader = "Impersonate-Group"
    static let uidHeader = "Impersonate-Uid"
    static let extraPrefix = "impersonate-extra-"

    /// The steps the headers ask for (empty when there are none), or upstream's complaint when
    /// groups, extras or a uid come without a user (`malformed`).
    static func steps(_ request: APIRequest) -> (steps: [ImpersonationStep], malformed: String?) {
        var steps: [ImpersonationStep] = []
        let user = request.headerValues(userHeader).first ?? ""
        if !user.isEmpty {
            if let sa = ServiceAccountName.split(user) {
                steps.append(ImpersonationStep(kind: .serviceAccount, namespace: sa.namespace, name: sa.name))
            } else {
                steps.append(ImpersonationStep(kind: .user, name: user))
            }
        }
        let groups = request.headerValues(groupHeader)
        for group in groups { steps.append(ImpersonationStep(kind: .group, name: group)) }
        var hasExtra = false
        for header in request.headers where header.name.lowercased().hasPrefix(extraPrefix) {
            hasExtra = true
            let key = unescapeExtraKey(String(header.name.lowercased().dropFirst(extraPrefix.count)))
            steps.append(ImpersonationStep(kind: .userExtra, name: header.value, extraKey: key))
        }
        let uid = request.headerValues(uidHeader).first ?? ""
        if !uid.isEmpty { steps.append(ImpersonationStep(kind: .uid, name: uid)) }
        if (!groups.isEmpty || hasExtra || !uid.isEmpty) && user.isEmpty {
            return (steps, "requested [\(steps.map(\.goDescription).joined(separator: " "))] without impersonating a user")
        }
        return (steps, nil)
    }

    /// The user the steps describe: a ServiceAccount gets its groups unless groups were given;
    /// `system:authenticated` is added unless `system:authenticated`/`system:unauthenticated` was
    /// asked for (and `system:unauthenticated` for the anonymous user).
    static func user(from steps: [ImpersonationStep], groupsSpecified: Bool) -> UserInfo {
        var result = UserInfo(name: "")
        for step in steps {
            switch step.kind {
            case .serviceAccount:
                result.name = ServiceAccountName.username(namespace: step.namespace, name: step.name)
                if !groupsSpecified { result.groups = ServiceAccountName.groups(namespace: step.namespace) }
            case .user: result.name = step.name
            case .group: result.groups.append(step.name)
            case .userExtra: result.extra[step.extraKey, default: []].append(step.name)
            case .uid: result.uid = step.name
            }
        }
        if result.name != UserInfo.anonymousName {
            if !result.groups.contains(where: { $0 == UserInfo.authenticatedGroup || $0 == UserInfo.unauthenticatedGroup }) {
                result.groups.append(UserInfo.authenticatedGroup)
            }
        } else if !result.groups.contains(UserInfo.unauthenticatedGroup) {
            result.groups.append(UserInfo.unauthenticatedGroup)
        }
        return result
    }

    /// Header keys carry extra keys percent-encoded (`url.PathUnescape`); a bad escape keeps the text.
    static func unescapeExtraKey(_ key: String) -> String {
        var bytes: [UInt8] = []
        var u = Array(key.utf8)[...]
        while let c = u.first {
            if c == UInt8(ascii: "%"), u.count >= 3,
               let v = UInt8(String(decoding: u.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                u = u.dropFirst(3)
            } else {
                if c == UInt8(ascii: "%") { return key }
                bytes.append(c)
                u = u.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
