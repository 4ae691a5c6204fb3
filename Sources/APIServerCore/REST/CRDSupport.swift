import KubeModel
import StructuredData

/// CustomResourceDefinition rules: validation, the served types, and the status the naming and
/// establishing controllers set.
enum CRDSupport {
    static let resource = QualifiedResource(group: "apiextensions.k8s.io", resource: "customresourcedefinitions")
    static let cleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io"

    /// 422 `Invalid` for the basic structural rules of apiextensions.k8s.io/v1.
    static func validate(_ crd: JSONValue, old: JSONValue?) throws {
        var causes: [FieldError] = []
        func fail(_ field: String, _ reason: String, _ message: String) {
            // `message` is "<Type text>: <rest>" or just the type text.
            let type = FieldError.ErrorType(rawValue: reason) ?? .invalid
            var rest = message.hasPrefix(type.text) ? String(message.dropFirst(type.text.count)) : message
            var rendered: String?
            if rest.hasPrefix(": ") { rest.removeFirst(2) }
            if type == .invalid || type == .notSupported || type == .duplicate, let colon = rest.range(of: ": ") {
                rendered = String(rest[..<colon.lowerBound])
                rest = String(rest[colon.upperBound...])
            } else if type == .duplicate {
                rendered = rest
                rest = ""
            }
            causes.append(FieldError(type: type, field: field, renderedValue: rendered, detail: rest))
        }
        let name = crd.metadataString("name")
        let group = crd["spec"]?["group"]?.stringValue ?? ""
        let names = crd["spec"]?["names"]
        let plural = names?["plural"]?.stringValue ?? ""
        let kind = names?["kind"]?.stringValue ?? ""
        if group.isEmpty { fail("spec.group", "FieldValueRequired", "Required value") }
        else if !group.contains(".") { fail("spec.group", "FieldValueInvalid", "Invalid value: \"\(group)\": should be a domain with at least one dot") }
        else if !NameValidation.subdomainErrors(group).isEmpty { fail("spec.group", "FieldValueInvalid", "Invalid value: \"\(group)\": \(NameValidation.subdomainMessage)") }
        if plural.isEmpty { fail("spec.names.plural", "FieldValueRequired", "Required value") }
        else if !NameValidation.labelErrors(plural).isEmpty { fail("spec.names.plural", "FieldValueInvalid", "Invalid value: \"\(plural)\": \(NameValidation.labelMessage)") }
        if kind.isEmpty { fail("spec.names.kind", "FieldValueRequired", "Required value") }
        if !plural.isEmpty && !group.isEmpty && name != "\(plural).\(group)" {
            fail("metadata.name", "FieldValueInvalid", "Invalid value: \"\(name)\": must be spec.names.plural+\".\"+spec.group")
        }
        let scope = crd["spec"]?["scope"]?.stringValue ?? ""
        if scope != "Namespaced" && scope != "Cluster" {
            fail("spec.scope", "FieldValueNotSupported", "Unsupported value: \"\(scope)\": supported values: \"Cluster\", \"Namespaced\"")
        }
        if let old, let oldScope = old["spec"]?["scope"]?.stringValue, oldScope != scope {
            fail("spec.scope", "FieldValueInvalid", "Invalid value: \"\(scope)\": field is immutable")
        }
        let versions = crd["spec"]?["versions"]?.arrayValue ?? []
        if versions.isEmpty { fail("spec.versions", "FieldValueInvalid", "Invalid value: \"null\": must have exactly one version marked as storage version") }
        let storage = versions.filter { $0["storage"]?.boolValue == true }.count
        if !versions.isEmpty && storage != 1 {
            fail("spec.versions", "FieldValueInvalid", "Invalid value: \(JSONValue.array(versions).serialized()): must have exactly one version marked as storage version")
        }
        var seen: Set<String> = []
        for (i, v) in versions.enumerated() {
            let vname = v["name"]?.stringValue ?? ""
            if vname.isEmpty { fail("spec.versions[\(i)].name", "FieldValueRequired", "Required value") }
            else if !NameValidation.labelErrors(vname).isEmpty { fail("spec.versions[\(i)].name", "FieldValueInvalid", "Invalid value: \"\(vname)\": \(NameValidation.labelMessage)") }
            if !seen.insert(vname).inserted { fail("spec.versions[\(i)].name", "FieldValueDuplicate", "Duplicate value: \"\(vname)\"") }
            if v["schema"]?["openAPIV3Schema"] == nil {
                fail("spec.versions[\(i)].schema.openAPIV3Schema", "FieldValueRequired", "Required value: schemas are required")
            }
        }
        if !causes.isEmpty {
            throw APIServerError.invalid(kind: "CustomResourceDefinition", group: "apiextensions.k8s.io", name: name, errors: causes)
        }
    }

