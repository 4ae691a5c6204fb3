import FluxAPI
import KubeModel
import StructuredData

/// The `flux trace` reports, laid out as flux's templates print them.
extension TraceCommand {
    /// `Status:` and `Message:` lines of a Ready condition (`failed` wording when False, if asked).
    static func statusLines(_ ready: Condition?, _ pad: String, _ zone: TimeZoneInfo, failedWording: Bool) -> String {
        guard let ready else { return "\nStatus:\(pad)Unknown" }
        let time = zone.goString(rfc3339: ready.lastTransitionTime)
        let status = failedWording && ready.status == .false ? "Last reconciliation failed at \(time)" : "Last reconciled at \(time)"
        return "\nStatus:\(pad)\(status)\nMessage:\(String(pad.dropFirst()))\(ready.message)"
    }

    static func fetch(_ session: KubeSession, _ resource: APIResource, namespace: String, name: String,
                      what: String) async throws -> KubeObject {
        do { return try await session.get(resource, namespace: namespace, name: name) } catch {
            throw FluxCLIError("failed to find \(what): \(error.message)")
        }
    }

    static func kustomizationReport(_ session: KubeSession, _ owner: (namespace: String, name: String),
                                    _ object: KubeObject, _ zone: TimeZoneInfo) async throws -> String {
        let ks = try await fetch(session, Kustomization.apiResource, namespace: owner.namespace, name: owner.name, what: "kustomization")
        let sourceKind = ks.string(at: ["spec", "sourceRef", "kind"])
        let sourceNamespace = ks.string(at: ["spec", "sourceRef", "namespace"]).isEmpty ? ks.namespace
            : ks.string(at: ["spec", "sourceRef", "namespace"])
        let sourceName = ks.string(at: ["spec", "sourceRef", "name"])
        var out = "\nObject:          \(object.kind)/\(object.name)"
        if !object.namespace.isEmpty { out += "\nNamespace:       \(object.namespace)" }
        out += "\nStatus:          Managed by Flux"
        out += "\n---\nKustomization:   \(ks.name)\nNamespace:       \(ks.namespace)"
        let target = ks.string(at: ["spec", "targetNamespace"])
        if !target.isEmpty { out += "\nTarget:          \(target)" }
        out += "\nPath:            \(ks.string(at: ["spec", "path"]))\nRevision:        \(ks.lastAppliedRevision)"
        out += statusLines(ks.readyCondition, "          ", zone, failedWording: false)
        switch sourceKind {
        case GitRepository.apiResource.kind:
            let git = try await fetch(session, GitRepository.apiResource, namespace: sourceNamespace, name: sourceName,
                                      what: "GitRepository")
            out += "\n---\nGitRepository:   \(git.name)\nNamespace:       \(git.namespace)\nURL:             \(git.string(at: ["spec", "url"]))"
            out += gitReference(git, pad: "             ")
            if let revision = git.artifactRevision { out += "\nRevision:        \(revision)" }
            out += statusLines(git.readyCondition, "          ", zone, failedWording: true)
        case OCIRepository.apiResource.kind:
            let oci = try await fetch(session, OCIRepository.apiResource, namespace: sourceNamespace, name: sourceName,
                                      what: "OCIRepository")
            out += "\n---\nOCIRepository:   \(oci.name)\nNamespace:       \(oci.namespace)\nURL:             \(oci.string(at: ["spec", "url"]))"
            if oci.raw[path: ["spec", "ref"]]?.objectValue != nil {
                let tag = oci.string(at: ["spec", "ref", "tag"]), semver = oci.string(at: ["spec", "ref", "semver"])
                let digest = oci.string(at: ["spec", "ref", "digest"])
                if !tag.isEmpty { out += "\nTag:             \(tag)" }
                else if !semver.isEmpty { out += "\nTag:             \(semver)" }
                else if !digest.isEmpty { out += "\nDigest:          \(digest)" }
            }
            if let revision = oci.artifactRevision {
                out += "\nRevision:        \(revision)"
                if let metadata = oci.raw[path: ["status", "artifact", "metadata"]]?.objectValue, !metadata.isEmpty {
                    for (label, key) in [("Origin Revision: ", "org.opencontainers.image.revision"),
                                         ("Origin Source:   ", "org.opencontainers.image.source")] {
                        out += "\n"
                        if let value = metadata[key]?.stringValue, !value.isEmpty { out += label + value }
                    }
                }
            }
            out += statusLines(oci.readyCondition, "          ", zone, failedWording: true)
        default:
            break
        }
        return out + "\n"
    }

