/// Media types the registry client knows.
public enum MediaTypes {
    public static let ociManifest = "application/vnd.oci.image.manifest.v1+json"
    public static let ociIndex = "application/vnd.oci.image.index.v1+json"
    public static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"
    public static let dockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json"
    public static let ociEmptyConfig = "application/vnd.oci.empty.v1+json"

    /// Helm's chart config (`registry.ConfigMediaType`).
    public static let helmConfig = "application/vnd.cncf.helm.config.v1+json"
    /// Helm's chart content layer (`registry.ChartLayerMediaType`).
    public static let helmChartContent = "application/vnd.cncf.helm.chart.content.v1.tar+gzip"
    /// Helm's provenance layer (`registry.ProvLayerMediaType`).
    public static let helmProvenance = "application/vnd.cncf.helm.chart.provenance.v1.prov"
    /// Helm's legacy chart layer (`registry.LegacyChartLayerMediaType`).
    public static let helmLegacyChartContent = "application/tar+gzip"

    /// Flux's artifact config and content (`fluxcd/pkg/oci`).
    public static let fluxConfig = "application/vnd.cncf.flux.config.v1+json"
    public static let fluxContent = "application/vnd.cncf.flux.content.v1.tar+gzip"

    /// cosign's simple-signing payload layer.
    public static let cosignSimpleSigning = "application/vnd.dev.cosign.simplesigning.v1+json"

    /// Every manifest type `resolve`/`manifest` accept by default.
    public static let allManifests = [ociManifest, ociIndex, dockerManifest, dockerManifestList]
}
