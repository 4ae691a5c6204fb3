import GoTemplate
import OrderedCollections

/// Go's `exec_test.go` fixture `tVal` (type `*template.T`) as host objects, so that the
/// conformance table can run its rows on fields, methods, pointers and function values.
enum TVal {
    static let tType = GoType.structure("template.T")
    static let uType = GoType.structure("template.U")
    static let vType = GoType.structure("template.V")
    static let wType = GoType.structure("template.W")
    static let iType = GoType(name: "template.I", kind: .interface, isNamed: true, interfaceMethods: ["Method0"])

    static func ints(_ v: [Int], type: GoType = .sliceOfInt) -> GoValue {
        .list(GoList(type: type, items: v.map { .of($0) }))
    }

    static func msi(_ pairs: [(String, Int)], type: GoType = .map(key: .string, elem: .int)) -> GoValue {
        .map(GoMap(type: type, entries: OrderedDictionary(uniqueKeysWithValues: pairs.map { ($0.0, GoValue.of($0.1)) })))
    }

    static func strMap(_ key: GoType, _ pairs: [(String, String)]) -> GoValue {
        .map(GoMap(type: .map(key: key, elem: .string), entries: OrderedDictionary(uniqueKeysWithValues: pairs.map { ($0.0, GoValue.string($0.1)) })))
    }

    static func fn(_ name: String, _ params: [GoType], variadic: GoType? = nil, result: GoType? = .string,
                   _ body: @escaping @Sendable ([GoValue]) throws -> GoValue) -> GoValue {
        .function(GoFunction(name, parameters: params, variadic: variadic, result: result) { a, _ in try body(a) })
    }

    static func str(_ v: GoValue) -> String { if case .string(let s) = v { return s }; return "" }

    static let fields: OrderedDictionary<String, GoValue> = [
        "True": .bool(true),
        "I": .of(17),
        "U16": .uint(16, .uint16),
        "X": .string("x"),
        "S": .string("xyz"),
        "FloatZero": .float(0, .float64),
        "ComplexZero": .complex(0, 0, .complex128),
        "U": .object(UObject(v: "v")),
        "V0": .object(VObject(j: 6666, pointer: false, isNil: false)),
        "V1": .object(VObject(j: 7777, pointer: true, isNil: false)),
        "V2": .object(VObject(j: 0, pointer: true, isNil: true)),
        "W0": .object(WObject(k: 888, pointer: false, isNil: false)),
        "W1": .object(WObject(k: 999, pointer: true, isNil: false)),
        "W2": .object(WObject(k: 0, pointer: true, isNil: true)),
        "SI": ints([3, 4, 5]),
        "SICap": .list(GoList(type: .sliceOfInt, items: Array(repeating: .of(0), count: 5), extraCapacity: 5)),
        "SIEmpty": ints([]),
        "SB": .list(GoList(type: .slice(of: .bool), items: [.bool(true), .bool(false)])),
        "AI": ints([3, 4, 5], type: .array(of: .int, count: 3)),
        "MSI": msi([("one", 1), ("two", 2), ("three", 3)]),
        "MSIone": msi([("one", 1)]),
        "MSIEmpty": msi([]),
        "MXI": msi([("one", 1)], type: .map(key: .any, elem: .int)),
        "MII": msi([("1", 1)], type: .map(key: .int, elem: .int)),
        "MI32S": strMap(.int32, [("1", "one"), ("2", "two")]),
        "MI64S": strMap(.int64, [("2", "i642"), ("3", "i643")]),
        "MUI32S": strMap(.uint32, [("2", "u322"), ("3", "u323")]),
        "MUI64S": strMap(.uint64, [("2", "ui642"), ("3", "ui643")]),
        "MI8S": strMap(.int8, [("2", "i82"), ("3", "i83")]),
        "MUI8S": strMap(.uint8, [("2", "u82"), ("3", "u83")]),
        "SMSI": .list(GoList(type: .slice(of: .map(key: .string, elem: .int)),
                             items: [msi([("one", 1), ("two", 2)]), msi([("eleven", 11), ("twelve", 12)])])),
        "Empty0": .nilValue(.any),
        "Empty1": .of(3),
        "Empty2": .string("empty2"),
        "Empty3": ints([7, 8]),
        "Empty4": .object(UObject(v: "UinEmpty")),
        "NonEmptyInterface": .object(TObject(fields: ["X": .string("x")], isNil: false)),
        "NonEmptyInterfacePtS": .object(SObject()),
        "NonEmptyInterfaceNil": .nilValue(iType),
        "NonEmptyInterfaceTypedNil": .object(TObject(fields: [:], isNil: true)),
        "Str": .object(Stringish(type: .pointer(to: .structure("bytes.Buffer")), method: "String", text: "foozle")),
        "Err": .object(Stringish(type: .pointer(to: .structure("errors.errorString")), method: "Error", text: "erroozle")),
        "PI": .int(23, .pointer(to: .int)),
        "PS": .string("a string"),
        "PSI": ints([21, 22, 23], type: GoType(name: "*[]int", kind: .slice, elem: .int)),
        "NIL": .nilValue(.pointer(to: .int)),
        "BinaryFunc": fn("BinaryFunc", [.string, .string]) { a in .string("[\(str(a[0]))=\(str(a[1]))]") },
        "VariadicFunc": fn("VariadicFunc", [], variadic: .string) { a in .string("<" + a.map(str).joined(separator: "+") + ">") },
        "VariadicFuncInt": fn("VariadicFuncInt", [.int], variadic: .string) { a in
            .string(GoFmt.sprint([a[0], .string("=<" + a.dropFirst().map(str).joined(separator: "+") + ">")]))
        },
        "NilOKFunc": fn("NilOKFunc", [.pointer(to: .int)], result: .bool) { a in .bool(a[0].isNil) },
        "ErrFunc": fn("ErrFunc", []) { _ in .string("bla") },
    ]

