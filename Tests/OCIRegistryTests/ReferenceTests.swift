import Testing
@testable import OCIRegistry

@Suite("Registry references, challenges and Docker configs")
struct ReferenceTests {
    @Test("references parse as go-containerregistry reads them", arguments: [
        ("oci://127.0.0.1:5000/charts/podinfo:6.5.3", "127.0.0.1:5000", "charts/podinfo", "6.5.3" as String?, nil as String?),
        ("ghcr.io/stefanprodan/charts/podinfo", "ghcr.io", "stefanprodan/charts/podinfo", "latest", nil),
        ("localhost/app@sha256:" + String(repeating: "a", count: 64), "localhost", "app", nil, "sha256:" + String(repeating: "a", count: 64)),
        ("nginx", "index.docker.io", "library/nginx", "latest", nil),
        ("fluxcd/flux:v2", "index.docker.io", "fluxcd/flux", "v2", nil),
    ])
    func parse(_ text: String, _ registry: String, _ repository: String, _ tag: String?, _ digest: String?) throws {
        let ref = try ImageReference(parsing: text)
        #expect(ref.registry == registry)
        #expect(ref.repository == repository)
        #expect(ref.tag == tag)
        #expect(ref.digest == digest)
    }

    @Test("bad repositories and tags are refused with go-containerregistry's wording")
    func invalid() {
        #expect(throws: RegistryError(.invalidReference, "repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: Charts/Podinfo")) {
            try ImageReference(parsing: "host.io/Charts/Podinfo:1.0.0")
        }
        #expect(throws: RegistryError(.invalidReference, "tag can only contain the characters `abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.`: 1.0.0+build")) {
            try ImageReference(parsing: "host.io/charts/podinfo:1.0.0+build")
        }
    }

    @Test("Helm maps + in versions to _ in tags and back")
    func helmTags() throws {
        let ref = try RegistryClient.helmReference("oci://127.0.0.1:5000/charts/podinfo:6.5.3+build.1")
        #expect(ref.tag == "6.5.3_build.1")
        #expect(ImageReference.helmVersion(forTag: "6.5.3_build.1") == "6.5.3+build.1")
        #expect(ref.name == "127.0.0.1:5000/charts/podinfo:6.5.3_build.1")
    }

    @Test("WWW-Authenticate challenges are parsed with quoted parameters")
    func challenges() throws {
        let bearer = try #require(AuthChallenge(header: #"Bearer realm="https://auth.example/token",service="registry.example",scope="repository:charts/podinfo:pull repository:x:pull""#))
        #expect(bearer.scheme == .bearer)
        #expect(bearer.realm == "https://auth.example/token")
        #expect(bearer.service == "registry.example")
        #expect(bearer.scopes == ["repository:charts/podinfo:pull", "repository:x:pull"])
        let basic = try #require(AuthChallenge(header: #"Basic realm="basic-realm""#))
        #expect(basic.scheme == .basic && basic.realm == "basic-realm")
        #expect(AuthChallenge(header: "") == nil)
    }

    @Test("Link headers lead to the next tag page")
    func links() {
        #expect(RegistryClient.nextLink(#"</v2/charts/podinfo/tags/list?last=b&n=2>; rel="next""#, base: "http://h:1/v2/charts/podinfo/tags/list?n=2")
                == "http://h:1/v2/charts/podinfo/tags/list?last=b&n=2")
        #expect(RegistryClient.nextLink(#"<http://x/a>; rel="prev""#, base: "http://h/") == nil)
    }

    static let dockerConfig = Array(#"{"auths":{"https://registry.example:5000/v1/":{"auth":"dXNlcjpwYXNz"},"other.io":{"username":"u","password":"p"}}}"#.utf8)

    @Test("dockerconfigjson Secrets yield the host's credentials")
    func dockerConfigSecret() throws {
        let creds = try RegistryCredentials.fromSecret(registryURL: "oci://registry.example:5000/charts", name: "regcred",
                                                       type: "kubernetes.io/dockerconfigjson", data: [".dockerconfigjson": Self.dockerConfig])
        #expect(creds == RegistryCredentials(username: "user", password: "pass"))
        let other = try RegistryCredentials.fromSecret(registryURL: "oci://other.io/x", name: "regcred",
                                                       type: "kubernetes.io/dockerconfigjson", data: [".dockerconfigjson": Self.dockerConfig])
        #expect(other == RegistryCredentials(username: "u", password: "p"))
    }

    @Test("unusable Secrets fail with source-controller's messages", arguments: [
        ("kubernetes.io/dockerconfigjson", [".dockerconfigjson": Array(#"{"auths":{"a.io":{"auth":"dXNlcjpwYXNz"}}}"#.utf8)], "oci://b.io/c",
         "no auth config for 'b.io' in the docker-registry Secret 'creds'"),
        ("kubernetes.io/dockerconfigjson", [".dockerconfigjson": Array("not json".utf8)], "oci://b.io/c",
         "unable to load Docker config from Secret 'creds': invalid character 'o' in literal null (expecting 'u')"),
        ("Opaque", ["username": Array("u".utf8)], "oci://b.io/c", "invalid 'creds' secret data: required fields 'username' and 'password'"),
        ("kubernetes.io/dockerconfigjson", [".dockerconfigjson": Array(#"{"auths":{"b.io":{"auth":"bm9jb2xvbg=="}}}"#.utf8)], "oci://b.io/c",
         "unable to load Docker config from Secret 'creds': Invalid auth configuration file"),
    ])
    func badSecrets(_ type: String, _ data: [String: [UInt8]], _ url: String, _ message: String) {
        #expect(throws: RegistryError(.invalidSecret, message)) {
            try RegistryCredentials.fromSecret(registryURL: url, name: "creds", type: type, data: data)
        }
    }

    @Test("a Secret without credentials means anonymous access")
    func anonymous() throws {
        #expect(try RegistryCredentials.fromSecret(registryURL: "oci://b.io", name: "s", type: "Opaque", data: [:]) == nil)
    }

    @Test("manifests round-trip through their canonical JSON")
    func manifestJSON() throws {
        let manifest = Manifest(config: Descriptor(mediaType: MediaTypes.helmConfig, digest: "sha256:" + String(repeating: "1", count: 64), size: 10),
                                layers: [Descriptor(mediaType: MediaTypes.helmChartContent, digest: "sha256:" + String(repeating: "2", count: 64), size: 20,
                                                    annotations: [("org.opencontainers.image.title", "podinfo")])],
                                annotations: [("b", "2"), ("a", "1")])
        let text = String(decoding: manifest.bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"#))
        #expect(text.hasSuffix(#""annotations":{"a":"1","b":"2"}}"#))
        let decoded = try Manifest(bytes: manifest.bytes, mediaType: nil)
        #expect(decoded.layers[0].annotation("org.opencontainers.image.title") == "podinfo")
        #expect(decoded.config.digest == manifest.config.digest)
    }
}
