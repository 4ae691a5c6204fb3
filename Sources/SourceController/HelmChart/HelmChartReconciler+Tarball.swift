import FluxAPI
import HelmRepo
import KubeModel

extension HelmChartReconciler {
    /// `buildFromTarballArtifact` for GitRepository and Bucket sources. Those source kinds have
    /// no reconciler in SwiftFlux yet, so their objects never carry an artifact and HelmCharts
    /// referencing them stop at `NoSourceArtifact`; an artifact set by other means is reported
    /// as a failure instead of being built.
    func buildFromTarballArtifact(_ object: inout HelmChart, _ source: ChartSource) async -> Result<ChartBuild, BuildFailure> {
        let error = SourceError.generic(
            "building charts from \(object.spec.sourceRef.kind.rawValue) sources is not supported by this source-controller",
            reason: MetaReason.failed)
        object.markTrue(SourceCondition.fetchFailed, reason: error.reason, message: error.message)
        return .failure(.source(error))
    }
}
