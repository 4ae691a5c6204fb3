import FluxAPI
import StructuredData

extension FluxCRD {
    /// The controller-gen version Flux 2.2's CRDs were generated with (their only annotation).
    public static let controllerGenVersion = "v0.12.0"

    /// The `apiextensions.k8s.io/v1 CustomResourceDefinition`, as in the controller's
    /// `config/crd/bases` (members in alphabetical order, like controller-gen's YAML).
    ///
    /// - Parameter labels: metadata labels to add (`flux install` adds the `app.kubernetes.io/*` ones).
    /// - Throws: `FluxCRDError` when a version's schema cannot be reflected.
    public func manifest(labels: [String: String] = [:]) throws(FluxCRDError) -> JSONValue {
        var metadata: JSONObject = [
            "annotations": ["controller-gen.kubebuilder.io/version": .string(Self.controllerGenVersion)],
        ]
        if !labels.isEmpty {
            var l: JSONObject = [:]
            for key in labels.keys.sorted() { l[key] = labels[key].map { .string($0) } }
            metadata["labels"] = .object(l)
        }
        metadata["name"] = .string(name)

        var names: JSONObject = [:]
        if !categories.isEmpty { names["categories"] = .array(categories.map { .string($0) }) }
        names["kind"] = .string(kind)
        names["listKind"] = .string(listKind)
        names["plural"] = .string(plural)
        if !shortNames.isEmpty { names["shortNames"] = .array(shortNames.map { .string($0) }) }
        names["singular"] = .string(singular)

        var versionList: [JSONValue] = []
        for version in versions { versionList.append(try version.manifest()) }
        return [
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": .object(metadata),
            "spec": [
                "group": .string(group),
                "names": .object(names),
                "scope": "Namespaced",
                "versions": .array(versionList),
            ],
        ]
    }
}

extension CRDVersion {
    /// One entry of `spec.versions`.
    public func manifest() throws(FluxCRDError) -> JSONValue {
        var o: JSONObject = [:]
        if !columns.isEmpty { o["additionalPrinterColumns"] = .array(columns.map(\.json)) }
        if deprecated { o["deprecated"] = true }
        if let deprecationWarning { o["deprecationWarning"] = .string(deprecationWarning) }
        o["name"] = .string(name)
        o["schema"] = ["openAPIV3Schema": try openAPIV3Schema().json]
        o["served"] = .bool(served)
        o["storage"] = .bool(storage)
        o["subresources"] = statusSubresource ? ["status": [:]] : [:]
        return .object(o)
    }
}
