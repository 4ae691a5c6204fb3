import StructuredData

/// A content descriptor (OCI `Descriptor`).
public struct Descriptor: Sendable, Equatable {
    public var mediaType: String
    public var digest: String
    public var size: Int64
    public var annotations: [(key: String, value: String)]
    public var platform: Platform?
    public var artifactType: String?

    public init(mediaType: String, digest: String, size: Int64, annotations: [(key: String, value: String)] = [],
                platform: Platform? = nil, artifactType: String? = nil) {
        self.mediaType = mediaType
        self.digest = digest
        self.size = size
        self.annotations = annotations
        self.platform = platform
        self.artifactType = artifactType
    }

    public static func == (a: Descriptor, b: Descriptor) -> Bool {
        a.mediaType == b.mediaType && a.digest == b.digest && a.size == b.size && a.platform == b.platform
            && a.artifactType == b.artifactType && a.annotations.map(\.key) == b.annotations.map(\.key)
            && a.annotations.map(\.value) == b.annotations.map(\.value)
    }

    /// The value of annotation `key`.
    public func annotation(_ key: String) -> String? { annotations.first { $0.key == key }?.value }

    /// JSON in the OCI field order (`mediaType`, `digest`, `size`, …).
    public var json: JSONValue {
        var o: JSONObject = ["mediaType": .string(mediaType), "digest": .string(digest), "size": .int(size)]
        if !annotations.isEmpty {
            var a = JSONObject()
            for (k, v) in annotations.sorted(by: { $0.key < $1.key }) { a[k] = .string(v) }
            o["annotations"] = .object(a)
        }
        if let artifactType { o["artifactType"] = .string(artifactType) }
        if let platform { o["platform"] = platform.json }
        return .object(o)
    }

    init(json: JSONValue, what: String) throws(RegistryError) {
        guard case .object(let o) = json, let digest = o["digest"]?.stringValue, let size = o["size"]?.intValue else {
            throw RegistryError(.invalidResponse, "invalid \(what) descriptor")
        }
        self.mediaType = o["mediaType"]?.stringValue ?? ""
        self.digest = digest
        self.size = size
        self.annotations = Manifest.stringMap(o["annotations"])
        self.platform = o["platform"].flatMap(Platform.init(json:))
        self.artifactType = o["artifactType"]?.stringValue
    }
}

/// An image platform (`os`/`architecture`/`variant`).
public struct Platform: Sendable, Equatable, CustomStringConvertible {
    public var os: String
    public var architecture: String
    public var variant: String?

    public init(os: String, architecture: String, variant: String? = nil) {
        self.os = os
        self.architecture = architecture
        self.variant = variant
    }

    public static let linuxAMD64 = Platform(os: "linux", architecture: "amd64")

    public var description: String { [os, architecture, variant].compactMap { $0 }.joined(separator: "/") }

    init?(json: JSONValue) {
        guard let os = json["os"]?.stringValue, let arch = json["architecture"]?.stringValue else { return nil }
        self.init(os: os, architecture: arch, variant: json["variant"]?.stringValue)
    }

    var json: JSONValue {
        var o: JSONObject = ["architecture": .string(architecture), "os": .string(os)]
        if let variant { o["variant"] = .string(variant) }
        return .object(o)
    }

    /// Whether an index entry for `other` satisfies this wanted platform (a missing variant
    /// matches any).
    public func matches(_ other: Platform) -> Bool {
        os == other.os && architecture == other.architecture && (variant == nil || variant == other.variant)
    }
}

/// An image manifest (OCI or Docker schema 2).
public struct Manifest: Sendable, Equatable {
    public var mediaType: String
    public var config: Descriptor
    public var layers: [Descriptor]
    public var annotations: [(key: String, value: String)]
    public var subject: Descriptor?

    public init(mediaType: String = MediaTypes.ociManifest, config: Descriptor, layers: [Descriptor],
                annotations: [(key: String, value: String)] = [], subject: Descriptor? = nil) {
        self.mediaType = mediaType
        self.config = config
        self.layers = layers
        self.annotations = annotations
        self.subject = subject
    }

    public static func == (a: Manifest, b: Manifest) -> Bool {
        a.mediaType == b.mediaType && a.config == b.config && a.layers == b.layers && a.subject == b.subject
            && a.annotations.map(\.key) == b.annotations.map(\.key) && a.annotations.map(\.value) == b.annotations.map(\.value)
    }

    public func annotation(_ key: String) -> String? { annotations.first { $0.key == key }?.value }

    /// Decodes a manifest document; `mediaType` is the response's content type, used when the
    /// document carries none.
    public init(bytes: [UInt8], mediaType contentType: String?) throws(RegistryError) {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes: bytes) } catch {
            throw RegistryError(.invalidResponse, "invalid manifest: \(error.message)")
        }
        guard case .object(let o) = json, let config = o["config"], case .array(let layers)? = o["layers"] else {
            throw RegistryError(.invalidResponse, "invalid manifest: missing config or layers")
        }
        self.mediaType = o["mediaType"]?.stringValue ?? contentType ?? MediaTypes.ociManifest
        self.config = try Descriptor(json: config, what: "config")
        var parsed: [Descriptor] = []
        for layer in layers { parsed.append(try Descriptor(json: layer, what: "layer")) }
        self.layers = parsed
        self.annotations = Self.stringMap(o["annotations"])
        self.subject = try o["subject"].map { (s) throws(RegistryError) in try Descriptor(json: s, what: "subject") }
    }

    /// The canonical JSON (field order of Go's `ocispec.Manifest`: schemaVersion, mediaType,
    /// config, layers, subject, annotations).
    public var bytes: [UInt8] {
        var o: JSONObject = ["schemaVersion": .int(2), "mediaType": .string(mediaType), "config": config.json,
                             "layers": .array(layers.map(\.json))]
        if let subject { o["subject"] = subject.json }
        if !annotations.isEmpty {
            var a = JSONObject()
            for (k, v) in annotations.sorted(by: { $0.key < $1.key }) { a[k] = .string(v) }
            o["annotations"] = .object(a)
        }
        return JSONValue.object(o).serializedBytes(JSONWriteOptions(escapeHTML: true))
    }

    static func stringMap(_ value: JSONValue?) -> [(key: String, value: String)] {
        guard case .object(let o)? = value else { return [] }
        return o.compactMap { k, v in v.stringValue.map { (k, $0) } }
    }
}

/// An image index / manifest list.
public struct ImageIndex: Sendable, Equatable {
    public var mediaType: String
    public var manifests: [Descriptor]

    public init(bytes: [UInt8], mediaType contentType: String?) throws(RegistryError) {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes: bytes) } catch {
            throw RegistryError(.invalidResponse, "invalid index: \(error.message)")
        }
        guard case .array(let manifests)? = json["manifests"] else {
            throw RegistryError(.invalidResponse, "invalid index: missing manifests")
        }
        mediaType = json["mediaType"]?.stringValue ?? contentType ?? MediaTypes.ociIndex
        var parsed: [Descriptor] = []
        for m in manifests { parsed.append(try Descriptor(json: m, what: "manifest")) }
        self.manifests = parsed
    }

    /// The entry for `platform`, nil when none matches.
    public func manifest(for platform: Platform) -> Descriptor? {
        manifests.first { $0.platform.map(platform.matches) ?? false }
    }
}
