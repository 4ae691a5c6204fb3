import GoCompat

extension Parser {
    /// declarations? command ('|' command)*
    mutating func pipeline(_ context: String, end: TokenKind) throws -> PipeNode {
        try checkDepth()
        let first = peekNonSpace()
        var decl: [String] = []
        var isAssign = false
        var cmds: [CommandNode] = []
        decls: while true {
            let v = peekNonSpace()
            guard v.kind == .variable else { break }
            _ = next()
            let after = peek()
            let nxt = peekNonSpace()
            if nxt.kind == .assign || nxt.kind == .declare {
                isAssign = nxt.kind == .assign
                _ = nextNonSpace()
                decl.append(v.value)
                vars.append(v.value)
            } else if nxt.kind == .char && nxt.value == "," {
                _ = nextNonSpace()
                decl.append(v.value)
                vars.append(v.value)
                if context == "range" && decl.count < 2 {
                    switch peekNonSpace().kind {
                    case .variable, .rightDelim, .rightParen: continue decls
                    default: throw fail("range can only initialize variables")
                    }
                }
                throw fail("too many declarations in \(context)")
            } else if after.kind == .space {
                backup3(v, after)
            } else {
                backup2(v)
            }
            break
        }
        while true {
            let t = nextNonSpace()
            if t.kind == end {
                if cmds.isEmpty { throw fail("missing value for \(context)") }
                for (i, c) in cmds.enumerated().dropFirst() {
                    switch c.args[0] {
                    case .bool, .dot, .nilLiteral, .number, .string:
                        throw fail("non executable command in pipeline stage \(i + 1)")
                    default: break
                    }
                }
                return PipeNode(pos: first.pos, line: first.line, isAssign: isAssign, decl: decl, cmds: cmds)
            }
            switch t.kind {
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKeyword,
                 .rawString, .string, .variable, .leftParen:
                backup()
                cmds.append(try command())
            default:
                throw unexpected(t, context)
            }
        }
    }

    mutating func command() throws -> CommandNode {
        let pos = peekNonSpace().pos
        var args: [Operand] = []
        loop: while true {
            _ = peekNonSpace()
            if let operand = try operand() { args.append(operand) }
            let t = next()
            switch t.kind {
            case .space: continue loop
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(t, "operand")
            }
            break
        }
        if args.isEmpty { throw fail("empty command") }
        return CommandNode(pos: pos, args: args)
    }

    mutating func operand() throws -> Operand? {
        guard let node = try term() else { return nil }
        guard peek().kind == .field else { return node }
        let chainPos = peek().pos
        var names: [String] = []
        while peek().kind == .field { names.append(String(next().value.dropFirst())) }
        switch node {
        // Go gives the merged node the position of the chain (its first trailing field).
        case .field(_, let base): return .field(pos: chainPos, names: base + names)
        case .variable(_, let base): return .variable(pos: chainPos, names: base + names)
        case .bool, .string, .number, .nilLiteral, .dot:
            throw fail("unexpected . after term \(GoQuote.quote(node.goString))")
        default:
            return .chain(pos: chainPos, base: node, names: names)
        }
    }

    mutating func term() throws -> Operand? {
        let t = nextNonSpace()
        switch t.kind {
        case .identifier:
            if !skipFunctionCheck && !hasFunction(t.value) { throw fail("function \(GoQuote.quote(t.value)) not defined") }
            return .identifier(pos: t.pos, name: t.value)
        case .dot: return .dot(pos: t.pos)
        case .nilKeyword: return .nilLiteral(pos: t.pos)
        case .variable:
            let names = Parser.splitDots(t.value, omittingEmpty: false)
            if !vars.contains(names[0]) { throw fail("undefined variable \(GoQuote.quote(names[0]))") }
            return .variable(pos: t.pos, names: names)
        case .field:
            let names = Parser.splitDots(t.value, omittingEmpty: true)
            return .field(pos: t.pos, names: names)
        case .bool: return .bool(pos: t.pos, value: t.value == "true")
        case .charConstant, .complex, .number:
            do { return .number(try NumberLiteral.parse(t.value, kind: t.kind, pos: t.pos)) }
            catch let e as NumberLiteral.Failure { throw fail(e.message) }
        case .leftParen:
            return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            do { return .string(pos: t.pos, quoted: t.value, text: try Parser.unquote(t)) }
            catch { throw fail("\(error)") }
        default:
            backup()
            return nil
        }
    }
}

extension Parser {
    /// Splits a field/variable token on `.` by bytes (the lexer only admits ASCII dots as
    /// separators, so byte boundaries are scalar boundaries). `omittingEmpty` drops empty parts.
    static func splitDots(_ text: String, omittingEmpty: Bool) -> [String] {
        var names: [String] = []
        var source = text
        source.withUTF8 { bytes in
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: ".") {
                if !(omittingEmpty && i == start) {
                    names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                }
                start = i + 1
            }
        }
        return names
    }

    /// `strconv.Unquote` with fast paths for raw strings and strings without escapes.
    static func unquote(_ t: Token) throws -> String {
        let v = t.value
        let u = v.utf8
        if u.count >= 2 {
            if t.kind == .rawString, !u.contains(0x0D) { return String(v.dropFirst().dropLast()) }
            if t.kind == .string, !u.contains(UInt8(ascii: "\\")) { return String(v.dropFirst().dropLast()) }
        }
        return try GoQuote.unquote(v)
    }
}
