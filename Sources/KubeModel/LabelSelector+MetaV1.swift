import StructuredData

extension LabelSelector {
    /// Converts a `metav1.LabelSelector` object (`matchLabels`, `matchExpressions`) as
    /// `metav1.LabelSelectorAsSelector` does: `null` selects nothing, `{}` selects everything,
    /// operators are `In`, `NotIn`, `Exists`, `DoesNotExist`.
    /// - Throws: `KubeModelError.invalidLabelSelector` with the upstream message, e.g.
    ///   `"Foo" is not a valid label selector operator` or `key: Invalid value: "-x": …`.
    public init(labelSelector json: JSONValue) throws(KubeModelError) {
        if json.isNull {
            self = .nothing
            return
        }
        guard json.objectValue != nil else {
            throw .invalidLabelSelector("label selector must be an object, got \(json.typeName)")
        }
        var requirements: [Requirement] = []
        let matchLabels = json["matchLabels"]?.objectValue ?? [:]
        for (key, value) in matchLabels {
            guard let string = value.stringValue else {
                throw .invalidLabelSelector("matchLabels[\(key)] must be a string, got \(value.typeName)")
            }
            requirements.append(try Requirement(key: key, op: .equals, values: [string]))
        }
        for expression in json["matchExpressions"]?.arrayValue ?? [] {
            let key = expression["key"]?.stringValue ?? ""
            let opText = expression["operator"]?.stringValue ?? ""
            let op: Operator
            switch opText {
            case "In": op = .in
            case "NotIn": op = .notIn
            case "Exists": op = .exists
            case "DoesNotExist": op = .doesNotExist
            default: throw .invalidLabelSelector("\(goQuote(opText)) is not a valid label selector operator")
            }
            let values = (expression["values"]?.arrayValue ?? []).map { $0.stringValue ?? "" }
            requirements.append(try Requirement(key: key, op: op, values: values))
        }
        self.init(requirements: requirements)
    }

    /// The `metav1.LabelSelector` form of a selector made only of `=`/`==`, `in`, `notin`,
    /// exists and does-not-exist requirements (equality becomes `matchLabels`); `nil` when a
    /// requirement (`gt`, `lt`, `!=`) has no `metav1` equivalent.
    public var labelSelectorJSON: JSONValue? {
        var labels: JSONObject = [:]
        var expressions: [JSONValue] = []
        for r in requirements {
            switch r.op {
            case .equals, .doubleEquals:
                labels[r.key] = .string(r.values.first ?? "")
            case .in, .notIn, .exists, .doesNotExist:
                let name = [.in: "In", .notIn: "NotIn", .exists: "Exists", .doesNotExist: "DoesNotExist"][r.op] ?? ""
                var e: JSONObject = ["key": .string(r.key), "operator": .string(name)]
                if !r.values.isEmpty { e["values"] = .array(r.values.map { .string($0) }) }
                expressions.append(.object(e))
            case .notEquals, .greaterThan, .lessThan:
                return nil
            }
        }
        var o: JSONObject = [:]
        if !labels.isEmpty { o["matchLabels"] = .object(labels) }
        if !expressions.isEmpty { o["matchExpressions"] = .array(expressions) }
        return .object(o)
    }
}
