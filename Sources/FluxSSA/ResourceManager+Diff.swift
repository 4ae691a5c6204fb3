import KubeClient
import KubeModel
import StructuredData

/// Options of drift diffs (`ssa/jsondiff` resource and list options).
public struct DiffOptions: Sendable, Equatable {
    /// The dry-run field manager; `nil` uses the owner's.
    public var fieldManager: String?
    /// Desired objects with a matching label/annotation are `exclude`d.
    public var exclusionSelector: [String: String]
    /// Paths ignored per matching object.
    public var ignoreRules: [IgnoreRule]
    /// Collapse many small operations into one `replace` when shorter (jsondiff `Rationalize`).
    public var rationalize: Bool
    /// `diffAll` continues past per-object errors and reports them together.
    public var graceful: Bool

    public init(fieldManager: String? = nil, exclusionSelector: [String: String] = [:], ignoreRules: [IgnoreRule] = [],
                rationalize: Bool = false, graceful: Bool = false) {
        self.fieldManager = fieldManager
        self.exclusionSelector = exclusionSelector
        self.ignoreRules = ignoreRules
        self.rationalize = rationalize
        self.graceful = graceful
    }

    /// helm-controller v0.37's drift detection: field manager `helm-controller`, excluding
    /// `helm.toolkit.fluxcd.io/driftDetection: disabled`, rationalized, graceful.
    public static func helmController(ignore: [IgnoreRule] = [], fieldManager: String = "helm-controller") -> DiffOptions {
        DiffOptions(fieldManager: fieldManager, exclusionSelector: [FluxMetadata.driftDetectionKey: FluxMetadata.disabled],
                    ignoreRules: ignore, rationalize: true, graceful: true)
    }
}

/// The diffs of a set of objects, with the per-object errors of a graceful run.
public struct DiffSetResult: Sendable, Equatable {
    public var diffs: [Diff]
    public var errors: [FluxSSAError]
    /// The errors as one (`utilerrors.NewAggregate`), `nil` when there are none.
    public var error: FluxSSAError? { FluxSSAError.aggregate(errors) }
}

extension ResourceManager {
    /// Drift of one object (`ssa/jsondiff.Unstructured`): server-side dry-run apply with forced
    /// ownership, compared with the live object after removing `ignorePaths` from both.
    /// - Returns: `exclude` (selector match or an ignore path `""`), `create` (dry-run has no
    ///   resource version), `none`, or `update` with the patch.
    /// - Throws: the read error, `… dry-run failed …`, or `.selector` for a malformed ignore path.
    public func diff(_ object: KubeObject, ignorePaths: [String] = [], options: DiffOptions = DiffOptions()) async throws(FluxSSAError) -> Diff {
        if object.anyInMetadata(options.exclusionSelector) || ignorePaths.contains("") {
            return Diff(type: .exclude, desired: object)
        }
        let live: KubeObject?
        do { live = try await liveObject(object) } catch {
            throw FluxSSAError(.query, error.description, cause: error)
        }
        var dryRun: KubeObject
        do { dryRun = try await serverSideApply(object, dryRun: true, fieldManager: options.fieldManager) } catch {
            throw FluxSSAError.dryRun(ObjMetadata(object), error)
        }
        if dryRun.resourceVersion.isEmpty { return Diff(type: .create, desired: object) }
        Normalize.dryRunResult(&dryRun)
        var filtered = live ?? KubeObject(.object([:]))
        for path in ignorePaths {
            let pointer: JSONPointer
            do { pointer = try JSONPointer(path) } catch {
                throw FluxSSAError(.selector, "invalid ignore path \"\(path)\": \(error.message)")
            }
            Self.removeAllowingMissing(pointer, from: &dryRun.raw)
            Self.removeAllowingMissing(pointer, from: &filtered.raw)
        }
        let patch = Self.driftPatch(live: filtered, dryRun: dryRun, rationalize: options.rationalize)
        return Diff(type: patch.isEmpty ? .none : .update, desired: object, cluster: live, patch: patch)
    }

    /// The drift patch: label/annotation `add`/`replace` operations (removals are ignored, since
    /// other actors add labels), then the changes outside `metadata` and `status`.
    public static func driftPatch(live: KubeObject, dryRun: KubeObject, rationalize: Bool) -> [JSONDiffOperation] {
        func labelsAndAnnotations(_ o: KubeObject) -> JSONValue {
            var meta: JSONObject = [:]
            if let a = o.raw[path: ["metadata", "annotations"]] { meta["annotations"] = a }
            if let l = o.raw[path: ["metadata", "labels"]] { meta["labels"] = l }
            return meta.isEmpty ? .object([:]) : .object(["metadata": .object(meta)])
        }
        func body(_ o: KubeObject) -> JSONValue {
            var copy = o.raw
            copy["metadata"] = nil
            copy["status"] = nil
            return copy
        }
        let meta = JSONDiff.compare(labelsAndAnnotations(live), labelsAndAnnotations(dryRun), rationalize: rationalize)
            .filter { $0.type == .add || $0.type == .replace }
        return meta + JSONDiff.compare(body(live), body(dryRun), rationalize: rationalize)
    }

    /// Removes the value at `pointer` if present; `-N` array indexes count from the end (json-patch
    /// `SupportNegativeIndices` + `AllowMissingPathOnRemove`).
    static func removeAllowingMissing(_ pointer: JSONPointer, from value: inout JSONValue) {
        guard !pointer.isRoot else { return }
        var tokens = pointer.tokens
        var current = value
        for i in tokens.indices {
            if case .array(let items) = current, let n = Int(tokens[i]), n < 0 {
                guard items.count + n >= 0 else { return }
                tokens[i] = String(items.count + n)
            }
            guard let next = current[pointer: JSONPointer(tokens: [tokens[i]])] else { return }
            current = next
        }
        _ = try? value.remove(at: JSONPointer(tokens: tokens))
    }

    /// Drift of a set of objects (`ssa/jsondiff.UnstructuredList`): each object gets the paths of
    /// every ignore rule whose target matches it.
    /// - Throws: `.selector` `failed to create ignore rule selector: …`; without `graceful`, the
    ///   first object error.
    public func diffAll(_ objects: [KubeObject], options: DiffOptions = DiffOptions()) async throws(FluxSSAError) -> DiffSetResult {
        var rules: [(CompiledSelector?, [String])] = []
        for rule in options.ignoreRules {
            do { rules.append((try rule.target?.compiled(), rule.paths)) } catch {
                throw FluxSSAError(.selector, "failed to create ignore rule selector: \(error.message)")
            }
        }
        var result = DiffSetResult(diffs: [], errors: [])
        for object in objects {
            let paths = rules.filter { $0.0?.matches(object) ?? true }.flatMap(\.1)
            do {
                result.diffs.append(try await diff(object, ignorePaths: paths, options: options))
            } catch {
                guard options.graceful else { throw error }
                result.errors.append(error)
            }
        }
        return result
    }
}
