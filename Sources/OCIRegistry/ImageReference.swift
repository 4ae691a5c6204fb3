/// A registry reference `registry/repository[:tag][@digest]` as go-containerregistry's
/// `name.ParseReference` reads it: the first path component is the registry when it contains
/// `.` or `:` or is `localhost`, otherwise Docker Hub (`index.docker.io`, single names under
/// `library/`); the tag defaults to `latest` when there is no digest.
public struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    public var registry: String
    public var repository: String
    public var tag: String?
    public var digest: String?

    public static let dockerHub = "index.docker.io"

    public init(registry: String, repository: String, tag: String? = nil, digest: String? = nil) {
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// Parses `text`, with or without an `oci://` prefix.
    /// - Throws: `.invalidReference` with go-containerregistry's wording for bad repositories,
    ///   tags and digests.
    public init(parsing text: String) throws(RegistryError) {
        var rest = Substring(text)
        if rest.hasPrefix("oci://") { rest = rest.dropFirst(6) }
        var digest: String?
        if let at = rest.firstIndex(of: "@") {
            let d = String(rest[rest.index(after: at)...])
            guard Self.isDigest(d) else {
                throw RegistryError(.invalidReference, "a digest must contain exactly one '@' separator (e.g. registry/repository@digest) saw: \(text)")
            }
            digest = d
            rest = rest[..<at]
        }
        var tag: String?
        if let colon = rest.lastIndex(of: ":"), !rest[rest.index(after: colon)...].contains("/") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        var parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var registry = Self.dockerHub
        if parts.count > 1, let first = parts.first, first.contains(".") || first.contains(":") || first == "localhost" {
            registry = first
            parts.removeFirst()
        }
        var repository = parts.joined(separator: "/")
        if registry == Self.dockerHub, parts.count == 1 { repository = "library/" + repository }
        guard Self.isRepository(repository) else {
            throw RegistryError(.invalidReference, "repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: \(repository)")
        }
        if let tag, !Self.isTag(tag) {
            throw RegistryError(.invalidReference, "tag can only contain the characters `abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.`: \(tag)")
        }
        self.registry = registry
        self.repository = repository
        self.tag = digest == nil ? (tag ?? "latest") : tag
        self.digest = digest
    }

    /// The tag or digest the manifest endpoint is asked for (the digest wins).
    public var identifier: String { digest ?? tag ?? "latest" }

    /// `registry/repository:tag` or `registry/repository@digest` (go-containerregistry's
    /// `Reference.Name()`).
    public var name: String {
        if let digest { return "\(registry)/\(repository)@\(digest)" }
        return "\(registry)/\(repository):\(tag ?? "latest")"
    }

    public var description: String { name }

    /// The same repository with another tag.
    public func with(tag: String) -> ImageReference { ImageReference(registry: registry, repository: repository, tag: tag) }

    /// The same repository at a digest.
    public func with(digest: String) -> ImageReference { ImageReference(registry: registry, repository: repository, digest: digest) }

    static func isRepository(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 255 else { return false }
        for component in s.split(separator: "/", omittingEmptySubsequences: false) {
            guard let first = component.utf8.first, let last = component.utf8.last else { return false }
            func alnum(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) }
            guard alnum(first), alnum(last) else { return false }
            guard component.utf8.allSatisfy({ alnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) else { return false }
        }
        return true
    }

    static func isTag(_ s: String) -> Bool {
        guard let first = s.utf8.first, s.utf8.count <= 128 else { return false }
        func word(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "_")
        }
        return word(first) && s.utf8.allSatisfy { word($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    static func isDigest(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":") else { return false }
        let algorithm = s[..<colon], hex = s[s.index(after: colon)...]
        return !algorithm.isEmpty && !hex.isEmpty && hex.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x61 && $0 <= 0x7a) || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }
}

extension ImageReference {
    /// Helm's tag convention: `+` in a chart version becomes `_` in the registry tag.
    public static func helmTag(forVersion version: String) -> String { version.replacing("+", with: "_") }
    /// And back: `_` in a tag is `+` in the chart version.
    public static func helmVersion(forTag tag: String) -> String { tag.replacing("_", with: "+") }
}
