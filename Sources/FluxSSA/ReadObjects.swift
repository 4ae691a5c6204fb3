import KubeModel
import StructuredData

extension KubeObject {
    /// `ssa.ReadObjects`: the Kubernetes objects of a multi-document YAML or JSON stream. `List`
    /// documents are flattened; documents without a name, or that are Kustomize build files, are
    /// dropped; empty documents are skipped.
    /// - Throws: `.invalidObject` for invalid YAML, a document that is not an object, or an object
    ///   without `kind` (apimachinery's `Object 'Kind' is missing in '…'`).
    public static func readObjects(_ text: String) throws(FluxSSAError) -> [KubeObject] {
        let documents: [JSONValue]
        do { documents = try YAML.parseDocuments(text) } catch {
            throw FluxSSAError(.invalidObject, error.message)
        }
        var objects: [KubeObject] = []
        for document in documents {
            if document.isNull { continue }
            guard case .object = document else {
                throw FluxSSAError(.invalidObject, "error unmarshaling JSON: json: cannot unmarshal \(document.typeName) into Go value of type map[string]interface {}")
            }
            guard let kind = document["kind"]?.stringValue, !kind.isEmpty else {
                throw FluxSSAError(.invalidObject, "Object 'Kind' is missing in '\(document.serialized(.goMap))'")
            }
            if case .array(let items)? = document["items"] {
                for item in items where item.objectValue != nil {
                    let o = KubeObject(item)
                    if o.isKubernetesObject && !o.isKustomization { objects.append(o) }
                }
                continue
            }
            let o = KubeObject(document)
            if o.isKubernetesObject && !o.isKustomization { objects.append(o) }
        }
        return objects
    }
}
