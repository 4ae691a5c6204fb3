import StructuredData

extension KubeAPI {
    /// Writes the conditions the namespace controller reports while a namespace is terminating
    /// (`NamespaceContentRemaining`, `NamespaceFinalizersRemaining`, …), only when they changed.
    /// Returns true when it wrote.
    func reportNamespaceContent(_ type: ResourceType, _ namespace: StoredObject,
                                _ contents: [(type: ResourceType, object: StoredObject)]) async throws -> Bool {
        var counts: [String: Int] = [:]
        var finalizers: [String: Int] = [:]
        for item in contents {
            counts["\(item.type.plural).\(item.type.group)", default: 0] += 1
            for f in item.object.value.finalizers { finalizers[f, default: 0] += 1 }
        }
        let remaining = counts.keys.sorted().map { "\($0) has \(counts[$0] ?? 0) resource instances" }.joined(separator: ", ")
        let held = finalizers.keys.sorted().map { "\($0) in \(finalizers[$0] ?? 0) resource instances" }.joined(separator: ", ")
        let wanted: [(String, String, String, String)] = [
            ("NamespaceDeletionDiscoveryFailure", "False", "ResourcesDiscovered", "All resources successfully discovered"),
            ("NamespaceDeletionGroupVersionParsingFailure", "False", "ParsedGroupVersions", "All legacy kube types successfully parsed"),
            ("NamespaceDeletionContentFailure", "False", "ContentDeleted", "All content successfully deleted, may be waiting on finalization"),
            ("NamespaceContentRemaining", "True", "SomeResourcesRemain", "Some resources are remaining: \(remaining)"),
            held.isEmpty
                ? ("NamespaceFinalizersRemaining", "False", "ContentHasNoFinalizers", "All content-preserving finalizers finished")
                : ("NamespaceFinalizersRemaining", "True", "SomeFinalizersRemain", "Some content in the namespace has finalizers remaining: \(held)"),
        ]
        let existing = namespace.value["status"]?["conditions"]?.arrayValue ?? []
        let same = existing.count == wanted.count && zip(existing, wanted).allSatisfy { have, want in
            have["type"]?.stringValue == want.0 && have["status"]?.stringValue == want.1
                && have["reason"]?.stringValue == want.2 && have["message"]?.stringValue == want.3
        }
        if same { return false }
        let now = JSONValue.string(Self.timestamp())
        var object = namespace.value
        object.set(["status", "conditions"], .array(wanted.map {
            ["type": .string($0.0), "status": .string($0.1), "lastTransitionTime": now, "reason": .string($0.2), "message": .string($0.3)]
        }))
        do {
            _ = try await write(type, current: namespace, proposed: object, subresource: "status",
                                precondition: .revision(namespace.revision), dryRun: false)
            return true
        } catch let error as APIServerError where error.code == 404 || error.code == 409 {
            return true
        }
    }
}
