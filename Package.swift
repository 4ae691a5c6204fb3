// swift-tools-version:6.1
// SwiftFlux: a Swift reimplementation of the Flux v2.2 GitOps toolkit.
//
// Targets are grouped by layer (see ../shared/STYLE.md); dependencies point down only.
//   1. Pure libraries (no I/O)   GoCompat, StructuredData, KubeModel, KStatus (kstatus), GoTemplate,
//                                SemVer, Sprig, HelmEngine (charts, values, rendering), FluxAPI (typed
//                                Flux kinds), FluxCRDs (CRDs generated from FluxAPI), FluxInstall
//                                (install manifests), Kustomize (kustomize build)
//   2. I/O                       KubeClient, ArtifactStorage (source artifacts on disk), SourceHTTP
//                                (TLS/auth/retry plumbing), ArtifactHTTP (artifact file server +
//                                fetcher), OCIRegistry (registry v2 client),
//                                Cosign (signature verification), HelmRepo (Helm repositories, charts)
//   3. Runtime                   ControllerRuntime (cache, queue, controllers, status, events, metrics,
//                                leader election), FluxSSA (apply manager), HelmActions (release
//                                storage and actions)
//   4. Server                    APIServerCore (storage, no HTTP), APIServer (HTTP front)
//   -  Test support              SwiftFluxTesting (in-process API server for tests), RegistryTesting
//                                (real Distribution registry, token server, test PKI)
//   5. Controllers               SourceController (HelmRepository, HelmChart; artifact server),
//                                HelmController (kustomize, notification, image next)
//   6. Entry point               FluxCLI (the `flux` command tree, over the Flux API types),
//                                SwiftFluxCLI (command tree) + swiftflux (executable)
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6)
]

