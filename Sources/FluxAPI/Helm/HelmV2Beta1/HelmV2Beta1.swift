/// Types of `helm.toolkit.fluxcd.io/v2beta1`, an older version Flux 2.2's CRDs still serve. Types that are
/// the same as in the storage version are not repeated here; the storage version's are used.
public enum HelmV2Beta1 {
    public static let groupVersion = "\(FluxGroups.helm)/v2beta1"
}
