import GoCompat

extension ExecState {
    func evalPipeline(dot: GoValue, pipe: PipeNode) throws -> GoValue {
        at = .pipe(pipe)
        var value: GoValue? = nil
        for cmd in pipe.cmds {
            value = try evalCommand(dot: dot, cmd: cmd, final: value).unwrapped
        }
        let result = value ?? .invalid
        for name in pipe.decl {
            if pipe.isAssign { try setVar(name, result) } else { push(name, result) }
        }
        return result
    }

    func notAFunction(_ args: [Operand], _ final: GoValue?) throws {
        if args.count > 1 || final != nil {
            throw error("can't give argument to non-function \(args[0].goString)")
        }
    }

    func evalCommand(dot: GoValue, cmd: CommandNode, final: GoValue?) throws -> GoValue {
        let first = cmd.args[0]
        switch first {
        case .field(_, let names):
            at = .operand(first)
            return try evalFieldChain(dot: dot, receiver: dot, names: names, args: cmd.args, final: final)
        case .chain(_, let base, let names):
            return try evalChain(dot: dot, base: base, names: names, node: first, args: cmd.args, final: final)
        case .identifier(_, let name):
            at = .operand(first)
            return try evalFunction(dot: dot, name: name, node: .command(cmd), args: cmd.args, final: final)
        case .pipe(let p):
            try notAFunction(cmd.args, final)
            return try evalPipeline(dot: dot, pipe: p)
        case .variable(_, let names):
            return try evalVariable(dot: dot, names: names, node: first, args: cmd.args, final: final)
        default:
            break
        }
        at = .operand(first)
        try notAFunction(cmd.args, final)
        switch first {
        case .bool(_, let b): return .bool(b)
        case .dot: return dot
        case .nilLiteral: throw error("nil is not a command")
        case .number(let n): return try idealConstant(n)
        case .string(_, _, let text): return .string(text)
        default: throw error("can't evaluate command \(GoQuote.quote(first.goString))")
        }
    }

    func idealConstant(_ n: NumberNode) throws -> GoValue {
        if n.isComplex { return .complex(n.complex.0, n.complex.1, .complex128) }
        let lower = n.text.lowercased()
        let isHexInt = (lower.hasPrefix("0x") || lower.hasPrefix("-0x") || lower.hasPrefix("+0x")) && !lower.contains("p")
        let isRune = n.text.hasPrefix("'")
        if n.isFloat && !isHexInt && !isRune && n.text.contains(where: { ".eEpP".contains($0) }) {
            return .float(n.float64, .float64)
        }
        if n.isInt { return .int(n.int64, .int) }
        if n.isUint { throw error("\(n.text) overflows int") }
        return .invalid
    }

    func evalVariable(dot: GoValue, names: [String], node: Operand, args: [Operand]?, final: GoValue?) throws -> GoValue {
        at = .operand(node)
        let value = try varValue(names[0])
        if names.count == 1 {
            try notAFunction(args ?? [node], final)
            return value
        }
        return try evalFieldChain(dot: dot, receiver: value, names: Array(names.dropFirst()), args: args, final: final)
    }

    func evalChain(dot: GoValue, base: Operand, names: [String], node: Operand, args: [Operand]?, final: GoValue?) throws -> GoValue {
        at = .operand(node)
        if names.isEmpty { throw error("internal error: no fields in evalChainNode") }
        if case .nilLiteral = base { throw error("indirection through explicit nil in \(node.goString)") }
        let pipe = try evalArg(dot: dot, type: nil, base)
        return try evalFieldChain(dot: dot, receiver: pipe, names: names, args: args, final: final)
    }

    func evalFieldChain(dot: GoValue, receiver: GoValue, names: [String], args: [Operand]?, final: GoValue?) throws -> GoValue {
        guard let last = names.last else { throw error("internal error: no fields in field chain") }
        var recv = receiver
        var staticType: GoType? = nil
        for name in names.dropLast() {
            (recv, staticType) = try evalField(dot: dot, name: name, args: nil, final: nil, receiver: recv, staticType: staticType)
        }
        return try evalField(dot: dot, name: last, args: args, final: final, receiver: recv, staticType: staticType).0
    }

    /// Go's `evalField`; returns the value and its static type when it came out of a map
    /// whose element type is an interface (for Go's error wording).
    func evalField(dot: GoValue, name: String, args: [Operand]?, final: GoValue?,
                   receiver: GoValue, staticType: GoType?) throws -> (GoValue, GoType?) {
        let typeName = staticType?.name ?? receiver.goType?.name ?? "<nil>"
        switch receiver {
        case .invalid:
            if missingKey == .error { throw error("nil data; no entry for key \(GoQuote.quote(name))") }
            return (.invalid, nil)
        case .nilValue(let t) where t.kind == .interface:
            throw error("nil pointer evaluating \(typeName).\(name)")
        default:
            break
        }
        let hasArgs = (args?.count ?? 0) > 1 || final != nil
        if case .object(let o) = receiver {
            if let m = o.method(name) {
                return (try evalCall(dot: dot, fn: m, isBuiltin: false, name: name, args: args, final: final), nil)
            }
            if name.first.map({ !$0.isUppercase }) == true && o.fieldNames.contains(name) {
                throw error("\(name) is an unexported field of struct type \(typeName)")
            }
            if let f = o.field(name) {
                if hasArgs { throw error("\(name) has arguments but cannot be invoked as function") }
                return (f, nil)
            }
            if let u = o.underlying, case .map(let mp) = u {
                return try mapField(mp, name: name, hasArgs: hasArgs)
            }
            if o.isNil && o.goType.kind == .pointer && o.fieldNames.contains(name) {
                throw error("nil pointer evaluating \(typeName).\(name)")
            }
            throw error("can't evaluate field \(name) in type \(typeName)")
        }
        if case .map(let mp) = receiver {
            if let k = mp.type.key, k.kind != .string && k.kind != .interface {
                throw error("can't evaluate field \(name) in type \(typeName)")
            }
            return try mapField(mp, name: name, hasArgs: hasArgs)
        }
        if case .nilValue(let t) = receiver, t.kind == .pointer {
            throw error("nil pointer evaluating \(typeName).\(name)")
        }
        if case .nilValue(let t) = receiver, t.kind == .map {
            if hasArgs { throw error("\(name) is not a method but has arguments") }
            return try mapMissing(GoMap(type: t, entries: [:]), name: name)
        }
        throw error("can't evaluate field \(name) in type \(typeName)")
    }

    func mapField(_ mp: GoMap, name: String, hasArgs: Bool) throws -> (GoValue, GoType?) {
        if hasArgs { throw error("\(name) is not a method but has arguments") }
        if let v = mp.entries[name] {
            return (v, mp.elementType.kind == .interface ? mp.elementType : nil)
        }
        return try mapMissing(mp, name: name)
    }

    func mapMissing(_ mp: GoMap, name: String) throws -> (GoValue, GoType?) {
        switch missingKey {
        case .invalid: return (.invalid, nil)
        case .zero:
            let t = mp.elementType
            return (.zero(of: t), t.kind == .interface ? t : nil)
        case .error: throw error("map has no entry for key \(GoQuote.quote(name))")
        }
    }
}
