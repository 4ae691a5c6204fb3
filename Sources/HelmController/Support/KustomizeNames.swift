import Kustomize

// FluxAPI declares `Kustomize`, `Selector` and `Patch` too; this file imports only the Kustomize
// library so that these names are its own.

/// Kustomize's resource selector.
typealias KustomizeSelector = Selector
/// Kustomize's `images:` entry.
typealias KustomizeImageSpec = ImageSpec
