import GoCompat

extension Printer {
    /// Go's `printArg` / `printValue` merged over `GoValue` (`depth` 0 is the operand itself).
    mutating func printArg(_ arg: GoValue, _ verb: UInt8, depth: Int = 0) {
        if verb == UInt8(ascii: "T") && depth == 0 {
            pad(arg.typeName)
            return
        }
        switch arg {
        case .invalid:
            if depth == 0 || verb == UInt8(ascii: "v") {
                if verb == UInt8(ascii: "v") { pad("<nil>") } else { badVerb(verb, nil) }
            } else {
                badVerb(verb, nil)
            }
        case .nilValue(let t):
            if t.kind == .interface {
                if depth > 0 {
                    buf.append(contentsOf: (f.sharpV ? "interface {}(nil)" : "<nil>").utf8)
                } else if verb == UInt8(ascii: "v") {
                    pad("<nil>")
                } else {
                    badVerb(verb, nil)
                }
            } else if t.kind == .slice || t.kind == .map {
                if f.sharpV {
                    buf.append(contentsOf: (t.name + (t.kind == .map ? "(nil)" : "(nil)")).utf8)
                } else {
                    printEmptyCollection(t, verb)
                }
            } else {
                if verb == UInt8(ascii: "v") || verb == UInt8(ascii: "p") {
                    if f.sharpV { buf.append(contentsOf: "(\(t.name))(nil)".utf8) } else { pad("<nil>") }
                } else {
                    badVerb(verb, arg)
                }
            }
        case .bool(let b):
            if verb == UInt8(ascii: "t") || verb == UInt8(ascii: "v") { pad(b ? "true" : "false") } else { badVerb(verb, arg) }
        case .int(let i, _):
            fmtInteger(UInt64(bitPattern: i), signed: true, verb, arg)
        case .uint(let u, _):
            fmtInteger(u, signed: false, verb, arg)
        case .float(let d, let t):
            fmtFloatVerb(d, size: t.kind == .float32 ? 32 : 64, verb, arg)
        case .complex(let r, let i, let t):
            fmtComplex(r, i, size: t.kind == .complex64 ? 32 : 64, verb, arg)
        case .string(let s):
            fmtString(s, verb, arg)
        case .bytes(let b):
            fmtBytes(b, verb, typeName: "[]byte", arg)
        case .list(let l):
            printList(l, verb, depth: depth, arg)
        case .map(let m):
            printMap(m, verb, depth: depth)
        case .object(let o):
            printObject(o, verb, depth: depth, arg)
        case .function(let fn):
            if verb == UInt8(ascii: "v") || verb == UInt8(ascii: "p") {
                pad("0x" + String(UInt(bitPattern: fn.name.hashValue) & 0xffffff, radix: 16))
            } else {
                badVerb(verb, arg)
            }
        }
    }

    mutating func printEmptyCollection(_ t: GoType, _ verb: UInt8) {
        buf.append(contentsOf: (t.kind == .map ? "map[]" : "[]").utf8)
    }

    mutating func printList(_ l: GoList, _ verb: UInt8, depth: Int, _ arg: GoValue) {
        if l.type.elem?.kind == .uint8, verb == UInt8(ascii: "s") || verb == UInt8(ascii: "q") || verb == UInt8(ascii: "x") || verb == UInt8(ascii: "X") {
            let bytes = l.items.map { v -> UInt8 in
                if case .uint(let u, _) = v { return UInt8(truncatingIfNeeded: u) }
                if case .int(let i, _) = v { return UInt8(truncatingIfNeeded: i) }
                return 0
            }
            fmtBytes(bytes, verb, typeName: l.type.name, arg)
            return
        }
        if f.sharpV {
            buf.append(contentsOf: l.type.name.utf8)
            buf.append(UInt8(ascii: "{"))
            for (i, e) in l.items.enumerated() {
                if i > 0 { buf.append(contentsOf: ", ".utf8) }
                printArg(e, verb, depth: depth + 1)
            }
            buf.append(UInt8(ascii: "}"))
            return
        }
        buf.append(UInt8(ascii: "["))
        for (i, e) in l.items.enumerated() {
            if i > 0 { buf.append(0x20) }
            printArg(e, verb, depth: depth + 1)
        }
        buf.append(UInt8(ascii: "]"))
    }

    mutating func printMap(_ m: GoMap, _ verb: UInt8, depth: Int) {
        if f.sharpV {
            buf.append(contentsOf: m.type.name.utf8)
            buf.append(UInt8(ascii: "{"))
        } else {
            buf.append(contentsOf: "map[".utf8)
        }
        for (i, k) in m.sortedKeys.enumerated() {
            if i > 0 { if f.sharpV { buf.append(contentsOf: ", ".utf8) } else { buf.append(0x20) } }
            printArg(.string(k), verb, depth: depth + 1)
            buf.append(UInt8(ascii: ":"))
            printArg(m.entries[k] ?? .invalid, verb, depth: depth + 1)
        }
        buf.append(f.sharpV ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    mutating func printObject(_ o: any GoObject, _ verb: UInt8, depth: Int, _ arg: GoValue) {
        // handleMethods: Error, then String, for %v %s %x %X %q.
        if !erroring && !f.sharpV,
           [UInt8(ascii: "v"), UInt8(ascii: "s"), UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "q")].contains(verb) {
            for name in ["Error", "String"] {
                if let m = o.method(name), m.parameters.isEmpty, m.variadic == nil {
                    let ctx = GoCallContext(template: Template(name: ""))
                    if let r = try? m.body([], ctx), case .string(let s) = r {
                        fmtString(s, verb, arg)
                        return
                    }
                }
            }
        }
        if let u = o.underlying {
            printArg(u, verb, depth: depth)
            return
        }
        if o.isNil {
            if verb == UInt8(ascii: "v") { pad("<nil>") } else { badVerb(verb, arg) }
            return
        }
        if o.goType.kind == .pointer {
            if depth == 0 {
                if !derefTopLevel { buf.append(UInt8(ascii: "&")) }
            } else {
                pad("0xc000010000")
                return
            }
        }
        if f.sharpV { buf.append(contentsOf: o.goType.name.trimmingPrefix("*").utf8) }
        buf.append(UInt8(ascii: "{"))
        for (i, name) in o.fieldNames.enumerated() {
            if i > 0 { if f.sharpV { buf.append(contentsOf: ", ".utf8) } else { buf.append(0x20) } }
            if f.plusV || f.sharpV { buf.append(contentsOf: name.utf8); buf.append(UInt8(ascii: ":")) }
            printArg(o.field(name) ?? .invalid, verb, depth: depth + 1)
        }
        buf.append(UInt8(ascii: "}"))
    }
}

extension String {
    func trimmingPrefix(_ p: String) -> String { hasPrefix(p) ? String(dropFirst(p.count)) : self }
}
