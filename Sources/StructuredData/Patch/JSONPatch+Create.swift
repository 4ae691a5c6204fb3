extension JSONPatch {
    /// A patch that turns `source` into `target`: objects are compared member by member (removed
    /// members become `remove`, new ones `add`), arrays of equal length element by element, arrays
    /// that changed length are replaced whole, and other differing values are replaced.
    /// Applying the result to `source` yields a value equal to `target` (`isEqualAsJSON`).
    public static func create(from source: JSONValue, to target: JSONValue) -> JSONPatch {
        var operations: [Operation] = []
        diff(source, target, at: JSONPointer(tokens: []), into: &operations)
        return JSONPatch(operations)
    }

    private static func diff(_ a: JSONValue, _ b: JSONValue, at path: JSONPointer, into ops: inout [Operation]) {
        if a.isEqualAsJSON(to: b) { return }
        switch (a, b) {
        case let (.object(x), .object(y)):
            for (key, _) in x where y[key] == nil {
                ops.append(.remove(path: path.appending(key)))
            }
            for (key, value) in y {
                if let old = x[key] {
                    diff(old, value, at: path.appending(key), into: &ops)
                } else {
                    ops.append(.add(path: path.appending(key), value: value))
                }
            }
        case let (.array(x), .array(y)) where x.count == y.count:
            for i in x.indices { diff(x[i], y[i], at: path.appending(String(i)), into: &ops) }
        default:
            ops.append(.replace(path: path, value: b))
        }
    }
}
