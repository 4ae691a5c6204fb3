/// Types of `source.toolkit.fluxcd.io/v1beta2`, an older version Flux 2.2's CRDs still serve. Types that are
/// the same as in the storage version are not repeated here; the storage version's are used.
public enum SourceV1Beta2 {
    public static let groupVersion = "\(FluxGroups.source)/v1beta2"
}
