import GoCompat

extension ExecState {
    /// `node` is the command (or, for a function used as an argument, the identifier) that
    /// call errors are reported at.
    /// Like Go, the identifier is the current node while the call is set up (argument-count
    /// errors read `at <name>`); after a successful call the current node stays where argument
    /// evaluation left it, which is where a caller's type check of the result reports.
    func evalFunction(dot: GoValue, name: String, node: NodeRef, args: [Operand], final: GoValue?) throws -> GoValue {
        at = args.first.map { .operand($0) } ?? node
        if let f = template.functions[name] {
            return try evalCall(dot: dot, fn: f, isBuiltin: false, name: name, args: args, final: final, callNode: node)
        }
        if let f = Builtins.table[name] {
            return try evalCall(dot: dot, fn: f, isBuiltin: true, name: name, args: args, final: final, callNode: node)
        }
        throw error("\(GoQuote.quote(name)) is not a defined function")
    }

    /// Go's `evalCall`: checks the argument count, converts arguments to the parameter
    /// types, short-circuits builtin `and`/`or`, and wraps a thrown error as
    /// `error calling NAME: message`. `args[0]` is the function's own node.
    func evalCall(dot: GoValue, fn: GoFunction, isBuiltin: Bool, name: String, args allArgs: [Operand]?, final: GoValue?,
                  callNode explicitCallNode: NodeRef? = nil) throws -> GoValue {
        let callNode = explicitCallNode ?? at
        let args = allArgs.map { Array($0.dropFirst()) } ?? []
        var numIn = args.count
        if final != nil { numIn += 1 }
        var numFixed = args.count
        if fn.variadic != nil {
            numFixed = fn.parameters.count
            if numIn < numFixed {
                throw error("wrong number of args for \(name): want at least \(fn.parameters.count) got \(args.count)")
            }
        } else if numIn != fn.parameters.count {
            throw error("wrong number of args for \(name): want \(fn.parameters.count) got \(numIn)")
        }
        if StackGuard.exhausted(floor: context.stackFloor) {
            throw error("exceeded maximum template depth (\(template.options.maxExecDepth))")
        }

        if isBuiltin && (name == "and" || name == "or") {
            let isOr = name == "or"
            var v: GoValue = .invalid
            for arg in args {
                v = try evalArg(dot: dot, type: .reflectValue, arg).unwrapped
                if v.truth == isOr { return v }
            }
            if let final { v = try validateType(final, .reflectValue).unwrapped }
            return v
        }

        var argv: [GoValue] = []
        argv.reserveCapacity(numIn)
        var i = 0
        while i < numFixed && i < args.count {
            argv.append(try evalArg(dot: dot, type: fn.parameters[i], args[i]))
            i += 1
        }
        if let v = fn.variadic {
            while i < args.count {
                argv.append(try evalArg(dot: dot, type: v, args[i]))
                i += 1
            }
        }
        if let final {
            var t: GoType
            if let v = fn.variadic {
                t = numIn - 1 < numFixed ? fn.parameters[numIn - 1] : v
            } else {
                t = fn.parameters[fn.parameters.count - 1]
            }
            argv.append(try validateType(final, t))
        }
        do {
            if isBuiltin && name == "call" {
                at = callNode
                return try Builtins.call(argv, state: self)
            }
            let result = try fn.body(argv, context)
            if case .string(let text) = result, text.utf8.count > template.options.maxOutputBytes {
                throw GoTemplateError.function("string of \(text.utf8.count) bytes exceeds the limit of \(template.options.maxOutputBytes)")
            }
            return result
        } catch let e as GoTemplateError {
            // Go wraps every error a function returns, including nested execution errors.
            at = callNode
            throw error("error calling \(name): \(e.message)")
        } catch is LoopControl {
            at = callNode
            throw error("error calling \(name): unexpected break")
        } catch {
            at = callNode
            throw self.error("error calling \(name): \(error)")
        }
    }

