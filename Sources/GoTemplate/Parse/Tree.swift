/// One parsed template: its name, the name of the text it was parsed from (`ParseName`, used
/// in error locations), that text, and its body (`nil` for an empty/incomplete definition).
public final class Tree: Sendable {
    public let name: String
    public let parseName: String
    public let text: [UInt8]
    public let root: ListNode

    init(name: String, parseName: String, text: [UInt8], root: ListNode) {
        self.name = name
        self.parseName = parseName
        self.text = text
        self.root = root
    }

    /// 1-based line and 0-based byte column of byte offset `pos` (Go's `ErrorContext`).
    public func location(of pos: Int) -> (line: Int, column: Int) {
        let p = min(max(pos, 0), text.count)
        var line = 1
        var lastNewline = -1
        var i = 0
        while i < p {
            if text[i] == 0x0A { line += 1; lastNewline = i }
            i += 1
        }
        return (line, lastNewline < 0 ? p : p - lastNewline - 1)
    }

    /// Go's `parse.IsEmptyTree`: only whitespace text and comments.
    public var isEmpty: Bool { Tree.isEmpty(.list(root)) }

    static func isEmpty(_ node: Node) -> Bool {
        switch node {
        case .comment: return true
        case .list(let l): return l.nodes.allSatisfy(isEmpty)
        case .text(let t): return t.bytes.allSatisfy { Lexer.isSpace($0) || $0 == 0x0B || $0 == 0x0C || $0 == 0x85 || $0 == 0xA0 }
        default: return false
        }
    }
}
