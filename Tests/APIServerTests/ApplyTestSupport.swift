import StructuredData
@testable import APIServerCore

extension KubeAPI {
    /// A server-side apply PATCH with a YAML or JSON body.
    func apply(_ path: String, _ body: String, manager: String, force: Bool = false,
               dryRun: Bool = false) async -> (code: Int, body: JSONValue) {
        var query = ["fieldManager": manager]
        if force { query["force"] = "true" }
        if dryRun { query["dryRun"] = "All" }
        let response = await handle(APIRequest(method: "PATCH", path: path, query: query,
                                               contentType: "application/apply-patch+yaml", body: Array(body.utf8)))
        guard case .json(let code, let value) = response else { return (response.code, .null) }
        return (code, value)
    }
}

extension JSONValue {
    /// The managers of `metadata.managedFields` as `manager/operation` strings.
    var managers: [String] {
        self["metadata"]?["managedFields"]?.arrayValue?.map {
            "\($0["manager"]?.stringValue ?? "")/\($0["operation"]?.stringValue ?? "")"
        } ?? []
    }

    /// The fieldsV1 of one manager's entry, compact.
    func fieldsV1(of manager: String, operation: String = "Apply") -> String? {
        self["metadata"]?["managedFields"]?.arrayValue?.first {
            $0["manager"]?.stringValue == manager && $0["operation"]?.stringValue == operation
        }?["fieldsV1"]?.serialized(JSONWriteOptions(escapeHTML: false))
    }
}