    /// Go's `evalArg`: literals convert only to matching kinds; other operands are evaluated
    /// and checked by `validateType`. `type == nil` means "untyped" (as for chain bases).
    func evalArg(dot: GoValue, type: GoType?, _ n: Operand) throws -> GoValue {
        at = .operand(n)
        switch n {
        case .dot:
            return try validateType(dot, type)
        case .nilLiteral:
            if let t = type, t.canBeNil { return .zero(of: t) }
            throw error("cannot assign nil to \(type?.name ?? "<nil>")")
        case .field(_, let names):
            return try validateType(try evalFieldChain(dot: dot, receiver: dot, names: names, args: [n], final: nil), type)
        case .variable(_, let names):
            return try validateType(try evalVariable(dot: dot, names: names, node: n, args: nil, final: nil), type)
        case .pipe(let p):
            return try validateType(try evalPipeline(dot: dot, pipe: p), type)
        case .identifier(_, let name):
            return try validateType(try evalFunction(dot: dot, name: name, node: .operand(n), args: [n], final: nil), type)
        case .chain(_, let base, let names):
            return try validateType(try evalChain(dot: dot, base: base, names: names, node: n, args: nil, final: nil), type)
        default:
            break
        }
        guard let type else { return try evalEmptyInterface(dot: dot, n) }
        switch type.kind {
        case .bool:
            if case .bool(_, let b) = n { return .bool(b) }
            throw error("expected bool; found \(n.goString)")
        case .complex64, .complex128:
            if case .number(let num) = n, num.isComplex || num.isFloat {
                return .complex(num.isComplex ? num.complex.0 : num.float64, num.isComplex ? num.complex.1 : 0, type)
            }
            throw error("expected complex; found \(n.goString)")
        case .float32, .float64:
            if case .number(let num) = n, num.isFloat { return .float(num.float64, type) }
            throw error("expected float; found \(n.goString)")
        case .int, .int8, .int16, .int32, .int64:
            if case .number(let num) = n, num.isInt, fits(num.int64, type) { return .int(num.int64, type) }
            if case .number(let num) = n, num.isInt { throw error("\(num.text) overflows \(type.name)") }
            throw error("expected integer; found \(n.goString)")
        case .uint, .uint8, .uint16, .uint32, .uint64, .uintptr:
            if case .number(let num) = n, num.isUint, fitsUnsigned(num.uint64, type) { return .uint(num.uint64, type) }
            if case .number(let num) = n, num.isUint { throw error("\(num.text) overflows \(type.name)") }
            throw error("expected unsigned integer; found \(n.goString)")
        case .string:
            if case .string(_, _, let text) = n { return .string(text) }
            throw error("expected string; found \(n.goString)")
        case .interface where type.interfaceMethods.isEmpty:
            return try evalEmptyInterface(dot: dot, n)
        case .reflectValue:
            return try evalEmptyInterface(dot: dot, n)
        default:
            throw error("can't handle \(n.goString) for arg of type \(type.name)")
        }
    }

    func fits(_ v: Int64, _ t: GoType) -> Bool {
        switch t.kind {
        case .int8: return v >= -128 && v <= 127
        case .int16: return v >= -32768 && v <= 32767
        case .int32: return v >= -2147483648 && v <= 2147483647
        default: return true
        }
    }

    func fitsUnsigned(_ v: UInt64, _ t: GoType) -> Bool {
        switch t.kind {
        case .uint8: return v <= 255
        case .uint16: return v <= 65535
        case .uint32: return v <= 4294967295
        default: return true
        }
    }

    func evalEmptyInterface(dot: GoValue, _ n: Operand) throws -> GoValue {
        at = .operand(n)
        switch n {
        case .bool(_, let b): return .bool(b)
        case .dot: return dot
        case .field(_, let names): return try evalFieldChain(dot: dot, receiver: dot, names: names, args: nil, final: nil)
        case .identifier(_, let name): return try evalFunction(dot: dot, name: name, node: .operand(n), args: [n], final: nil)
        case .nilLiteral: throw error("evalEmptyInterface: nil (can't happen)")
        case .number(let num): return try idealConstant(num)
        case .string(_, _, let text): return .string(text)
        case .variable(_, let names): return try evalVariable(dot: dot, names: names, node: n, args: nil, final: nil)
        case .pipe(let p): return try evalPipeline(dot: dot, pipe: p)
        case .chain(_, let base, let names): return try evalChain(dot: dot, base: base, names: names, node: n, args: nil, final: nil)
        }
    }

    /// Go's `validateType`: checks `value` against parameter type `type` by assignability.
    func validateType(_ value: GoValue, _ type: GoType?) throws -> GoValue {
        guard let type else {
            return value
        }
        if case .invalid = value {
            if type.canBeNil { return .zero(of: type) }
            throw error("invalid value; expected \(type.name)")
        }
        if type.kind == .reflectValue { return value }
        if Conversion.assignable(value, to: type) { return value }
        // Pointer/value adjustments for host objects (*T to T and addressable T to *T).
        if let vt = value.goType {
            if vt.kind == .pointer, vt.elem.map({ $0 == type }) == true || vt.name == "*" + type.name {
                if value.isNil { throw error("dereference of nil pointer of type \(type.name)") }
                return value
            }
            if type.kind == .pointer, type.name == "*" + vt.name { return value }
        }
        throw error("wrong type for value; expected \(type.name); got \(value.goType?.name ?? "<nil>")")
    }
}

/// Go's assignability rules over `GoValue`s.
public enum Conversion {
    /// Whether a value of `value`'s dynamic type may be passed where `type` is expected.
    public static func assignable(_ value: GoValue, to type: GoType) -> Bool {
        if type.kind == .reflectValue { return true }
        guard let vt = value.goType else { return type.canBeNil }
        if type.kind == .interface {
            if type.interfaceMethods.isEmpty { return true }
            if case .object(let o) = value {
                return type.interfaceMethods.allSatisfy { o.method($0) != nil }
            }
            if vt == type { return true }
            return false
        }
        if vt == type { return true }
        if vt.underlyingName == type.underlyingName && (!vt.isNamed || !type.isNamed) { return true }
        if case .nilValue(let nt) = value, nt.kind == .interface { return type.canBeNil }
        return false
    }
}
