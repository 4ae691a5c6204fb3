import GoCompat

/// What the executor is looking at, for error messages (`at <NODE>`).
enum NodeRef {
    case none
    case node(Node)
    case operand(Operand)
    case pipe(PipeNode)
    case command(CommandNode)

    var pos: Int {
        switch self {
        case .none: return 0
        case .node(let n): return n.pos
        case .operand(let o): return o.pos
        case .pipe(let p): return p.pos
        case .command(let c): return c.pos
        }
    }

    var goString: String {
        switch self {
        case .none: return ""
        case .node(let n): return n.goString
        case .operand(let o): return o.goString
        case .pipe(let p): return p.goString
        case .command(let c): return c.goString
        }
    }
}

/// Break and continue travel up to the enclosing range as thrown values.
enum LoopControl: Error { case breakLoop, continueLoop }

/// The tree-walking executor of one template execution (Go's `state`).
final class ExecState {
    let template: Template
    var tree: Tree
    let context: GoCallContext
    var at: NodeRef = .none
    var vars: [(name: String, value: GoValue)]
    var depth = 0
    var out: [UInt8] = []
    let missingKey: Template.MissingKey

    init(template: Template, tree: Tree, context: GoCallContext, data: GoValue) {
        self.template = template
        self.tree = tree
        self.context = context
        self.vars = [("$", data)]
        self.missingKey = template.options.missingKey
        out.reserveCapacity(1024)
    }

    // MARK: errors

    /// Go's `state.errorf`: `template: LOC: executing "NAME" at <NODE>: message`.
    func error(_ message: String) -> GoTemplateError {
        let name = tree.name
        if case .none = at {
            return GoTemplateError(kind: .exec, message: "template: \(name): \(message)", detail: message, templateName: name)
        }
        let (line, col) = tree.location(of: at.pos)
        let text = "template: \(tree.parseName):\(line):\(col): executing \(GoQuote.quote(name)) at <\(at.goString)>: \(message)"
        return GoTemplateError(kind: .exec, message: text, detail: message, templateName: tree.parseName, line: line, column: col)
    }

    // MARK: variables

    func mark() -> Int { vars.count }
    func pop(_ mark: Int) { if vars.count > mark { vars.removeLast(vars.count - mark) } }
    func push(_ name: String, _ value: GoValue) { vars.append((name, value)) }

    func setVar(_ name: String, _ value: GoValue) throws {
        var i = vars.count - 1
        while i >= 0 {
            if vars[i].name == name { vars[i].value = value; return }
            i -= 1
        }
        throw error("undefined variable: \(name)")
    }

    func setTopVar(_ n: Int, _ value: GoValue) { vars[vars.count - n].value = value }

    func varValue(_ name: String) throws -> GoValue {
        var i = vars.count - 1
        while i >= 0 {
            if vars[i].name == name { return vars[i].value }
            i -= 1
        }
        throw error("undefined variable: \(name)")
    }

    // MARK: walking

    func walk(dot: GoValue, node: Node) throws {
        context.steps += 1
        if context.steps > template.options.maxSteps {
            at = .node(node)
            throw error("execution exceeded the limit of \(template.options.maxSteps) steps")
        }
        if out.count > template.options.maxOutputBytes {
            at = .node(node)
            throw error("output exceeds the limit of \(template.options.maxOutputBytes) bytes")
        }
        switch node {
        case .text(let t):
            out.append(contentsOf: t.bytes)
        case .list(let l):
            for n in l.nodes { try walk(dot: dot, node: n) }
        case .action(let a):
            at = .node(node)
            let v = try evalPipeline(dot: dot, pipe: a.pipe)
            if a.pipe.decl.isEmpty { try printValue(node: .node(node), v) }
        case .ifNode(let b):
            at = .node(node)
            try walkIfOrWith(isWith: false, dot: dot, b)
        case .withNode(let b):
            at = .node(node)
            try walkIfOrWith(isWith: true, dot: dot, b)
        case .rangeNode(let b):
            at = .node(node)
            try walkRange(dot: dot, b)
        case .template(let t):
            at = .node(node)
            try walkTemplate(dot: dot, t)
        case .breakNode: throw LoopControl.breakLoop
        case .continueNode: throw LoopControl.continueLoop
        case .comment, .end, .elseNode: break
        }
    }

