import GoCompat

/// Go's template parser (`text/template/parse/parse.go`): turns one text into trees (the main
/// one plus every `define`/`block`). Errors use Go's wording: `template: NAME:LINE: message`.
struct Parser {
    var lexer: Lexer
    let parseName: String
    let textBytes: [UInt8]
    let hasFunction: (String) -> Bool
    let skipFunctionCheck: Bool
    var stack: [Token] = []
    var current = Token(kind: .eof, pos: 0, value: "", line: 1)
    /// Line of the most recently lexed token (Go's `t.token[0].line`, used in errors).
    var newestLine = 1
    var vars: [String] = ["$"]
    var rangeDepth = 0
    var actionLine = 0
    /// Trees produced by this parse, in definition order.
    var trees: [String: Tree] = [:]
    var order: [String] = []
    /// Nesting (parentheses, control blocks) stops here instead of exhausting the stack.
    let stackFloor = StackGuard.floor()

    /// Fails when nesting has used up the parser's stack budget (Go has no such limit, but
    /// Go's stacks grow; ours do not).
    func checkDepth() throws {
        if StackGuard.exhausted(floor: stackFloor) { throw fail("template nesting too deep") }
    }

    init(name: String, text: String, left: String, right: String, hasFunction: @escaping (String) -> Bool,
         skipFunctionCheck: Bool = false) {
        self.skipFunctionCheck = skipFunctionCheck
        lexer = Lexer(text, left: left, right: right)
        lexer.breakOK = !hasFunction("break")
        lexer.continueOK = !hasFunction("continue")
        parseName = name
        textBytes = lexer.input
        self.hasFunction = hasFunction
    }

    // MARK: token stream

    mutating func next() -> Token {
        if let t = stack.popLast() {
            current = t
        } else {
            current = lexer.nextToken()
            newestLine = current.line
        }
        return current
    }
    mutating func backup() { stack.append(current) }
    mutating func backup2(_ t1: Token) { stack = [current, t1] }
    mutating func backup3(_ t2: Token, _ t1: Token) { stack = [current, t1, t2] }
    mutating func peek() -> Token { let t = next(); backup(); return t }
    mutating func nextNonSpace() -> Token {
        var t = next()
        while t.kind == .space { t = next() }
        return t
    }
    mutating func peekNonSpace() -> Token { let t = nextNonSpace(); backup(); return t }

    // MARK: errors

    func fail(_ message: String) -> GoTemplateError {
        GoTemplateError(kind: .parse, message: "template: \(parseName):\(newestLine): \(message)",
                        detail: message, templateName: parseName, line: newestLine)
    }

