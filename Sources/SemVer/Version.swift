/// A semantic version with Masterminds semver v3.2.1 behaviour: lenient parsing
/// (`1`, `1.2`, `v1.2.3`), prerelease and build metadata, precedence comparison that
/// ignores metadata, and the `original` text as written.
///
/// Equality and hashing follow precedence (`1.2.3+a == 1.2.3+b`), like Go's `Equal`.
public struct Version: Sendable, CustomStringConvertible {
    public let major: UInt64
    public let minor: UInt64
    public let patch: UInt64
    /// Prerelease identifiers without the leading `-` (empty when absent).
    public let prerelease: String
    /// Build metadata without the leading `+` (empty when absent).
    public let metadata: String
    /// The text this version was parsed from (or its canonical form when built in code).
    public let original: String

    /// Builds a version from parts; `original` becomes the canonical string (Go's `semver.New`).
    /// The parts are not validated.
    public init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: String = "", metadata: String = "") {
        self.init(major: major, minor: minor, patch: patch, prerelease: prerelease, metadata: metadata, original: nil)
    }

    init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: String, metadata: String, original: String?) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.metadata = metadata
        self.original = original ?? Version.canonical(major, minor, patch, prerelease, metadata)
    }

    /// Parses leniently, like Go's `semver.NewVersion`: an optional `v`, one to three
    /// numeric segments (missing ones are 0), then optional `-prerelease` and `+metadata`.
    /// - Throws: `SemVerError` with Go's message.
    public init(_ text: String) throws(SemVerError) {
        self = try VersionParser.lenient(text)
    }

    /// Parses strictly, like Go's `semver.StrictNewVersion`: exactly `MAJOR.MINOR.PATCH`, no
    /// `v` prefix, no leading zeros.
    public static func strict(_ text: String) throws(SemVerError) -> Version {
        try VersionParser.strict(text)
    }

    /// `MAJOR.MINOR.PATCH[-pre][+meta]` (Go's `Version.String`).
    public var description: String {
        Version.canonical(major, minor, patch, prerelease, metadata)
    }

    static func canonical(_ major: UInt64, _ minor: UInt64, _ patch: UInt64, _ pre: String, _ meta: String) -> String {
        var text = "\(major).\(minor).\(patch)"
        if !pre.isEmpty { text += "-" + pre }
        if !meta.isEmpty { text += "+" + meta }
        return text
    }
}

extension Version {
    private var vPrefix: String { original.hasPrefix("v") ? "v" : "" }

    private func with(major: UInt64? = nil, minor: UInt64? = nil, patch: UInt64? = nil,
                      prerelease: String, metadata: String) -> Version {
        let next = Version(major: major ?? self.major, minor: minor ?? self.minor, patch: patch ?? self.patch,
                           prerelease: prerelease, metadata: metadata)
        return Version(major: next.major, minor: next.minor, patch: next.patch, prerelease: prerelease,
                       metadata: metadata, original: vPrefix + next.description)
    }

    /// The next patch version; a prerelease just drops its prerelease (`1.2.3-a` → `1.2.3`).
    public func incPatch() -> Version {
        prerelease.isEmpty ? with(patch: patch &+ 1, prerelease: "", metadata: "") : with(prerelease: "", metadata: "")
    }

    /// The next minor version (`1.2.3` → `1.3.0`), dropping prerelease and metadata.
    public func incMinor() -> Version {
        with(minor: minor &+ 1, patch: 0, prerelease: "", metadata: "")
    }

    /// The next major version (`1.2.3` → `2.0.0`), dropping prerelease and metadata.
    public func incMajor() -> Version {
        with(major: major &+ 1, minor: 0, patch: 0, prerelease: "", metadata: "")
    }

    /// This version with another prerelease (validated unless empty).
    public func settingPrerelease(_ value: String) throws(SemVerError) -> Version {
        if !value.isEmpty { try VersionParser.validatePrerelease(value) }
        return with(prerelease: value, metadata: metadata)
    }

    /// This version with other build metadata (validated unless empty).
    public func settingMetadata(_ value: String) throws(SemVerError) -> Version {
        if !value.isEmpty { try VersionParser.validateMetadata(value) }
        return with(prerelease: prerelease, metadata: value)
    }
}