    /// The `Tag:`/`Branch:` line of a GitRepository reference (tag, then semver, then branch).
    static func gitReference(_ git: KubeObject, pad: String) -> String {
        guard git.raw[path: ["spec", "ref"]]?.objectValue != nil else { return "" }
        let tag = git.string(at: ["spec", "ref", "tag"]), semver = git.string(at: ["spec", "ref", "semver"])
        let branch = git.string(at: ["spec", "ref", "branch"])
        if !tag.isEmpty { return "\nTag:\(pad)\(tag)" }
        if !semver.isEmpty { return "\nTag:\(pad)\(semver)" }
        if !branch.isEmpty { return "\nBranch:\(pad.dropFirst(3))\(branch)" }
        return ""
    }

    static func helmReport(_ session: KubeSession, _ owner: (namespace: String, name: String),
                           _ object: KubeObject, _ zone: TimeZoneInfo) async throws -> String {
        let hr = try await fetch(session, HelmRelease.apiResource, namespace: owner.namespace, name: owner.name, what: "HelmRelease")
        var out = "\nObject:         \(object.kind)/\(object.name)"
        if !object.namespace.isEmpty { out += "\nNamespace:      \(object.namespace)" }
        out += "\nStatus:         Managed by Flux"
        out += "\n---\nHelmRelease:    \(hr.name)\nNamespace:      \(hr.namespace)"
        let target = hr.string(at: ["spec", "targetNamespace"])
        if !target.isEmpty { out += "\nTarget:         \(target)" }
        out += "\nRevision:       \(hr.lastAppliedRevision)"
        out += statusLines(hr.readyCondition, "         ", zone, failedWording: false)
        let chartRef = hr.string(at: ["status", "helmChart"])
        if !chartRef.isEmpty {
            let parts = chartRef.split(separator: "/", omittingEmptySubsequences: false)
            let (ns, name) = parts.count == 2 ? (String(parts[0]), String(parts[1])) : ("", chartRef)
            let chart = try await fetch(session, HelmChart.apiResource, namespace: ns, name: name, what: "HelmChart")
            out += "\n---\nHelmChart:      \(chart.name)\nNamespace:      \(chart.namespace)"
            out += "\nChart:          \(chart.string(at: ["spec", "chart"]))\nVersion:        \(chart.string(at: ["spec", "version"]))"
            if let revision = chart.artifactRevision { out += "\nRevision:       \(revision)" }
            out += statusLines(chart.readyCondition, "         ", zone, failedWording: false)
        }
        let sourceKind = hr.string(at: ["spec", "chart", "spec", "sourceRef", "kind"])
        let sourceName = hr.string(at: ["spec", "chart", "spec", "sourceRef", "name"])
        let refNamespace = hr.string(at: ["spec", "chart", "spec", "sourceRef", "namespace"])
        let sourceNamespace = refNamespace.isEmpty ? hr.namespace : refNamespace
        if sourceKind == HelmRepository.apiResource.kind {
            let repo = try await fetch(session, HelmRepository.apiResource, namespace: sourceNamespace, name: sourceName,
                                       what: "HelmRepository")
            out += "\n---\nHelmRepository: \(repo.name)\nNamespace:      \(repo.namespace)\nURL:            \(repo.string(at: ["spec", "url"]))"
            if let revision = repo.artifactRevision { out += "\nRevision:       \(revision)" }
            out += statusLines(repo.readyCondition, "         ", zone, failedWording: false)
        }
        if sourceKind == GitRepository.apiResource.kind {
            let git = try await fetch(session, GitRepository.apiResource, namespace: sourceNamespace, name: sourceName,
                                      what: "GitRepository")
            out += "\n---\nGitRepository: \(git.name)\nNamespace:     \(git.namespace)\nURL:           \(git.string(at: ["spec", "url"]))"
            out += gitReference(git, pad: "           ")
            if let revision = git.artifactRevision { out += "\nRevision:      \(revision)" }
            out += statusLines(git.readyCondition, "        ", zone, failedWording: true)
        }
        return out + "\n"
    }
}
