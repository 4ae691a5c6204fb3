extension Printer {
    static func tooLarge(_ x: Int) -> Bool { x > 1_000_000 || x < -1_000_000 }

    /// Go's `parsenum`: (number, found, new index).
    static func parseNum(_ s: [UInt8], _ start: Int, _ end: Int) -> (Int, Bool, Int) {
        if start >= end { return (0, false, end) }
        var num = 0
        var i = start
        var found = false
        while i < end && s[i] >= 0x30 && s[i] <= 0x39 {
            if tooLarge(num) { return (0, false, end) }
            num = num * 10 + Int(s[i] - 0x30)
            found = true
            i += 1
        }
        return (num, found, i)
    }

    /// Go's `parseArgNumber`: (zero-based index, width consumed, ok).
    static func parseArgNumber(_ s: ArraySlice<UInt8>) -> (Int, Int, Bool) {
        let a = Array(s)
        if a.count < 3 { return (0, 1, false) }
        for i in 1..<a.count where a[i] == UInt8(ascii: "]") {
            let (width, ok, newi) = parseNum(a, 1, i)
            if !ok || newi != i { return (0, i + 1, false) }
            return (width - 1, i + 1, true)
        }
        return (0, 1, false)
    }

    func intFromArg(_ a: [GoValue], _ argNum: Int) -> (Int, Bool, Int) {
        guard argNum < a.count else { return (0, false, argNum) }
        var num = 0
        var isInt = false
        switch a[argNum] {
        case .int(let v, _): num = Int(v); isInt = true
        case .uint(let v, _): if v <= UInt64(Int.max) { num = Int(v); isInt = true }
        default: break
        }
        if Printer.tooLarge(num) { num = 0; isInt = false }
        return (num, isInt, argNum + 1)
    }

    /// Go's `doPrintf`.
    mutating func doPrintf(_ format: [UInt8], _ a: [GoValue]) {
        let end = format.count
        var argNum = 0
        var afterIndex = false
        var reordered = false
        var i = 0
        var goodArgNum = true

        func argNumber(_ argNum: Int, _ i: Int) -> (Int, Int, Bool) {
            if format.count <= i || format[i] != UInt8(ascii: "[") { return (argNum, i, false) }
            reordered = true
            let (index, wid, ok) = Printer.parseArgNumber(format[i...])
            if ok && index >= 0 && index < a.count { return (index, i + wid, true) }
            goodArgNum = false
            return (argNum, i + wid, ok)
        }

        formatLoop: while i < end {
            goodArgNum = true
            let lasti = i
            while i < end && format[i] != UInt8(ascii: "%") { i += 1 }
            if i > lasti { buf.append(contentsOf: format[lasti..<i]) }
            if i >= end { break }
            i += 1
            f = FmtFlags()
            simple: while i < end {
                let c = format[i]
                switch c {
                case UInt8(ascii: "#"): f.sharp = true
                case UInt8(ascii: "0"): f.zero = !f.minus
                case UInt8(ascii: "+"): f.plus = true
                case UInt8(ascii: "-"): f.minus = true; f.zero = false
                case UInt8(ascii: " "): f.space = true
                default:
                    if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") && argNum < a.count {
                        if c == UInt8(ascii: "v") {
                            f.sharpV = f.sharp; f.sharp = false
                            f.plusV = f.plus; f.plus = false
                        }
                        printArg(a[argNum], c)
                        argNum += 1
                        i += 1
                        continue formatLoop
                    }
                    break simple
                }
                i += 1
            }
            (argNum, i, afterIndex) = argNumber(argNum, i)
            if i < end && format[i] == UInt8(ascii: "*") {
                i += 1
                (f.wid, f.widPresent, argNum) = intFromArg(a, argNum)
                if !f.widPresent { buf.append(contentsOf: "%!(BADWIDTH)".utf8) }
                if f.wid < 0 { f.wid = -f.wid; f.minus = true; f.zero = false }
                afterIndex = false
            } else {
                (f.wid, f.widPresent, i) = Printer.parseNum(format, i, end)
                if afterIndex && f.widPresent { goodArgNum = false }
            }
            if i + 1 < end && format[i] == UInt8(ascii: ".") {
                i += 1
                if afterIndex { goodArgNum = false }
                (argNum, i, afterIndex) = argNumber(argNum, i)
                if i < end && format[i] == UInt8(ascii: "*") {
                    i += 1
                    (f.prec, f.precPresent, argNum) = intFromArg(a, argNum)
                    if f.prec < 0 { f.prec = 0; f.precPresent = false }
                    if !f.precPresent { buf.append(contentsOf: "%!(BADPREC)".utf8) }
                    afterIndex = false
                } else {
                    (f.prec, f.precPresent, i) = Printer.parseNum(format, i, end)
                    if !f.precPresent { f.prec = 0; f.precPresent = true }
                }
            }
            if !afterIndex { (argNum, i, afterIndex) = argNumber(argNum, i) }
            if i >= end { buf.append(contentsOf: "%!(NOVERB)".utf8); break }
            var verb = format[i]
            var verbBytes = [verb]
            var size = 1
            if verb >= 0x80 {
                let (_, w) = GoQuoteBridge.decode(format, at: i)
                size = w
                verbBytes = Array(format[i..<min(end, i + w)])
                verb = 0xFF
            }
            i += size
            if verb == UInt8(ascii: "%") {
                buf.append(UInt8(ascii: "%"))
            } else if !goodArgNum {
                buf.append(contentsOf: "%!".utf8); buf.append(contentsOf: verbBytes); buf.append(contentsOf: "(BADINDEX)".utf8)
            } else if argNum >= a.count {
                buf.append(contentsOf: "%!".utf8); buf.append(contentsOf: verbBytes); buf.append(contentsOf: "(MISSING)".utf8)
            } else {
                if verb == UInt8(ascii: "v") {
                    f.sharpV = f.sharp; f.sharp = false
                    f.plusV = f.plus; f.plus = false
                }
                if verb == 0xFF {
                    // Non-ASCII verbs are never valid.
                    let arg = a[argNum]
                    buf.append(contentsOf: "%!".utf8); buf.append(contentsOf: verbBytes); buf.append(UInt8(ascii: "("))
                    if arg.isPlainNil { buf.append(contentsOf: "<nil>".utf8) } else {
                        buf.append(contentsOf: arg.typeName.utf8); buf.append(UInt8(ascii: "="))
                        printArg(arg, UInt8(ascii: "v"))
                    }
                    buf.append(UInt8(ascii: ")"))
                } else {
                    printArg(a[argNum], verb)
                }
                argNum += 1
            }
        }
        if !reordered && argNum < a.count {
            f = FmtFlags()
            buf.append(contentsOf: "%!(EXTRA ".utf8)
            for (k, arg) in a[argNum...].enumerated() {
                if k > 0 { buf.append(contentsOf: ", ".utf8) }
                if arg.isPlainNil { buf.append(contentsOf: "<nil>".utf8) } else {
                    buf.append(contentsOf: arg.typeName.utf8)
                    buf.append(UInt8(ascii: "="))
                    printArg(arg, UInt8(ascii: "v"))
                }
            }
            buf.append(UInt8(ascii: ")"))
        }
    }
}

import GoCompat
enum GoQuoteBridge {
    static func decode(_ b: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) { GoQuote.decode(b, at: i) }
}