    /// The types a (valid) CRD serves: one per served version.
    static func servedTypes(_ crd: JSONValue) throws -> [ResourceType] {
        guard let spec = crd["spec"], let group = spec["group"]?.stringValue, let names = spec["names"],
              let plural = names["plural"]?.stringValue, let kind = names["kind"]?.stringValue else {
            throw APIServerError.badRequest("incomplete CustomResourceDefinition")
        }
        let namespaced = spec["scope"]?.stringValue != "Cluster"
        return (spec["versions"]?.arrayValue ?? []).compactMap { v -> ResourceType? in
            guard v["served"]?.boolValue != false, let version = v["name"]?.stringValue else { return nil }
            var type = ResourceType(
                group: group, version: version, kind: kind, plural: plural,
                singular: names["singular"]?.stringValue ?? kind.lowercased(),
                shortNames: names["shortNames"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                categories: names["categories"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                namespaced: namespaced, hasStatus: v["subresources"]?["status"] != nil,
                hasScale: v["subresources"]?["scale"] != nil, isCustom: true,
                schema: v["schema"]?["openAPIV3Schema"])
            if let scale = v["subresources"]?["scale"] {
                func path(_ key: String) -> String? {
                    scale[key]?.stringValue.map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }
                }
                type.scalePaths = (path("specReplicasPath") ?? "spec.replicas", path("statusReplicasPath") ?? "status.replicas",
                                   path("labelSelectorPath"))
            }
            type.printerColumns = v["additionalPrinterColumns"]
            return type
        }
    }

    /// Sets `acceptedNames`, `storedVersions` and the NamesAccepted/Established conditions.
    static func establish(_ crd: inout JSONValue) {
        var names = crd["spec"]?["names"] ?? .object([:])
        let kind = names["kind"]?.stringValue ?? ""
        if names["singular"] == nil { names.set(["singular"], .string(kind.lowercased())) }
        if names["listKind"] == nil { names.set(["listKind"], .string(kind + "List")) }
        crd.set(["spec", "names"], names)
        crd.set(["status", "acceptedNames"], names)
        let storage = crd["spec"]?["versions"]?.arrayValue?.first { $0["storage"]?.boolValue == true }?["name"] ?? .null
        var stored = crd["status"]?["storedVersions"]?.arrayValue ?? []
        if !stored.contains(storage) { stored.append(storage) }
        crd.set(["status", "storedVersions"], .array(stored))
        let now = JSONValue.string(KubeAPI.timestamp())
        var conditions = crd["status"]?["conditions"]?.arrayValue ?? []
        for (type, reason, message) in [("NamesAccepted", "NoConflicts", "no conflicts found"),
                                        ("Established", "InitialNamesAccepted", "the initial names have been accepted")]
        where !conditions.contains(where: { $0["type"]?.stringValue == type }) {
            conditions.append(["type": .string(type), "status": "True", "lastTransitionTime": now,
                               "reason": .string(reason), "message": .string(message)])
        }
        crd.set(["status", "conditions"], .array(conditions))
    }

    /// Adds the `Terminating=True` condition of a CRD being deleted.
    static func markTerminating(_ crd: inout JSONValue) {
        var conditions = crd["status"]?["conditions"]?.arrayValue ?? []
        conditions.removeAll { $0["type"]?.stringValue == "Terminating" }
        conditions.append(["type": "Terminating", "status": "True", "lastTransitionTime": .string(KubeAPI.timestamp()),
                           "reason": "InstanceDeletionInProgress", "message": "CustomResource deletion is in progress"])
        crd.set(["status", "conditions"], .array(conditions))
    }
}
