import GoCompat

/// A parsed template body node. Every node carries its byte offset (`pos`) into the source
/// text of its `Tree`, from which `Tree.location(of:)` derives line and column.
public enum Node: Sendable {
    case text(TextNode)
    case action(ActionNode)
    case ifNode(BranchNode)
    case rangeNode(BranchNode)
    case withNode(BranchNode)
    case list(ListNode)
    case template(TemplateCallNode)
    case breakNode(pos: Int, line: Int)
    case continueNode(pos: Int, line: Int)
    case comment(pos: Int)
    // Internal markers produced while parsing; never stored in a tree.
    case end(pos: Int)
    case elseNode(pos: Int, line: Int)

    var pos: Int {
        switch self {
        case .text(let n): return n.pos
        case .action(let n): return n.pos
        case .ifNode(let n), .rangeNode(let n), .withNode(let n): return n.pos
        case .list(let n): return n.pos
        case .template(let n): return n.pos
        case .breakNode(let p, _), .continueNode(let p, _), .comment(let p), .end(let p), .elseNode(let p, _): return p
        }
    }

    /// Go's `Node.String()`.
    public var goString: String {
        switch self {
        case .text(let n): return GoQuote.quote(bytes: n.bytes)
        case .action(let n): return "{{" + n.pipe.goString + "}}"
        case .ifNode(let n): return n.goString("if")
        case .rangeNode(let n): return n.goString("range")
        case .withNode(let n): return n.goString("with")
        case .list(let n): return n.nodes.map(\.goString).joined()
        case .template(let n):
            return "{{template " + GoQuote.quote(n.name) + (n.pipe.map { " " + $0.goString } ?? "") + "}}"
        case .breakNode: return "{{break}}"
        case .continueNode: return "{{continue}}"
        case .comment: return "{{/* */}}"
        case .end: return "{{end}}"
        case .elseNode: return "{{else}}"
        }
    }
}

public final class TextNode: Sendable {
    public let pos: Int
    public let bytes: [UInt8]
    init(pos: Int, bytes: [UInt8]) { self.pos = pos; self.bytes = bytes }
}

public final class ListNode: Sendable {
    public let pos: Int
    public let nodes: [Node]
    init(pos: Int, nodes: [Node]) { self.pos = pos; self.nodes = nodes }
}

public final class ActionNode: Sendable {
    public let pos: Int
    public let line: Int
    public let pipe: PipeNode
    init(pos: Int, line: Int, pipe: PipeNode) { self.pos = pos; self.line = line; self.pipe = pipe }
}

/// `if`, `range` and `with`.
public final class BranchNode: Sendable {
    public let pos: Int
    public let line: Int
    public let pipe: PipeNode
    public let list: ListNode
    public let elseList: ListNode?
    init(pos: Int, line: Int, pipe: PipeNode, list: ListNode, elseList: ListNode?) {
        self.pos = pos; self.line = line; self.pipe = pipe; self.list = list; self.elseList = elseList
    }
    func goString(_ keyword: String) -> String {
        var s = "{{\(keyword) \(pipe.goString)}}" + list.nodes.map(\.goString).joined()
        if let e = elseList { s += "{{else}}" + e.nodes.map(\.goString).joined() }
        return s + "{{end}}"
    }
}

public final class TemplateCallNode: Sendable {
    public let pos: Int
    public let line: Int
    public let name: String
    public let pipe: PipeNode?
    init(pos: Int, line: Int, name: String, pipe: PipeNode?) {
        self.pos = pos; self.line = line; self.name = name; self.pipe = pipe
    }
}

/// A pipeline: optional variable declarations, then commands separated by `|`.
public final class PipeNode: Sendable {
    public let pos: Int
    public let line: Int
    public let isAssign: Bool
    /// Declared or assigned variable names (`$x`).
    public let decl: [String]
    public let cmds: [CommandNode]
    init(pos: Int, line: Int, isAssign: Bool, decl: [String], cmds: [CommandNode]) {
        self.pos = pos; self.line = line; self.isAssign = isAssign; self.decl = decl; self.cmds = cmds
    }
    public var goString: String {
        var s = ""
        if !decl.isEmpty { s = decl.joined(separator: ", ") + " := " }
        return s + cmds.map(\.goString).joined(separator: " | ")
    }
}

public final class CommandNode: Sendable {
    public let pos: Int
    public let args: [Operand]
    init(pos: Int, args: [Operand]) { self.pos = pos; self.args = args }
    public var goString: String {
        args.map { arg in
            if case .pipe(let p) = arg { return "(" + p.goString + ")" }
            return arg.goString
        }.joined(separator: " ")
    }
}

/// A numeric constant with every interpretation Go's parser derives from it.
public struct NumberNode: Sendable {
    public var pos: Int
    public var text: String
    public var isInt = false, isUint = false, isFloat = false, isComplex = false
    public var int64: Int64 = 0
    public var uint64: UInt64 = 0
    public var float64: Double = 0
    public var complex: (Double, Double) = (0, 0)
}

/// An operand of a command.
public indirect enum Operand: Sendable {
    case field(pos: Int, names: [String])
    case chain(pos: Int, base: Operand, names: [String])
    case identifier(pos: Int, name: String)
    case pipe(PipeNode)
    /// `$x.A.B` as `["$x", "A", "B"]`.
    case variable(pos: Int, names: [String])
    case bool(pos: Int, value: Bool)
    case dot(pos: Int)
    case nilLiteral(pos: Int)
    case number(NumberNode)
    case string(pos: Int, quoted: String, text: String)

    public var pos: Int {
        switch self {
        case .field(let p, _), .chain(let p, _, _), .identifier(let p, _), .variable(let p, _),
             .bool(let p, _), .dot(let p), .nilLiteral(let p), .string(let p, _, _):
            return p
        case .pipe(let n): return n.pos
        case .number(let n): return n.pos
        }
    }

    /// Go's `Node.String()` for the operand.
    public var goString: String {
        switch self {
        case .field(_, let names): return names.map { "." + $0 }.joined()
        case .chain(_, let base, let names):
            let b: String
            if case .pipe(let p) = base { b = "(" + p.goString + ")" } else { b = base.goString }
            return b + names.map { "." + $0 }.joined()
        case .identifier(_, let name): return name
        case .pipe(let p): return p.goString
        case .variable(_, let names): return names.joined(separator: ".")
        case .bool(_, let v): return v ? "true" : "false"
        case .dot: return "."
        case .nilLiteral: return "nil"
        case .number(let n): return n.text
        case .string(_, let quoted, _): return quoted
        }
    }
}
