import Foundation
import FluxAPI
import FluxCRDs
import SharedTestData
import StructuredData
import Testing

/// Every CRD generated from the Swift types against the one Flux v2.2.0 ships
/// (`../shared/conformance/flux-v2.2.0/crds/`).
///
/// Compared: the whole document (metadata, names, scope, versions with served/storage/deprecation
/// flags, printer columns, subresources, and the full `openAPIV3Schema`: properties, types, formats,
/// required, enums, defaults, patterns, lengths, minimum, maxItems, `x-kubernetes-*`).
/// Excluded: `description` texts at every level. SwiftFlux does not carry Flux's API documentation
/// prose (210 KB across the thirteen CRDs); `kubectl explain` shows field names and types without it.
@Suite("Flux CRDs generated from the Swift types", .enabled(if: SharedConformance.isAvailable))
struct CRDConformanceTests {
    /// Differences that remain on purpose, each with its reason. Empty: the generated CRDs are
    /// structurally identical to Flux's.
    static let justified: [String: String] = [:]

    static func upstream(_ crd: FluxCRD) throws -> JSONValue {
        let path = SharedConformance.path("flux-v2.2.0/crds/\(crd.group)_\(crd.plural).yaml")
        return try YAML.parse(String(contentsOfFile: path, encoding: .utf8))
    }

    @Test("generated CRD matches Flux 2.2's structurally (descriptions excluded)", arguments: FluxCRDCatalog.all.map(\.plural))
    func matchesUpstream(plural: String) throws {
        let crd = try #require(FluxCRDCatalog.all.first { $0.plural == plural })
        let expected = JSONDiff.withoutDescriptions(try Self.upstream(crd))
        let actual = try crd.manifest()
        let unexplained = JSONDiff.differences(expected, actual).filter { Self.justified[$0] == nil }
        #expect(unexplained.isEmpty, "\(unexplained.count) differences:\n\(unexplained.prefix(40).joined(separator: "\n"))")
    }

    @Test("the catalog covers every CRD file Flux 2.2 ships, each with one storage version")
    func catalogIsComplete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: SharedConformance.path("flux-v2.2.0/crds"))
        #expect(Set(files) == Set(FluxCRDCatalog.all.map { "\($0.group)_\($0.plural).yaml" }))
        for crd in FluxCRDCatalog.all {
            #expect(crd.versions.filter(\.storage).count == 1, "\(crd.name)")
        }
    }

    @Test("each version's root type reports the version's group, version and kind")
    func versionsMatchTheirTypes() {
        for crd in FluxCRDCatalog.all {
            for version in crd.versions {
                #expect(version.resource.group == crd.group && version.resource.version == version.name
                        && version.resource.kind == crd.kind && version.resource.resource == crd.plural,
                        "\(crd.name) \(version.name) → \(version.resource.gvk)")
            }
        }
    }
}
