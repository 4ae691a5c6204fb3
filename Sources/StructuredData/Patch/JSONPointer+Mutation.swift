extension JSONValue {
    /// The value at `pointer`; throws `.invalidPointer` naming the pointer when it does not resolve.
    public func value(at pointer: JSONPointer) throws(StructuredDataError) -> JSONValue {
        guard let value = self[pointer: pointer] else {
            throw StructuredDataError(.invalidPointer, "JSON pointer \"\(pointer)\" does not refer to a value")
        }
        return value
    }

    /// Sets the value at `pointer`: an object member is created or replaced, an array element is
    /// replaced (`-` or the index equal to the count appends), the empty pointer replaces the whole
    /// value. The parent must exist; throws `.invalidPointer` otherwise.
    public mutating func set(_ value: JSONValue, at pointer: JSONPointer) throws(StructuredDataError) {
        if pointer.isRoot {
            self = value
            return
        }
        let found = try modifyParent(of: pointer) { (container: inout JSONValue, key: String) throws(StructuredDataError) in
            switch container {
            case .object(var o):
                o[key] = value
                container = .object(o)
            case .array(var a):
                if key == "-" {
                    a.append(value)
                } else if let i = JSONPointer.index(key), i <= a.count {
                    if i == a.count { a.append(value) } else { a[i] = value }
                } else {
                    throw StructuredDataError(.invalidPointer, "JSON pointer \"\(pointer)\": invalid array index \(key)")
                }
                container = .array(a)
            default: break
            }
        }
        if !found {
            throw StructuredDataError(.invalidPointer, "JSON pointer \"\(pointer)\": parent does not exist or is not a container")
        }
    }

    /// Removes and returns the value at `pointer` (the empty pointer leaves `null`); throws
    /// `.invalidPointer` when nothing is there.
    @discardableResult
    public mutating func remove(at pointer: JSONPointer) throws(StructuredDataError) -> JSONValue {
        guard self[pointer: pointer] != nil else {
            throw StructuredDataError(.invalidPointer, "JSON pointer \"\(pointer)\" does not refer to a value")
        }
        do {
            return try JSONPatch.remove(at: pointer, in: &self, op: "remove")
        } catch {
            throw StructuredDataError(.invalidPointer, error.message)
        }
    }
}
