import OrderedCollections

extension _JSONValueDecoder {
    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: JSONObject
        let decoder: _JSONValueDecoder
        let accessed = _AccessedKeys()

        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool {
            accessed.keys.insert(key.stringValue)
            return object[key.stringValue] != nil
        }

        private func path(_ key: Key) -> [any CodingKey] { decoder.codingPath + [key] }

        private func present(_ key: Key) -> JSONValue? {
            accessed.keys.insert(key.stringValue)
            guard let v = object[key.stringValue], !v.isNull else { return nil }
            return v
        }

        func decodeNil(forKey key: Key) throws -> Bool { present(key) == nil }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            if type == UnknownFields.self { return unknownFields() as! T }
            guard let v = present(key) else { throw CodingFailure(path(key), "required field is missing") }
            return try decoder.decode(type, v, path(key))
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            if type == UnknownFields.self { return (unknownFields() as! T) }
            guard let v = present(key) else { return nil }
            return try decoder.decode(type, v, path(key))
        }

        /// The members not read so far (see `UnknownFields`).
        private func unknownFields() -> UnknownFields {
            var rest: JSONObject = [:]
            for (k, v) in object where !accessed.keys.contains(k) { rest[k] = v }
            return UnknownFields(rest)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            let v = present(key) ?? .null
            return try _JSONValueDecoder(value: v, codingPath: path(key)).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            let v = present(key) ?? .null
            return try _JSONValueDecoder(value: v, codingPath: path(key)).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { decoder }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            _JSONValueDecoder(value: present(key) ?? .null, codingPath: path(key))
        }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let array: [JSONValue]
        let decoder: _JSONValueDecoder
        var currentIndex = 0

        init(array: [JSONValue], decoder: _JSONValueDecoder) {
            self.array = array
            self.decoder = decoder
        }

        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { array.count }
        var isAtEnd: Bool { currentIndex >= array.count }

        private var path: [any CodingKey] { decoder.codingPath + [AnyCodingKey(index: currentIndex)] }

        private mutating func next() throws -> JSONValue {
            guard !isAtEnd else { throw CodingFailure(path, "unexpected end of array") }
            defer { currentIndex += 1 }
            return array[currentIndex]
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, array[currentIndex].isNull else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let p = path
            return try decoder.decode(type, try next(), p)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let p = path
            return try _JSONValueDecoder(value: try next(), codingPath: p).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let p = path
            return try _JSONValueDecoder(value: try next(), codingPath: p).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let p = path
            return _JSONValueDecoder(value: try next(), codingPath: p)
        }
    }

    struct SingleValue: SingleValueDecodingContainer {
        let decoder: _JSONValueDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }

        func decodeNil() -> Bool { decoder.value.isNull }
        func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(decoder.value, codingPath) }
        func decode(_ type: String.Type) throws -> String { try decoder.string(decoder.value, codingPath) }
        func decode(_ type: Double.Type) throws -> Double { try decoder.double(decoder.value, codingPath) }
        func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double(decoder.value, codingPath)) }
        func decode(_ type: Int.Type) throws -> Int { try decoder.integer(decoder.value, codingPath) }
        func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(decoder.value, codingPath) }
        func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(decoder.value, codingPath) }
        func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(decoder.value, codingPath) }
        func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(decoder.value, codingPath) }
        func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(decoder.value, codingPath) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(decoder.value, codingPath) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(decoder.value, codingPath) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(decoder.value, codingPath) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(decoder.value, codingPath) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type, decoder.value, codingPath) }
    }
}
