extension YAMLScalarResolver {
    /// Whether yaml.v2 would read the text as a timestamp: one of the layouts
    /// `2006-1-2T15:4:5.999999999Z07:00` (also with `t`), `2006-1-2 15:4:5.999999999`, `2006-1-2`,
    /// with a four-digit year and a valid calendar date and time.
    static func isTimestamp(_ bytes: [UInt8]) -> Bool {
        var scanner = DigitScanner(bytes: bytes)
        guard let year = scanner.number(min: 4, max: 4), scanner.eat("-"),
            let month = scanner.number(min: 1, max: 2), scanner.eat("-"),
            let day = scanner.number(min: 1, max: 2)
        else { return false }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return false }
        if scanner.atEnd { return true }
        let separator = scanner.next()
        let zoned: Bool
        switch separator {
        case UInt8(ascii: "T"), UInt8(ascii: "t"): zoned = true
        case UInt8(ascii: " "): zoned = false
        default: return false
        }
        guard let hour = scanner.number(min: 1, max: 2), scanner.eat(":"),
            let minute = scanner.number(min: 1, max: 2), scanner.eat(":"),
            let second = scanner.number(min: 1, max: 2),
            hour < 24, minute < 60, second < 60
        else { return false }
        if scanner.peek(".") || scanner.peek(",") {
            _ = scanner.next()
            guard scanner.number(min: 1, max: 9) != nil else { return false }
        }
        if !zoned { return scanner.atEnd }
        if scanner.eat("Z") { return scanner.atEnd }
        guard scanner.peek("+") || scanner.peek("-") else { return false }
        _ = scanner.next()
        guard let zh = scanner.number(min: 2, max: 2), scanner.eat(":"), let zm = scanner.number(min: 2, max: 2),
            zh < 24, zm < 60
        else { return false }
        return scanner.atEnd
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private struct DigitScanner {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        mutating func next() -> UInt8? {
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return bytes[index]
        }

        func peek(_ c: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: c) }

        mutating func eat(_ c: Unicode.Scalar) -> Bool {
            guard peek(c) else { return false }
            index += 1
            return true
        }

        /// Reads between `min` and `max` decimal digits (greedy up to `max`).
        mutating func number(min: Int, max: Int) -> Int? {
            var value = 0
            var count = 0
            while count < max, index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
                count += 1
            }
            return count >= min ? value : nil
        }
    }
}
