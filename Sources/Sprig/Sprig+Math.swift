import GoCompat
import GoTemplate

extension Sprig {
    static let math: [GoFunction] = [
        fn("add1", [.any], result: .int64) { a in .int64(Cast.toInt64(a[0]) &+ 1) },
        fn("add", [], variadic: .any, result: .int64) { a in .int64(a.reduce(0) { $0 &+ Cast.toInt64($1) }) },
        fn("sub", [.any, .any], result: .int64) { a in .int64(Cast.toInt64(a[0]) &- Cast.toInt64(a[1])) },
        fn("mul", [.any], variadic: .any, result: .int64) { a in .int64(a.dropFirst().reduce(Cast.toInt64(a[0])) { $0 &* Cast.toInt64($1) }) },
        fn("div", [.any, .any], result: .int64) { a in
            let d = Cast.toInt64(a[1])
            guard d != 0 else { throw SprigError("runtime error: integer divide by zero") }
            return .int64(Cast.toInt64(a[0]).dividedReportingOverflow(by: d).partialValue)
        },
        fn("mod", [.any, .any], result: .int64) { a in
            let d = Cast.toInt64(a[1])
            guard d != 0 else { throw SprigError("runtime error: integer divide by zero") }
            return .int64(Cast.toInt64(a[0]).remainderReportingOverflow(dividingBy: d).partialValue)
        },
        fn("max", [.any], variadic: .any, result: .int64) { a in .int64(a.map(Cast.toInt64).max() ?? 0) },
        fn("biggest", [.any], variadic: .any, result: .int64) { a in .int64(a.map(Cast.toInt64).max() ?? 0) },
        fn("min", [.any], variadic: .any, result: .int64) { a in .int64(a.map(Cast.toInt64).min() ?? 0) },
        fn("until", [.int], result: .sliceOfInt) { a in
            let n = a[0].intValue
            return try untilStep(0, n, n < 0 ? -1 : 1)
        },
        fn("untilStep", [.int, .int, .int], result: .sliceOfInt) { a in try untilStep(a[0].intValue, a[1].intValue, a[2].intValue) },
        fn("seq", [], variadic: .int, result: .string) { a in .string(try seq(a.map(\.intValue))) },
        fn("atoi", [.string], result: .int) { a in .goInt(Int(Cast.parseInt(a[0].str, base: 10) ?? 0)) },
        fn("int", [.any], result: .int) { a in .goInt(Int(Cast.toInt64(a[0]))) },
        fn("int64", [.any], result: .int64) { a in .int64(Cast.toInt64(a[0])) },
        fn("float64", [.any], result: .float64) { a in .float64(Cast.toFloat64(a[0])) },
        fn("toDecimal", [.any], result: .int64) { a in .int64(Cast.parseInt(a[0].strval, base: 8) ?? 0) },
    ]

    /// Sprig's `untilStep`: `[start, stop)` by `step`; an empty list when the step does not
    /// move towards `stop`.
    static func untilStep(_ start: Int, _ stop: Int, _ step: Int) throws(SprigError) -> GoValue {
        try SprigLimits.checkList(SprigLimits.stepCount(start, stop, step))
        var items: [GoValue] = []
        if step == 0 { return .list(items, type: .sliceOfInt) }
        if stop < start {
            guard step < 0 else { return .list(items, type: .sliceOfInt) }
            var i = start
            while i > stop {
                items.append(.goInt(i))
                let (next, overflow) = i.addingReportingOverflow(step)
                if overflow { break }
                i = next
            }
        } else {
            guard step > 0 else { return .list(items, type: .sliceOfInt) }
            var i = start
            while i < stop {
                items.append(.goInt(i))
                let (next, overflow) = i.addingReportingOverflow(step)
                if overflow { break }
                i = next
            }
        }
        return .list(items, type: .sliceOfInt)
    }

    /// Sprig's `seq` (GNU seq): `seq last`, `seq first last`, `seq first step last`,
    /// counting down when `last < first`.
    static func seq(_ p: [Int]) throws(SprigError) -> String {
        let values: GoValue
        switch p.count {
        case 1:
            let inc = p[0] < 1 ? -1 : 1
            values = try untilStep(1, p[0] &+ inc, inc)
        case 2:
            let step = p[1] < p[0] ? -1 : 1
            values = try untilStep(p[0], p[1] &+ step, step)
        case 3:
            var inc = 1
            if p[2] < p[0] {
                inc = -1
                if p[1] > 0 { return "" }
            }
            values = try untilStep(p[0], p[2] &+ inc, p[1])
        default:
            return ""
        }
        return (values.listItems ?? []).map { String($0.int64) }.joined(separator: " ")
    }
}
