import Foundation
import KubeClient
import KubeModel
import StructuredData

extension ResourceManager {
    /// Corrects drift as helm-controller v0.37's `action.ApplyDiff` does: creates every `create`
    /// diff's desired object, then JSON-patches every `update` diff with its patch, both in apply
    /// order, as `fieldManager` (default: the owner's). No server-side apply, no Helm upgrade.
    /// - Returns: the `created` / `configured` entries, and the failures aggregated
    ///   (`<subject> creation failure: …`, `<subject> patch failure: …`; for Secrets an Invalid
    ///   error keeps only the text after its last `:` so no value leaks).
    public func applyDiff(_ diffs: [Diff], fieldManager: String? = nil) async -> (ChangeSet, FluxSSAError?) {
        let manager = fieldManager ?? owner.field
        var changes = ChangeSet()
        var errors: [FluxSSAError] = []
        for diff in diffs.filter({ $0.type == .create }).sortedForApply {
            do {
                _ = try await locate(diff.desired)
                _ = try await client.create(diff.desired, options: WriteOptions(fieldManager: manager))
                changes.add(ChangeSetEntry(diff.desired, .created))
            } catch {
                errors.append(FluxSSAError(.driftCorrection, "\(diff.subject) creation failure: \(error)", cause: error))
            }
        }
        for diff in diffs.filter({ $0.type == .update }).sortedForApply {
            do {
                let (r, ns) = try await locate(diff.desired)
                _ = try await client.patch(r, namespace: ns, name: diff.desired.name, type: .json, body: diff.patch.json,
                                           options: WriteOptions(fieldManager: manager))
                changes.add(ChangeSetEntry(diff.desired, .configured))
            } catch {
                var text = error.description
                if diff.desired.gvk.kind == "Secret", error.isInvalid, let colon = text.lastIndex(of: ":") {
                    text = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                }
                errors.append(FluxSSAError(.driftCorrection, "\(diff.subject) patch failure: \(text)", cause: error))
            }
        }
        return (changes, FluxSSAError.aggregate(errors))
    }
}
