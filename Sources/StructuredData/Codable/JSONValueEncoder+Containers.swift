import OrderedCollections

extension _JSONValueEncoder {
    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: _ObjectBox
        let codingPath: [any CodingKey]

        func encodeNil(forKey key: Key) throws { box.set(key.stringValue, .value(.null)) }

        func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if let unknown = value as? UnknownFields {
                for (k, v) in unknown.members where box.index[k] == nil { box.set(k, .value(v)) }
                return
            }
            box.set(key.stringValue, try _JSONValueEncoder.node(value, codingPath + [key]))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let child = _ObjectBox()
            box.set(key.stringValue, .object(child))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
        }

        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = _ArrayBox()
            box.set(key.stringValue, .array(child))
            return UnkeyedContainer(box: child, codingPath: codingPath + [key])
        }

        func superEncoder() -> any Encoder {
            let e = _JSONValueEncoder(codingPath: codingPath)
            e.storage = .object(box)
            return e
        }

        func superEncoder(forKey key: Key) -> any Encoder {
            let e = _JSONValueEncoder(codingPath: codingPath + [key])
            let child = _ObjectBox()
            e.storage = .object(child)
            box.set(key.stringValue, .object(child))
            return e
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: _ArrayBox
        let codingPath: [any CodingKey]
        var count: Int { box.items.count }

        private var nextPath: [any CodingKey] { codingPath + [AnyCodingKey(index: box.items.count)] }

        func encodeNil() throws { box.items.append(.value(.null)) }

        func encode<T: Encodable>(_ value: T) throws {
            box.items.append(try _JSONValueEncoder.node(value, nextPath))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = _ObjectBox()
            let path = nextPath
            box.items.append(.object(child))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, codingPath: path))
        }

        func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = _ArrayBox()
            let path = nextPath
            box.items.append(.array(child))
            return UnkeyedContainer(box: child, codingPath: path)
        }

        func superEncoder() -> any Encoder {
            let e = _JSONValueEncoder(codingPath: nextPath)
            let child = _ObjectBox()
            e.storage = .object(child)
            box.items.append(.object(child))
            return e
        }
    }

    struct SingleValue: SingleValueEncodingContainer {
        let encoder: _JSONValueEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        func encodeNil() throws { encoder.storage = .value(.null) }
        func encode(_ value: Bool) throws { encoder.storage = .value(.bool(value)) }
        func encode(_ value: String) throws { encoder.storage = .value(.string(value)) }
        func encode(_ value: Double) throws { encoder.storage = .value(try _JSONValueEncoder.double(value, codingPath)) }
        func encode(_ value: Float) throws { encoder.storage = .value(try _JSONValueEncoder.double(Double(value), codingPath)) }
        func encode(_ value: Int) throws { encoder.storage = .value(.int(Int64(value))) }
        func encode(_ value: Int8) throws { encoder.storage = .value(.int(Int64(value))) }
        func encode(_ value: Int16) throws { encoder.storage = .value(.int(Int64(value))) }
        func encode(_ value: Int32) throws { encoder.storage = .value(.int(Int64(value))) }
        func encode(_ value: Int64) throws { encoder.storage = .value(.int(value)) }
        func encode(_ value: UInt) throws { encoder.storage = .value(try Self.unsigned(UInt64(value), codingPath)) }
        func encode(_ value: UInt8) throws { encoder.storage = .value(.int(Int64(value))) }
        func encode(_ value: UInt16) throws { encoder.storage = .value(.int(Int64(value))) }
        func encode(_ value: UInt32) throws { encoder.storage = .value(.int(Int64(value))) }
        func encode(_ value: UInt64) throws { encoder.storage = .value(try Self.unsigned(value, codingPath)) }
        func encode<T: Encodable>(_ value: T) throws { encoder.storage = try _JSONValueEncoder.node(value, codingPath) }

        static func unsigned(_ v: UInt64, _ path: [any CodingKey]) throws -> JSONValue {
            guard let i = Int64(exactly: v) else { throw CodingFailure(path, "integer \(v) does not fit a JSON integer") }
            return .int(i)
        }
    }
}
