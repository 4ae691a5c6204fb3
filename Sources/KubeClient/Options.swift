import KubeModel

/// `metav1.ListOptions` for list requests.
public struct ListOptions: Sendable, Equatable {
    public var labelSelector: String?
    public var fieldSelector: String?
    /// Page size; `nil` asks for everything.
    public var limit: Int?
    /// The continue token of the previous page.
    public var continueToken: String?
    /// `""`/`nil` = most recent, `"0"` = any.
    public var resourceVersion: String?
    public var resourceVersionMatch: String?
    public var timeoutSeconds: Int?

    public init(labelSelector: String? = nil, fieldSelector: String? = nil, limit: Int? = nil,
                continueToken: String? = nil, resourceVersion: String? = nil,
                resourceVersionMatch: String? = nil, timeoutSeconds: Int? = nil) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.limit = limit
        self.continueToken = continueToken
        self.resourceVersion = resourceVersion
        self.resourceVersionMatch = resourceVersionMatch
        self.timeoutSeconds = timeoutSeconds
    }

    /// Validates selectors locally (so a bad selector fails before any request) and renders the query.
    /// - Throws: `KubeClientError.invalidRequest` naming the selector and the parse error.
    func queryItems() throws(KubeClientError) -> [KubeRequest.QueryItem] {
        var q: [KubeRequest.QueryItem] = []
        if let labelSelector, !labelSelector.isEmpty {
            do { _ = try LabelSelector.parse(labelSelector) } catch {
                throw .invalidRequest("invalid label selector \"\(labelSelector)\": \(error.description)")
            }
            q.append(.init("labelSelector", labelSelector))
        }
        if let fieldSelector, !fieldSelector.isEmpty {
            do { _ = try FieldSelector.parse(fieldSelector) } catch {
                throw .invalidRequest("invalid field selector \"\(fieldSelector)\": \(error.description)")
            }
            q.append(.init("fieldSelector", fieldSelector))
        }
        if let limit, limit > 0 { q.append(.init("limit", String(limit))) }
        if let continueToken, !continueToken.isEmpty { q.append(.init("continue", continueToken)) }
        if let resourceVersion { q.append(.init("resourceVersion", resourceVersion)) }
        if let resourceVersionMatch { q.append(.init("resourceVersionMatch", resourceVersionMatch)) }
        if let timeoutSeconds { q.append(.init("timeoutSeconds", String(timeoutSeconds))) }
        return q
    }
}

/// Options of a watch request.
public struct WatchOptions: Sendable, Equatable {
    public var labelSelector: String?
    public var fieldSelector: String?
    /// Start after this resource version; `nil`/`"0"` starts with synthetic ADDED events.
    public var resourceVersion: String?
    /// Ask the server to end the watch after this many seconds.
    public var timeoutSeconds: Int?
    public var allowWatchBookmarks: Bool

    public init(labelSelector: String? = nil, fieldSelector: String? = nil, resourceVersion: String? = nil,
                timeoutSeconds: Int? = nil, allowWatchBookmarks: Bool = true) {
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.resourceVersion = resourceVersion
        self.timeoutSeconds = timeoutSeconds
        self.allowWatchBookmarks = allowWatchBookmarks
    }

    func queryItems() throws(KubeClientError) -> [KubeRequest.QueryItem] {
        var q: [KubeRequest.QueryItem] = [.init("watch", "true")]
        q += try ListOptions(labelSelector: labelSelector, fieldSelector: fieldSelector).queryItems()
        if let resourceVersion, !resourceVersion.isEmpty { q.append(.init("resourceVersion", resourceVersion)) }
        if allowWatchBookmarks { q.append(.init("allowWatchBookmarks", "true")) }
        if let timeoutSeconds { q.append(.init("timeoutSeconds", String(timeoutSeconds))) }
        return q
    }
}

/// Options shared by create, update, patch and delete.
public struct WriteOptions: Sendable, Equatable {
    /// `dryRun=All`: the server runs everything but persists nothing.
    public var dryRun: Bool
    /// `fieldManager`; required for server-side apply.
    public var fieldManager: String?

    public init(dryRun: Bool = false, fieldManager: String? = nil) {
        self.dryRun = dryRun
        self.fieldManager = fieldManager
    }

    func queryItems() -> [KubeRequest.QueryItem] {
        var q: [KubeRequest.QueryItem] = []
        if dryRun { q.append(.init("dryRun", "All")) }
        if let fieldManager, !fieldManager.isEmpty { q.append(.init("fieldManager", fieldManager)) }
        return q
    }
}

/// The four patch types, with their content types.
public enum PatchType: Sendable, Equatable {
    /// RFC 6902 JSON Patch.
    case json
    /// RFC 7386 JSON Merge Patch.
    case merge
    /// Kubernetes strategic merge patch (built-in types only).
    case strategic
    /// Server-side apply; `force` takes ownership of conflicting fields.
    case apply(force: Bool)

    public var contentType: String {
        switch self {
        case .json: return "application/json-patch+json"
        case .merge: return "application/merge-patch+json"
        case .strategic: return "application/strategic-merge-patch+json"
        case .apply: return "application/apply-patch+yaml"
        }
    }
}

/// `metav1.DeleteOptions` as query parameters.
public struct DeleteOptions: Sendable, Equatable {
    /// `Foreground`, `Background` or `Orphan`.
    public var propagationPolicy: String?
    public var gracePeriodSeconds: Int?
    public var dryRun: Bool
    /// Preconditions, sent in the body.
    public var preconditionUID: String?
    public var preconditionResourceVersion: String?

    public init(propagationPolicy: String? = nil, gracePeriodSeconds: Int? = nil, dryRun: Bool = false,
                preconditionUID: String? = nil, preconditionResourceVersion: String? = nil) {
        self.propagationPolicy = propagationPolicy
        self.gracePeriodSeconds = gracePeriodSeconds
        self.dryRun = dryRun
        self.preconditionUID = preconditionUID
        self.preconditionResourceVersion = preconditionResourceVersion
    }
}
