import Foundation

extension GoLayout {
    /// `time.ParseInLocation(layout, value, loc)` for the common layout elements. Without a
    /// zone in the value the wall time is taken in `zone` ("Local" or "UTC").
    static func parse(_ layout: String, _ value: String, zone: String = "Local") throws(SprigError) -> GoTime {
        var rest = Substring(value)
        var year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, nanos: Int64 = 0
        var pm: Bool? = nil
        var offset: Int? = nil
        var zoneName: String? = nil
        func fail(_ what: String) -> SprigError {
            SprigError("parsing time \(quote(value)) as \(quote(layout)): cannot parse \(quote(String(rest))) as \(quote(what))")
        }
        func number(_ minDigits: Int, _ maxDigits: Int, _ what: String) throws(SprigError) -> Int {
            var digits = ""
            while digits.count < maxDigits, let c = rest.first, c.isASCII, c.isNumber { digits.append(c); rest.removeFirst() }
            guard digits.count >= minDigits, let v = Int(digits) else { throw fail(what) }
            return v
        }
        func name(_ names: [String], _ length: Int?) throws(SprigError) -> Int {
            for (i, n) in names.enumerated() {
                let candidate = length.map { String(n.prefix($0)) } ?? n
                if rest.lowercased().hasPrefix(candidate.lowercased()) { rest = rest.dropFirst(candidate.count); return i }
            }
            throw fail(length == nil ? names[0] : String(names[0].prefix(3)))
        }
        for token in tokenize(layout) {
            switch token {
            case .literal(let s):
                guard rest.hasPrefix(s) else { throw fail(s) }
                rest = rest.dropFirst(s.count)
            case .longMonth: month = try name(longMonths, nil) + 1
            case .month: month = try name(longMonths, 3) + 1
            case .longWeekDay: _ = try name(longDays, nil)
            case .weekDay: _ = try name(longDays, 3)
            case .numMonth: month = try number(1, 2, "1")
            case .zeroMonth: month = try number(2, 2, "01")
            case .day: day = try number(1, 2, "2")
            case .underDay:
                if rest.first == " " { rest.removeFirst() }
                day = try number(1, 2, "_2")
            case .zeroDay: day = try number(2, 2, "02")
            case .underYearDay, .zeroYearDay: _ = try number(3, 3, "002")
            case .hour: hour = try number(2, 2, "15")
            case .hour12: hour = try number(1, 2, "3")
            case .zeroHour12: hour = try number(2, 2, "03")
            case .minute: minute = try number(1, 2, "4")
            case .zeroMinute: minute = try number(2, 2, "04")
            case .second, .zeroSecond:
                second = try number(token == .second ? 1 : 2, 2, token == .second ? "5" : "05")
                if let c = rest.first, c == "." || c == ",", rest.dropFirst().first?.isNumber == true {
                    rest.removeFirst()
                    nanos = try fraction()
                }
            case .longYear: year = try number(4, 4, "2006")
            case .year: year = try number(2, 2, "06") ; year += year >= 69 ? 1900 : 2000
            case .pm, .lowerPM:
                let text = rest.prefix(2).uppercased()
                guard text == "AM" || text == "PM" else { throw fail("PM") }
                pm = text == "PM"; rest = rest.dropFirst(2)
            case .tz:
                if rest.hasPrefix("UTC") { rest = rest.dropFirst(3); offset = 0; zoneName = "UTC"; break }
                var letters = ""
                while let c = rest.first, c.isUppercase { letters.append(c); rest.removeFirst() }
                guard letters.count >= 3 else { throw fail("MST") }
                zoneName = letters
            case .fraction:
                if let c = rest.first, c == "." || c == "," { rest.removeFirst(); nanos = try fraction() }
            default:
                if rest.first == "Z", "\(token)".hasPrefix("iso") { rest.removeFirst(); offset = 0; zoneName = "UTC"; break }
                guard let sign = rest.first, sign == "+" || sign == "-" else { throw fail("-0700") }
                rest.removeFirst()
                let h = try number(2, 2, "-07")
                if rest.first == ":" { rest.removeFirst() }
                let m = (rest.first?.isNumber ?? false) ? try number(2, 2, "-0700") : 0
                offset = (sign == "-" ? -1 : 1) * (h * 3600 + m * 60)
            }
        }
        func fraction() throws(SprigError) -> Int64 {
            var digits = ""
            while let c = rest.first, c.isASCII, c.isNumber { digits.append(c); rest.removeFirst() }
            let padded = (digits + "000000000").prefix(9)
            return Int64(padded) ?? 0
        }
        guard rest.isEmpty else {
            throw SprigError("parsing time \(quote(value)) as \(quote(layout)): extra text: \(quote(String(rest)))")
        }
        if let pm { if pm && hour < 12 { hour += 12 } else if !pm && hour == 12 { hour = 0 } }
        guard (1...12).contains(month) else { throw SprigError("parsing time \(quote(value)): month out of range") }
        guard (1...31).contains(day), hour < 24, minute < 60, second < 60 else {
            throw SprigError("parsing time \(quote(value)): day out of range")
        }
        let wall = Civil.daysFromCivil(year, month, day) * 86400 + Int64(hour * 3600 + minute * 60 + second)
        if let offset {
            var t = GoTime(seconds: wall - Int64(offset), nanos: nanos, offset: offset, zone: zoneName ?? "")
            if offset == 0 && zoneName == "UTC" { t.zone = "UTC" }
            return t
        }
        let base = GoTime(seconds: wall, nanos: nanos, offset: 0, zone: "UTC")
        guard zone != "UTC", let local = base.inZone(zone) else { return base }
        return GoTime(seconds: wall - Int64(local.offset), nanos: nanos, offset: local.offset, zone: local.zone)
    }

    static func quote(_ s: String) -> String { "\"" + s + "\"" }
}
