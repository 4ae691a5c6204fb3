import Foundation
import KubeModel
import StructuredData

extension KubeAPI {
    /// Type-specific defaulting and validation, run identically on create, update, patch and
    /// dry-run. `old` is nil on create.
    func admit(_ object: inout JSONValue, type: ResourceType, old: JSONValue?, subresource: String? = nil) async throws {
        try BuiltinTypeCheck.check(object, type: type)
        let metadataErrors = MetadataValidation.errors(object)
        if !metadataErrors.isEmpty {
            throw APIServerError.invalid(kind: type.kind, group: type.group, name: object.metadataString("name"), errors: metadataErrors)
        }
        try await admitKind(&object, type: type, old: old)
        Defaulting.apply(&object, type: type, old: old)
        try await confirmNoEscalation(object, type: type, old: old)
        let context = FieldManagerContext.current
        if context.applying {
            object.set(["metadata", "managedFields"], context.appliedManagedFields)
        } else {
            ManagedFields.recordUpdate(&object, old: old, type: type, subresource: subresource,
                                       manager: context.manager, now: Self.timestamp())
        }
    }

    /// The per-kind part of admission (namespaces, secrets, CRDs, custom-resource schemas).
    func admitKind(_ object: inout JSONValue, type: ResourceType, old: JSONValue?) async throws {
        switch (type.group, type.plural) {
        case ("", "secrets"):
            Self.foldStringData(&object)
        case ("", "namespaces"):
            let name = object.metadataString("name")
            object.set(["metadata", "labels", "kubernetes.io/metadata.name"], .string(name))
            if old == nil {
                if object["spec"]?["finalizers"] == nil { object.set(["spec", "finalizers"], ["kubernetes"]) }
                object.set(["status"], ["phase": "Active"])
            }
        case (CRDSupport.resource.group, CRDSupport.resource.resource):
            try CRDSupport.validate(object, old: old)
            CRDSupport.establish(&object)
        default:
            if !type.isCustom { BuiltinDefaults.apply(&object, type: type) }
            if type.isCustom, let schema = type.schema {
                var errors: [FieldError] = []
                object = CustomResourceSchema.process(object, schema: schema, errors: &errors)
                if !errors.isEmpty {
                    throw APIServerError.invalid(kind: type.kind, group: type.group, name: object.metadataString("name"), errors: errors)
                }
            }
        }
    }

    /// Secret `stringData` merged into `data` (base64), then removed; `type` defaults to Opaque.
    static func foldStringData(_ object: inout JSONValue) {
        if let stringData = object["stringData"]?.objectValue {
            for (key, value) in stringData {
                let text = value.stringValue ?? value.serialized()
                object.set(["data", key], .string(Data(text.utf8).base64EncodedString()))
            }
            object.set(["stringData"], nil)
        }
        if object["type"] == nil { object.set(["type"], "Opaque") }
    }

    /// Bookkeeping after a stored write: CRDs (re)serve their kinds; deletions in progress wake the
    /// garbage collector.
    func afterWrite(_ type: ResourceType, _ object: JSONValue) async {
        await RequestContext.$current.withValue(nil) { await afterWriteTasks(type, object) }
    }

    private func afterWriteTasks(_ type: ResourceType, _ object: JSONValue) async {
        if type.resource == CRDSupport.resource, object["metadata"]?["deletionTimestamp"] == nil,
           let types = try? CRDSupport.servedTypes(object) {
            registry.register(crd: object.metadataString("name"), types: types)
        }
        if type.resource == Self.clusterRoleType?.resource { await aggregateClusterRoles() }
        if type.resource == Self.namespaceType.resource { await ensureDefaultServiceAccount(object) }
        // Background work must not inherit the requesting field manager (task-locals flow into tasks).
        await FieldManagerContext.$current.withValue(FieldManagerContext(manager: nil)) {
            if object["metadata"]?["deletionTimestamp"] != nil { await collector.schedule(self) }
            simulator.observe(self, type, object)
        }
    }

    /// Bookkeeping after an object left the store: its dependents are collected in the background.
    func objectRemoved(_ type: ResourceType, _ object: JSONValue) async {
        await RequestContext.$current.withValue(nil) { await objectRemovedTasks(type, object) }
    }

    private func objectRemovedTasks(_ type: ResourceType, _ object: JSONValue) async {
        if type.resource == CRDSupport.resource { registry.unregister(crd: object.metadataString("name")) }
        if type.resource == Self.clusterRoleType?.resource { await aggregateClusterRoles() }
        await FieldManagerContext.$current.withValue(FieldManagerContext(manager: nil)) {
            await collector.schedule(self)
        }
    }
}