    func unexpected(_ token: Token, _ context: String) -> GoTemplateError {
        if token.kind == .error {
            var extra = ""
            if actionLine != 0 && actionLine != token.line {
                extra = " in action started at \(parseName):\(actionLine)"
                if token.value.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            return fail(token.value + extra)
        }
        return fail("unexpected \(token.goDescription) in \(context)")
    }

    mutating func expect(_ kind: TokenKind, _ context: String) throws -> Token {
        let t = nextNonSpace()
        if t.kind != kind { throw unexpected(t, context) }
        return t
    }

    // MARK: top level

    /// Parses the whole text as template `name`, adding defined templates.
    mutating func parse(as name: String) throws {
        var nodes: [Node] = []
        let rootPos = peek().pos
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let delim = next()
                if nextNonSpace().kind == .define {
                    try parseDefinition()
                    continue
                }
                backup2(delim)
            }
            let n = try textOrAction()
            switch n {
            case .end, .elseNode: throw fail("unexpected \(n.goString)")
            default: nodes.append(n)
            }
        }
        try add(Tree(name: name, parseName: parseName, text: textBytes, root: ListNode(pos: rootPos, nodes: nodes)))
    }

    mutating func add(_ tree: Tree) throws {
        if let old = trees[tree.name], !old.isEmpty {
            if !tree.isEmpty { throw fail("template: multiple definition of template \(GoQuote.quote(tree.name))") }
            return
        }
        if trees[tree.name] == nil { order.append(tree.name) }
        trees[tree.name] = tree
    }

    mutating func parseDefinition() throws {
        let context = "define clause"
        let t = nextNonSpace()
        guard t.kind == .string || t.kind == .rawString else { throw unexpected(t, context) }
        let name: String
        do { name = try Parser.unquote(t) } catch { throw fail("\(error)") }
        _ = try expect(.rightDelim, context)
        let savedVars = vars, savedRange = rangeDepth
        vars = ["$"]
        rangeDepth = 0
        let (list, end) = try itemList()
        guard case .end = end else { throw fail("unexpected \(end.goString) in \(context)") }
        vars = savedVars
        rangeDepth = savedRange
        try add(Tree(name: name, parseName: parseName, text: textBytes, root: list))
    }

    /// textOrAction* up to `{{end}}` or `{{else}}` (returned separately).
    mutating func itemList() throws -> (ListNode, Node) {
        let pos = peekNonSpace().pos
        var nodes: [Node] = []
        while peekNonSpace().kind != .eof {
            let n = try textOrAction()
            switch n {
            case .end, .elseNode: return (ListNode(pos: pos, nodes: nodes), n)
            default: nodes.append(n)
            }
        }
        throw fail("unexpected EOF")
    }

    mutating func textOrAction() throws -> Node {
        let t = nextNonSpace()
        switch t.kind {
        case .text:
            return .text(TextNode(pos: t.pos, bytes: Array(textBytes[t.pos..<(t.pos + t.length)])))
        case .leftDelim:
            actionLine = t.line
            defer { actionLine = 0 }
            return try action()
        case .comment:
            return .comment(pos: t.pos)
        default:
            throw unexpected(t, "input")
        }
    }

    mutating func action() throws -> Node {
        let t = nextNonSpace()
        switch t.kind {
        case .block: return try blockControl()
        case .breakKeyword, .continueKeyword:
            let word = t.kind == .breakKeyword ? "break" : "continue"
            let n = nextNonSpace()
            if n.kind != .rightDelim { throw unexpected(n, "{{\(word)}}") }
            if rangeDepth == 0 { throw fail("{{\(word)}} outside {{range}}") }
            return t.kind == .breakKeyword ? .breakNode(pos: t.pos, line: t.line) : .continueNode(pos: t.pos, line: t.line)
        case .elseKeyword:
            let p = peekNonSpace()
            if p.kind == .ifKeyword { return .elseNode(pos: p.pos, line: p.line) }
            let e = try expect(.rightDelim, "else")
            return .elseNode(pos: e.pos, line: e.line)
        case .end:
            return .end(pos: try expect(.rightDelim, "end").pos)
        case .ifKeyword: return .ifNode(try parseControl("if"))
        case .range: return .rangeNode(try parseControl("range"))
        case .template: return try templateControl()
        case .with: return .withNode(try parseControl("with"))
        default:
            backup()
            let p = peek()
            return .action(ActionNode(pos: p.pos, line: p.line, pipe: try pipeline("command", end: .rightDelim)))
        }
    }

    mutating func parseControl(_ context: String) throws -> BranchNode {
        try checkDepth()
        let mark = vars.count
        defer { vars.removeLast(vars.count - mark) }
        let pipe = try pipeline(context, end: .rightDelim)
        if context == "range" { rangeDepth += 1 }
        let (list, next) = try itemList()
        if context == "range" { rangeDepth -= 1 }
        var elseList: ListNode?
        switch next {
        case .end: break
        case .elseNode(let pos, _):
            if context == "if" && peek().kind == .ifKeyword {
                _ = self.next()
                elseList = ListNode(pos: pos, nodes: [.ifNode(try parseControl("if"))])
            } else {
                let (l, n2) = try itemList()
                guard case .end = n2 else { throw fail("expected end; found \(n2.goString)") }
                elseList = l
            }
        default: break
        }
        return BranchNode(pos: pipe.pos, line: pipe.line, pipe: pipe, list: list, elseList: elseList)
    }

    mutating func templateName(_ t: Token, _ context: String) throws -> String {
        guard t.kind == .string || t.kind == .rawString else { throw unexpected(t, context) }
        do { return try Parser.unquote(t) } catch { throw fail("\(error)") }
    }

    mutating func templateControl() throws -> Node {
        let context = "template clause"
        let t = nextNonSpace()
        let name = try templateName(t, context)
        var pipe: PipeNode?
        if nextNonSpace().kind != .rightDelim {
            backup()
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .template(TemplateCallNode(pos: t.pos, line: t.line, name: name, pipe: pipe))
    }

    mutating func blockControl() throws -> Node {
        let context = "block clause"
        let t = nextNonSpace()
        let name = try templateName(t, context)
        let pipe = try pipeline(context, end: .rightDelim)
        let savedVars = vars, savedRange = rangeDepth
        vars = ["$"]
        rangeDepth = 0
        let (list, end) = try itemList()
        guard case .end = end else { throw fail("unexpected \(end.goString) in \(context)") }
        vars = savedVars
        rangeDepth = savedRange
        try add(Tree(name: name, parseName: parseName, text: textBytes, root: list))
        return .template(TemplateCallNode(pos: t.pos, line: t.line, name: name, pipe: pipe))
    }
}
