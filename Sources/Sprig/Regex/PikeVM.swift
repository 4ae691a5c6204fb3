/// A Pike VM (Thompson NFA simulation with capture slots), Go's `regexp` machine: time
/// O(text × program), memory O(program × slots), never backtracking. Threads are kept in
/// priority order and a match cuts off every lower-priority thread, which gives Go's
/// leftmost-first (Perl-like) results, submatches included.
struct PikeVM {
    let program: RegexProgram

    /// A run queue: the instructions reached at one text position, in priority order, each
    /// visited once, with the capture slots of the thread that reached it first.
    private struct Queue {
        var sparse: [Int32]
        var dense: [Int32] = []
        var hasThread: [Bool] = []
        var slots: [Int]
        let width: Int

        init(size: Int, width: Int) {
            sparse = Array(repeating: 0, count: size)
            slots = Array(repeating: -1, count: size * width)
            self.width = width
            dense.reserveCapacity(size)
            hasThread.reserveCapacity(size)
        }

        func contains(_ pc: Int) -> Bool {
            let j = Int(sparse[pc])
            return j < dense.count && Int(dense[j]) == pc
        }

        mutating func insert(_ pc: Int) -> Int {
            sparse[pc] = Int32(dense.count)
            dense.append(Int32(pc))
            hasThread.append(false)
            return dense.count - 1
        }

        mutating func clear() {
            dense.removeAll(keepingCapacity: true)
            hasThread.removeAll(keepingCapacity: true)
        }
    }

    private enum Work { case visit(Int), restore(slot: Int, value: Int) }

    /// The leftmost-first match starting the search at `start` (earlier text still counts as
    /// context for `^`, `\b`), as capture slot positions (scalar offsets, -1 when unset), or
    /// nil. `text` is the whole subject as Unicode scalar values.
    func execute(_ text: [UInt32], from start: Int) -> [Int]? {
        let n = program.insts.count
        let width = program.slotCount
        var run = Queue(size: n, width: width)
        var next = Queue(size: n, width: width)
        var matched: [Int]? = nil
        var caps = Array(repeating: -1, count: width)
        var stack: [Work] = []
        var pos = start
        while true {
            if run.dense.isEmpty {
                if matched != nil { break }
                if program.anchoredStart && pos != 0 { break }
            }
            if matched == nil && (pos == 0 || !program.anchoredStart) {
                for i in caps.indices { caps[i] = -1 }
                add(&run, program.start, at: pos, text: text, caps: &caps, stack: &stack)
            }
            let c: UInt32? = pos < text.count ? text[pos] : nil
            var k = 0
            while k < run.dense.count {
                defer { k += 1 }
                guard run.hasThread[k] else { continue }
                let pc = Int(run.dense[k])
                let base = k * width
                let advance: Bool
                switch program.insts[pc] {
                case .match:
                    var found = Array(run.slots[base..<base + width])
                    found[1] = pos
                    matched = found
                    k = run.dense.count
                    continue
                case .scalar(let s): advance = c == s
                case .scalars(let set): advance = c.map(set.contains) ?? false
                case .charClass(let cls): advance = c.map(cls.contains) ?? false
                case .any: advance = c != nil
                case .anyNotNL: advance = c != nil && c != 10
                default: advance = false
                }
                if advance {
                    for i in 0..<width { caps[i] = run.slots[base + i] }
                    add(&next, pc + 1, at: pos + 1, text: text, caps: &caps, stack: &stack)
                }
            }
            if pos >= text.count { break }
            pos += 1
            swap(&run, &next)
            next.clear()
        }
        return matched
    }

    /// Follows empty transitions from `pc` at `pos`, recording a thread at every consuming
    /// instruction (and `match`) not yet in `queue`. Iterative: programs can be large.
    private func add(_ queue: inout Queue, _ pc: Int, at pos: Int, text: [UInt32], caps: inout [Int],
                     stack: inout [Work]) {
        stack.append(.visit(pc))
        while let work = stack.popLast() {
            switch work {
            case .restore(let slot, let value):
                caps[slot] = value
            case .visit(let pc):
                if queue.contains(pc) { continue }
                let j = queue.insert(pc)
                switch program.insts[pc] {
                case .split(let x, let y):
                    stack.append(.visit(y))
                    stack.append(.visit(x))
                case .jump(let x):
                    stack.append(.visit(x))
                case .save(let slot):
                    if slot < caps.count {
                        stack.append(.restore(slot: slot, value: caps[slot]))
                        caps[slot] = pos
                    }
                    stack.append(.visit(pc + 1))
                case .assert(let a):
                    if Self.holds(a, text, pos) { stack.append(.visit(pc + 1)) }
                case .fail:
                    break
                default:
                    queue.hasThread[j] = true
                    let base = j * queue.width
                    for i in 0..<queue.width { queue.slots[base + i] = caps[i] }
                }
            }
        }
    }

    static func isWordChar(_ c: UInt32) -> Bool {
        (48...57).contains(c) || (65...90).contains(c) || (97...122).contains(c) || c == 95
    }

    static func holds(_ a: EmptyAssertion, _ text: [UInt32], _ pos: Int) -> Bool {
        let before: UInt32? = pos > 0 ? text[pos - 1] : nil
        let after: UInt32? = pos < text.count ? text[pos] : nil
        switch a {
        case .beginText: return before == nil
        case .endText: return after == nil
        case .beginLine: return before == nil || before == 10
        case .endLine: return after == nil || after == 10
        case .wordBoundary, .noWordBoundary:
            let w1 = before.map(isWordChar) ?? false
            let w2 = after.map(isWordChar) ?? false
            return (w1 != w2) == (a == .wordBoundary)
        }
    }
}