    func walkIfOrWith(isWith: Bool, dot: GoValue, _ b: BranchNode) throws {
        let m = mark()
        defer { pop(m) }
        let val = try evalPipeline(dot: dot, pipe: b.pipe)
        if val.truthOrNil == nil {
            throw error("if/with can't use \(GoFmt.sprint([val]))")
        }
        if val.truth {
            try walk(dot: isWith ? val : dot, node: .list(b.list))
        } else if let e = b.elseList {
            try walk(dot: dot, node: .list(e))
        }
    }

    func walkRange(dot: GoValue, _ r: BranchNode) throws {
        let m = mark()
        defer { pop(m) }
        let val = try evalPipeline(dot: dot, pipe: r.pipe).resolved
        let bodyMark = mark()
        func one(_ index: GoValue, _ elem: GoValue) throws -> Bool {
            let decl = r.pipe.decl
            if !decl.isEmpty {
                if r.pipe.isAssign {
                    try setVar(decl[0], decl.count > 1 ? index : elem)
                } else {
                    setTopVar(1, elem)
                }
            }
            if decl.count > 1 {
                if r.pipe.isAssign { try setVar(decl[1], elem) } else { setTopVar(2, index) }
            }
            defer { pop(bodyMark) }
            do {
                try walk(dot: elem, node: .list(r.list))
            } catch LoopControl.continueLoop {
            } catch LoopControl.breakLoop {
                return false
            }
            return true
        }
        switch val {
        case .list(let l):
            if !l.items.isEmpty {
                for (i, e) in l.items.enumerated() where try !one(.of(i), e) { break }
                return
            }
        case .bytes(let b):
            if !b.isEmpty {
                for (i, e) in b.enumerated() where try !one(.of(i), .uint(UInt64(e), .uint8)) { break }
                return
            }
        case .map(let mp):
            if !mp.entries.isEmpty {
                let keyType = mp.type.key ?? .string
                for k in mp.sortedKeys {
                    var key = GoValue.string(k)
                    if keyType.isSignedInt, let i = Int64(k) { key = .int(i, keyType) }
                    if keyType.isUnsignedInt, let u = UInt64(k) { key = .uint(u, keyType) }
                    if try !one(key, mp.entries[k] ?? .invalid) { break }
                }
                return
            }
        case .invalid, .nilValue:
            break
        default:
            throw error("range can't iterate over \(GoFmt.sprint([val]))")
        }
        if let e = r.elseList { try walk(dot: dot, node: .list(e)) }
    }

    func walkTemplate(dot: GoValue, _ t: TemplateCallNode) throws {
        guard let target = template.trees[t.name] else {
            throw error("template \(GoQuote.quote(t.name)) not defined")
        }
        if depth >= template.options.maxExecDepth || StackGuard.exhausted(floor: context.stackFloor) {
            throw error("exceeded maximum template depth (\(template.options.maxExecDepth))")
        }
        let newDot = try t.pipe.map { try evalPipeline(dot: dot, pipe: $0) } ?? .invalid
        let savedTree = tree, savedVars = vars, savedAt = at
        tree = target
        vars = [("$", newDot)]
        depth += 1
        defer { tree = savedTree; vars = savedVars; depth -= 1; at = savedAt }
        try walk(dot: newDot, node: .list(target.root))
    }

    /// Go's `printValue`: `<no value>` for no value, the Error/String result of objects that
    /// have one, fmt's `%v` otherwise; functions cannot be printed.
    func printValue(node: NodeRef, _ v: GoValue) throws {
        at = node
        switch v {
        case .invalid:
            out.append(contentsOf: "<no value>".utf8)
        case .function(let f):
            throw error("can't print \(node.goString) of type \(f.type.name)")
        case .object(let o) where o.goType.kind == .pointer && !o.isNil && o.method("Error") == nil && o.method("String") == nil:
            GoFmt.appendValue(v, verb: UInt8(ascii: "v"), to: &out, topLevelDeref: true)
        default:
            GoFmt.appendValue(v, verb: UInt8(ascii: "v"), to: &out, topLevelDeref: false)
        }
    }
}

extension GoValue {
    /// nil when Go's `isTrue` would report "not ok" (no such kinds here); else the truth.
    var truthOrNil: Bool? { truth }
}
