/// Go's reference-time layouts (`2006-01-02T15:04:05Z07:00`) for formatting and parsing.
enum GoLayout {
    static let longMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let longDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    enum Token: Equatable {
        case literal(String)
        case longMonth, month, numMonth, zeroMonth, longWeekDay, weekDay, day, underDay, zeroDay
        case underYearDay, zeroYearDay, hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond
        case longYear, year, pm, lowerPM, tz, iso8601TZ, iso8601SecondsTZ, iso8601ShortTZ, iso8601ColonTZ
        case iso8601ColonSecondsTZ, numTZ, numSecondsTZ, numShortTZ, numColonTZ, numColonSecondsTZ
        case fraction(digits: Int, trim: Bool, separator: Character)
    }

    /// Splits a layout into tokens, the way Go's `nextStdChunk` recognises them.
    static func tokenize(_ layout: String) -> [Token] {
        let c = Array(layout)
        var tokens: [Token] = []
        var literal = ""
        var i = 0
        func has(_ s: String) -> Bool {
            let p = Array(s)
            return i + p.count <= c.count && Array(c[i..<(i + p.count)]) == p
        }
        func emit(_ t: Token, _ n: Int) {
            if !literal.isEmpty { tokens.append(.literal(literal)); literal = "" }
            tokens.append(t); i += n
        }
        let table: [(String, Token)] = [
            ("January", .longMonth), ("Jan", .month), ("Monday", .longWeekDay), ("Mon", .weekDay), ("MST", .tz),
            ("01", .zeroMonth), ("02", .zeroDay), ("03", .zeroHour12), ("04", .zeroMinute), ("05", .zeroSecond),
            ("06", .year), ("002", .zeroYearDay), ("__2", .underYearDay), ("_2", .underDay), ("15", .hour),
            ("2006", .longYear), ("Z070000", .iso8601SecondsTZ), ("Z07:00:00", .iso8601ColonSecondsTZ),
            ("Z0700", .iso8601TZ), ("Z07:00", .iso8601ColonTZ), ("Z07", .iso8601ShortTZ),
            ("-070000", .numSecondsTZ), ("-07:00:00", .numColonSecondsTZ), ("-0700", .numTZ),
            ("-07:00", .numColonTZ), ("-07", .numShortTZ), ("PM", .pm), ("pm", .lowerPM),
        ]
        outer: while i < c.count {
            if c[i] == "0" && has("002") { emit(.zeroYearDay, 3); continue }
            if c[i] == "2" && has("2006") { emit(.longYear, 4); continue }
            for (text, token) in table where has(text) {
                if text == "Jan" && has("January") { continue }
                if text == "Mon" && has("Monday") { continue }
                emit(token, text.count)
                continue outer
            }
            if (c[i] == "." || c[i] == ","), i + 1 < c.count, c[i + 1] == "0" || c[i + 1] == "9" {
                let digit = c[i + 1]
                var j = i + 1
                while j < c.count, c[j] == digit { j += 1 }
                if j == c.count || !c[j].isNumber {
                    emit(.fraction(digits: j - i - 1, trim: digit == "9", separator: c[i]), j - i)
                    continue
                }
            }
            switch c[i] {
            case "1": emit(.numMonth, 1)
            case "2": emit(.day, 1)
            case "3": emit(.hour12, 1)
            case "4": emit(.minute, 1)
            case "5": emit(.second, 1)
            default: literal.append(c[i]); i += 1
            }
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        return tokens
    }

    static func pad(_ v: Int, _ width: Int, _ fill: Character = "0") -> String {
        let s = String(abs(v))
        return (v < 0 ? "-" : "") + String(repeating: fill, count: max(0, width - s.count)) + s
    }

    /// `Time.Format(layout)`.
    static func format(_ t: GoTime, _ layout: String) -> String {
        let f = t.civil
        var out = ""
        for token in tokenize(layout) {
            switch token {
            case .literal(let s): out += s
            case .longMonth: out += longMonths[f.month - 1]
            case .month: out += String(longMonths[f.month - 1].prefix(3))
            case .numMonth: out += String(f.month)
            case .zeroMonth: out += pad(f.month, 2)
            case .longWeekDay: out += longDays[f.weekday]
            case .weekDay: out += String(longDays[f.weekday].prefix(3))
            case .day: out += String(f.day)
            case .underDay: out += pad(f.day, 2, " ")
            case .zeroDay: out += pad(f.day, 2)
            case .underYearDay: out += pad(f.yearDay, 3, " ")
            case .zeroYearDay: out += pad(f.yearDay, 3)
            case .hour: out += pad(f.hour, 2)
            case .hour12: out += String(f.hour % 12 == 0 ? 12 : f.hour % 12)
            case .zeroHour12: out += pad(f.hour % 12 == 0 ? 12 : f.hour % 12, 2)
            case .minute: out += String(f.minute)
            case .zeroMinute: out += pad(f.minute, 2)
            case .second: out += String(f.second)
            case .zeroSecond: out += pad(f.second, 2)
            case .longYear: out += pad(f.year, 4)
            case .year: out += pad(f.year % 100, 2)
            case .pm: out += f.hour >= 12 ? "PM" : "AM"
            case .lowerPM: out += f.hour >= 12 ? "pm" : "am"
            case .tz: out += t.zone.isEmpty ? GoTime.numericZone(t.offset) : t.zone
            case .fraction(let digits, let trim, let sep):
                var frac = pad(Int(t.nanos), 9)
                frac = String(frac.prefix(digits))
                if trim {
                    while frac.hasSuffix("0") { frac.removeLast() }
                    if !frac.isEmpty { out += String(sep) + frac }
                } else {
                    out += String(sep) + frac
                }
            default:
                out += zoneText(token, t.offset)
            }
        }
        return out
    }

    static func zoneText(_ token: Token, _ offset: Int) -> String {
        let iso: Bool
        switch token {
        case .iso8601TZ, .iso8601ColonTZ, .iso8601ShortTZ, .iso8601SecondsTZ, .iso8601ColonSecondsTZ: iso = true
        default: iso = false
        }
        if iso && offset == 0 { return "Z" }
        let sign = offset < 0 ? "-" : "+"
        let a = abs(offset)
        let h = pad(a / 3600, 2), m = pad((a % 3600) / 60, 2), s = pad(a % 60, 2)
        switch token {
        case .iso8601ShortTZ, .numShortTZ: return sign + h
        case .iso8601ColonTZ, .numColonTZ: return sign + h + ":" + m
        case .iso8601SecondsTZ, .numSecondsTZ: return sign + h + m + s
        case .iso8601ColonSecondsTZ, .numColonSecondsTZ: return sign + h + ":" + m + ":" + s
        default: return sign + h + m
        }
    }
}
