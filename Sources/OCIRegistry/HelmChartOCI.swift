/// A Helm chart pulled from an OCI registry (Helm's `registry.Client.Pull` result).
public struct PulledHelmChart: Sendable {
    /// The reference pulled, with the registry tag (`+` written as `_`).
    public var reference: ImageReference
    /// The manifest's descriptor (its digest is the chart's OCI revision).
    public var manifest: Descriptor
    /// The config blob: the chart's metadata as JSON.
    public var config: [UInt8]
    /// The chart `.tgz`.
    public var chart: [UInt8]
    public var chartDescriptor: Descriptor
}

extension RegistryClient {
    /// Pulls the Helm chart at `reference` (`host/path/name:version`, `oci://` allowed) as
    /// Helm 3.13 does: `+` in the tag becomes `_`, the manifest must carry the Helm config and a
    /// chart layer (`…chart.content.v1.tar+gzip`, or the legacy `application/tar+gzip`), every
    /// blob is digest-checked and the chart is capped at `maxChartSize`.
    /// - Throws: "<registry>/<repository>:<tag>: not found" for a missing tag, Helm's messages
    ///   "could not load config with mediatype
    ///   application/vnd.cncf.helm.config.v1+json" and "manifest does not contain a layer with
    ///   mediatype application/vnd.cncf.helm.chart.content.v1.tar+gzip", or a `RegistryError`
    ///   from the exchange.
    public func pullHelmChart(_ reference: String, maxChartSize: Int, maxConfigSize: Int = 4 << 20) async throws(RegistryError) -> PulledHelmChart {
        let ref = try Self.helmReference(reference)
        let manifest: Manifest, descriptor: Descriptor
        do { (manifest, descriptor) = try await self.manifest(ref) } catch where error.isNotFound {
            // containerd's resolver, which Helm 3.13 pulls through, words a missing tag so.
            throw RegistryError(.notFound, "\(ref.name): not found", statusCode: 404, codes: error.codes)
        }
        guard manifest.config.mediaType == MediaTypes.helmConfig else {
            throw RegistryError(.notFound, "could not load config with mediatype \(MediaTypes.helmConfig)")
        }
        guard let layer = manifest.layers.first(where: { $0.mediaType == MediaTypes.helmChartContent })
            ?? manifest.layers.first(where: { $0.mediaType == MediaTypes.helmLegacyChartContent }) else {
            throw RegistryError(.notFound, "manifest does not contain a layer with mediatype \(MediaTypes.helmChartContent)")
        }
        if layer.size > Int64(maxChartSize) {
            throw RegistryError(.sizeLimit, "chart layer \(layer.digest) is \(layer.size) bytes, larger than the limit of \(maxChartSize) bytes")
        }
        let config = try await fetchBlob(ref, digest: manifest.config.digest, maxSize: maxConfigSize)
        let chart = try await fetchBlob(ref, digest: layer.digest, maxSize: maxChartSize)
        return PulledHelmChart(reference: ref, manifest: descriptor, config: config, chart: chart, chartDescriptor: layer)
    }

    /// Pushes a packaged chart as `helm push` does: config blob (the chart metadata JSON
    /// `configJSON`), chart layer, OCI manifest with `annotations`, tagged with the version
    /// (`+` → `_`).
    @discardableResult
    public func pushHelmChart(_ chart: [UInt8], configJSON: [UInt8], to reference: String,
                              annotations: [(key: String, value: String)] = []) async throws(RegistryError) -> Descriptor {
        let ref = try Self.helmReference(reference)
        return try await push(ref, config: (MediaTypes.helmConfig, configJSON),
                              layers: [(MediaTypes.helmChartContent, chart)], annotations: annotations)
    }

    /// Helm's `parseReference`: a `+` in the tag is replaced with `_` before parsing.
    public static func helmReference(_ raw: String) throws(RegistryError) -> ImageReference {
        var text = raw.hasPrefix("oci://") ? String(raw.dropFirst(6)) : raw
        if let colon = text.lastIndex(of: ":"), !text[text.index(after: colon)...].contains("/") {
            let tag = text[text.index(after: colon)...]
            if !tag.isEmpty { text = String(text[..<colon]) + ":" + ImageReference.helmTag(forVersion: String(tag)) }
        }
        return try ImageReference(parsing: text)
    }
}