    static let fieldOrder: [String] = Array(fields.keys) + ["unexported"]

    static var value: GoValue { .object(TObject(fields: fields, isNil: false)) }
    static var zero: GoValue { .object(TObject(fields: [:], isNil: false, zeroValue: true)) }
}

/// `*template.T`.
struct TObject: GoObject {
    let fields: OrderedDictionary<String, GoValue>
    let isNil: Bool
    var zeroValue = false
    var goType: GoType { .pointer(to: TVal.tType) }
    var fieldNames: [String] { TVal.fieldOrder }
    func field(_ name: String) -> GoValue? {
        guard name != "unexported", TVal.fields[name] != nil else { return nil }
        if let v = fields[name] { return v }
        if name == "PS" { return .nilValue(.pointer(to: .string)) }
        return .invalid
    }
    func method(_ name: String) -> GoFunction? {
        let me = self
        switch name {
        case "Method0": return GoFunction(name, parameters: [], result: .string) { _, _ in .string("M0") }
        case "Method1": return GoFunction(name, parameters: [.int], result: .int) { a, _ in a[0] }
        case "Method2": return GoFunction(name, parameters: [.uint16, .string], result: .string) { a, _ in
            .string(GoFmt.sprintf("Method2: %d %s", a))
        }
        case "Method3": return GoFunction(name, parameters: [.any], result: .string) { a, _ in
            .string(GoFmt.sprintf("Method3: %v", a))
        }
        case "Copy": return GoFunction(name, parameters: [], result: goType) { _, _ in .object(me) }
        case "MAdd": return GoFunction(name, parameters: [.int, .sliceOfInt], result: .sliceOfInt) { a, _ in
            guard case .int(let x, _) = a[0], case .list(let l) = a[1] else { return .invalid }
            return .list(GoList(type: .sliceOfInt, items: l.items.map { v in
                if case .int(let y, _) = v { return .of(Int(x + y)) }
                return v
            }))
        }
        case "MyError": return GoFunction(name, parameters: [.bool], result: .bool, returnsError: true) { a, _ in
            if case .bool(true) = a[0] { throw GoTemplateError.function("my error") }
            return .bool(false)
        }
        case "GetU": return GoFunction(name, parameters: [], result: .pointer(to: TVal.uType)) { _, _ in
            me.fields["U"] ?? .nilValue(.pointer(to: TVal.uType))
        }
        default: return nil
        }
    }
}

/// `*template.U`.
struct UObject: GoObject {
    let v: String
    var goType: GoType { .pointer(to: TVal.uType) }
    var fieldNames: [String] { ["V"] }
    func field(_ name: String) -> GoValue? { name == "V" ? .string(v) : nil }
    func method(_ name: String) -> GoFunction? {
        guard name == "TrueFalse" else { return nil }
        return GoFunction(name, parameters: [.bool], result: .string) { a, _ in
            if case .bool(true) = a[0] { return .string("true") }
            return .string("")
        }
    }
}

/// `template.V` / `*template.V` with a pointer-receiver `String`.
struct VObject: GoObject {
    let j: Int
    let pointer: Bool
    let isNil: Bool
    var goType: GoType { pointer ? .pointer(to: TVal.vType) : TVal.vType }
    func method(_ name: String) -> GoFunction? {
        guard name == "String" else { return nil }
        let text = isNil ? "nilV" : "<\(j)>"
        return GoFunction(name, parameters: [], result: .string) { _, _ in .string(text) }
    }
}

/// `template.W` / `*template.W` with a pointer-receiver `Error`.
struct WObject: GoObject {
    let k: Int
    let pointer: Bool
    let isNil: Bool
    var goType: GoType { pointer ? .pointer(to: TVal.wType) : TVal.wType }
    func method(_ name: String) -> GoFunction? {
        guard name == "Error" else { return nil }
        let text = isNil ? "nilW" : "[\(k)]"
        return GoFunction(name, parameters: [], result: .string) { _, _ in .string(text) }
    }
}

/// `*I` holding `S{"a", "b"}` (a named `[]string` with method `Method0`).
struct SObject: GoObject {
    var goType: GoType { .pointer(to: TVal.iType) }
    var underlying: GoValue? { .list(GoList(type: .sliceOfString, items: [.string("a"), .string("b")])) }
    func method(_ name: String) -> GoFunction? {
        name == "Method0" ? GoFunction(name, parameters: [], result: .string) { _, _ in .string("M0") } : nil
    }
}

/// A value whose only behaviour is a `String` or `Error` method.
struct Stringish: GoObject {
    let type: GoType
    let method: String
    let text: String
    var goType: GoType { type }
    func method(_ name: String) -> GoFunction? {
        let t = text
        return name == method ? GoFunction(name, parameters: [], result: .string) { _, _ in .string(t) } : nil
    }
}