let package = Package(
    name: "swiftflux",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "swiftflux", targets: ["swiftflux"]),
        .library(name: "StructuredData", targets: ["StructuredData"]),
        .library(name: "KubeModel", targets: ["KubeModel"]),
        .library(name: "KubeClient", targets: ["KubeClient"]),
        .library(name: "GoTemplate", targets: ["GoTemplate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"4.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.3.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // MARK: Layer 1 — pure libraries
        .target(
            name: "GoCompat",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "StructuredData",
            dependencies: [
                "GoCompat",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KubeModel",
            dependencies: ["GoCompat", "StructuredData"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FluxAPI",
            dependencies: [
                "KubeModel", "StructuredData", "GoCompat",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FluxCRDs",
            dependencies: ["FluxAPI", "KubeModel", "StructuredData"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FluxInstall",
            dependencies: ["FluxCRDs", "FluxAPI", "KubeModel", "StructuredData"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GoTemplate",
            dependencies: [
                "GoCompat",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SemVer",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Sprig",
            dependencies: [
                "GoTemplate", "GoCompat", "StructuredData", "SemVer",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "KStatus",
            dependencies: ["GoCompat", "KubeModel", "StructuredData"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Kustomize",
            dependencies: [
                "StructuredData", "KubeModel", "GoCompat",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelmEngine",
            dependencies: [
                "GoTemplate", "Sprig", "SemVer", "StructuredData", "GoCompat",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Layer 2 — I/O
        .target(
            name: "KubeClient",
            dependencies: [
                "KubeModel", "StructuredData",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "ArtifactStorage",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SourceHTTP",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ArtifactHTTP",
            dependencies: [
                "ArtifactStorage", "SourceHTTP",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "OCIRegistry",
            dependencies: [
                "ArtifactStorage", "SourceHTTP", "StructuredData",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Cosign",
            dependencies: [
                "OCIRegistry", "SourceHTTP", "StructuredData", "Sprig",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelmRepo",
            dependencies: [
                "ArtifactStorage", "SourceHTTP", "OCIRegistry", "Cosign", "HelmEngine", "SemVer", "StructuredData", "GoCompat",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Layer 3 — runtime
        .target(
            name: "HelmActions",
            dependencies: [
                "HelmEngine", "Sprig", "KubeClient", "KubeModel", "StructuredData", "GoCompat",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "ControllerRuntime",
            dependencies: [
                "KubeClient", "KubeModel", "StructuredData", "GoCompat",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FluxSSA",
            dependencies: ["GoCompat", "KStatus", "KubeClient", "KubeModel", "StructuredData"],
            swiftSettings: swiftSettings
        ),

        // MARK: Layer 4 — server
        .target(
            name: "APIServerCore",
            dependencies: [
                "KubeModel", "StructuredData", "GoCompat",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "APIServer",
            dependencies: [
                "APIServerCore", "KubeClient", "KubeModel", "StructuredData",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Test support (may depend on anything)
        .target(
            name: "SharedTestData",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RegistryTesting",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SwiftFluxTesting",
            dependencies: [
                "APIServer", "APIServerCore", "KubeClient", "KubeModel", "StructuredData",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Layer 5 — controllers
        .target(
            name: "SourceController",
            dependencies: [
                "ControllerRuntime", "FluxAPI", "ArtifactStorage", "ArtifactHTTP", "SourceHTTP", "OCIRegistry", "Cosign", "HelmRepo",
                "HelmEngine", "KubeClient", "KubeModel", "StructuredData", "GoCompat",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelmController",
            dependencies: [
                "ControllerRuntime", "FluxAPI", "FluxSSA", "HelmActions", "HelmEngine", "KubeClient", "KubeModel",
                "StructuredData", "GoCompat", "Kustomize",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // MARK: Layer 6 — entry point
        .target(
            name: "FluxCLI",
            dependencies: [
                "FluxAPI", "FluxCRDs", "FluxInstall", "FluxSSA", "KubeClient", "KubeModel", "KStatus", "HelmActions",
                "StructuredData", "GoCompat", "SemVer",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SwiftFluxCLI",
            dependencies: [
                "KubeClient", "KubeModel", "StructuredData", "GoTemplate", "APIServer", "APIServerCore", "HelmEngine", "HelmActions",
                "Sprig", "ControllerRuntime", "FluxInstall", "FluxCRDs", "FluxAPI", "ArtifactStorage", "HelmRepo", "HelmController",
                "FluxCLI", "Kustomize", "SourceController", "OCIRegistry", "RegistryTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "swiftflux",
            dependencies: ["SwiftFluxCLI"],
            swiftSettings: swiftSettings
        ),

        // MARK: Tests
        .testTarget(name: "GoCompatTests", dependencies: ["GoCompat"], swiftSettings: swiftSettings),
        .testTarget(name: "StructuredDataTests", dependencies: ["StructuredData"], swiftSettings: swiftSettings),
        .testTarget(name: "KubeModelTests", dependencies: ["KubeModel"], swiftSettings: swiftSettings),
        .testTarget(name: "GoTemplateTests", dependencies: ["GoTemplate"], swiftSettings: swiftSettings),
        .testTarget(name: "SemVerTests", dependencies: ["SemVer"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SprigTests",
            dependencies: ["SharedTestData", 
                "Sprig", "GoTemplate", "StructuredData",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "HelmEngineTests", dependencies: ["SharedTestData", "HelmEngine", "SwiftFluxCLI"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "HelmActionsTests", dependencies: ["SharedTestData", "HelmActions", "SwiftFluxTesting"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "KubeClientTests", dependencies: ["KubeClient", "SwiftFluxTesting"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "APIServerTests", dependencies: ["APIServer", "APIServerCore", "KubeClient", "SwiftFluxTesting"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ControllerRuntimeTests",
            dependencies: [
                "ControllerRuntime", "SwiftFluxTesting", "APIServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "KStatusTests", dependencies: ["KStatus", "KubeModel", "StructuredData", "GoCompat"],
                    exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "FluxSSATests", dependencies: ["FluxSSA", "KStatus", "SwiftFluxTesting"],
                    exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FluxAPITests",
            dependencies: ["SharedTestData", "FluxAPI", "FluxCRDs", "FluxInstall", "SwiftFluxCLI", "SwiftFluxTesting"],
            exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "ArtifactStorageTests", dependencies: ["ArtifactStorage"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "ArtifactHTTPTests", dependencies: ["ArtifactHTTP", "ArtifactStorage", "SourceHTTP",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Hummingbird", package: "hummingbird")], swiftSettings: swiftSettings),
        .testTarget(name: "OCIRegistryTests", dependencies: ["OCIRegistry", "RegistryTesting", "SourceHTTP", "ArtifactStorage", "SharedTestData",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates")], swiftSettings: swiftSettings),
        .testTarget(name: "CosignTests", dependencies: ["Cosign", "OCIRegistry", "RegistryTesting", "SourceHTTP",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "SwiftASN1", package: "swift-asn1")], swiftSettings: swiftSettings),
        .testTarget(name: "HelmRepoTests", dependencies: ["HelmRepo", "OCIRegistry", "Cosign", "RegistryTesting", "SourceHTTP", "ArtifactStorage",
            "HelmEngine", "StructuredData", "SharedTestData",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates")], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HelmControllerTests",
            dependencies: ["HelmController", "ControllerRuntime", "FluxAPI", "FluxCRDs", "HelmActions", "ArtifactHTTP", "ArtifactStorage",
                           "SwiftFluxTesting", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "KustomizeTests", dependencies: ["Kustomize", "StructuredData", "SharedTestData", "HelmEngine", "SwiftFluxTesting"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(name: "SourceControllerTests", dependencies: ["SourceController", "SwiftFluxTesting", "RegistryTesting", "FluxCRDs",
            "FluxAPI", "ControllerRuntime", "KubeClient", "KubeModel", "StructuredData", "HelmEngine", "HelmRepo", "ArtifactStorage",
            "OCIRegistry", "Cosign", "SourceHTTP", "SharedTestData",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "SwiftASN1", package: "swift-asn1")], swiftSettings: swiftSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["SwiftFluxTesting", "RegistryTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "SwiftFluxCLITests", dependencies: ["SharedTestData", "SwiftFluxCLI"], swiftSettings: swiftSettings),
        .testTarget(name: "HelmParityTests", dependencies: ["SharedTestData", "SwiftFluxTesting", "Sprig", "GoTemplate"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FluxCLITests",
            dependencies: [
                "SharedTestData", "FluxCLI", "FluxCRDs", "FluxAPI", "GoTemplate", "HelmActions", "KubeClient", "KubeModel",
                "StructuredData", "SwiftFluxTesting",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            exclude: ["Fixtures"], swiftSettings: swiftSettings),
    ]
)
