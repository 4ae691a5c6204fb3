import KubeModel

extension ResourceManager {
    /// The stage of an object in kustomize-controller's apply: CRDs and Namespaces, then kinds
    /// ending in `Class`, then everything else.
    public enum ApplyStage: Int, Sendable, Comparable {
        case definitions = 1
        case classes = 2
        case resources = 3

        public init(of object: KubeObject) {
            if object.isClusterDefinition { self = .definitions }
            else if object.kind.hasSuffix("Class") { self = .classes }
            else { self = .resources }
        }

        public static func < (a: ApplyStage, b: ApplyStage) -> Bool { a.rawValue < b.rawValue }
    }

    /// Applies objects in kustomize-controller v1.2's three stages: CRDs and Namespaces, then
    /// `*Class` kinds — each applied with `applyAll` and waited for (Current, `waitInterval`,
    /// `waitTimeout`) when the stage is not empty — then the rest in `ReconcileOrder`.
    ///
    /// - Returns: the entries of all stages, in stage order.
    /// - Throws: the first stage error. A failure in the last stage is followed by a newline and
    ///   the change lines of the earlier stages (`"%w\n%s"`), as kustomize-controller reports it.
    public func applyAllStaged(_ objects: [KubeObject], options: ApplyOptions = ApplyOptions()) async throws(FluxSSAError) -> ChangeSet {
        var result = ChangeSet()
        var changeLog = ""
        let wait = WaitOptions(interval: options.waitInterval, timeout: options.waitTimeout, failFast: false)
        for stage in [ApplyStage.definitions, .classes] {
            let batch = objects.filter { ApplyStage(of: $0) == stage }
            guard !batch.isEmpty else { continue }
            let changes = try await applyAll(batch, options: options)
            guard !changes.entries.isEmpty else { continue }
            result.append(changes)
            for line in changes.changedLines { changeLog += line + "\n" }
            try await waitForSet(changes.objMetadataSet, options: wait)
        }
        let rest = objects.filter { ApplyStage(of: $0) == .resources }
        if !rest.isEmpty {
            do {
                result.append(try await applyAll(rest, options: options))
            } catch {
                throw FluxSSAError(error.kind, "\(error.message)\n\(changeLog)", cause: error.cause)
            }
        }
        return result
    }
}
