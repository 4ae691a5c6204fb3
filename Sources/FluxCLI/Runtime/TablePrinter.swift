/// flux's table output (`olekukonko/tablewriter` v0.0.5 as `printers.TablePrinter` configures it):
/// no borders, left-aligned, header upper-cased, every cell padded to its column width and
/// followed by a tab; the header's last cell is followed by a space instead. Multi-line cells
/// span rows, padded with two spaces.
enum TablePrinter {
    static func render(header: [String], rows: [[String]]) -> String {
        let columnCount = max(header.count, rows.map(\.count).max() ?? 0)
        var widths = Array(repeating: 0, count: columnCount)
        for (i, h) in header.enumerated() { widths[i] = max(widths[i], displayWidth(h)) }
        let splitRows = rows.map { row in row.map { cell in cell.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } }
        for row in splitRows {
            for (i, lines) in row.enumerated() {
                for line in lines { widths[i] = max(widths[i], displayWidth(line)) }
            }
        }
        var out = ""
        if !header.isEmpty {
            for (i, h) in header.enumerated() {
                let title = headerTitle(h)
                let pad = i == header.count - 1 ? " " : "\t"
                out += padRight(title, widths[i]) + pad
            }
            out += "\n"
        }
        for row in splitRows {
            let height = row.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                for (i, lines) in row.enumerated() {
                    let cell = lineIndex < lines.count ? lines[lineIndex] : "  "
                    out += padRight(cell, widths[i]) + "\t"
                }
                out += "\n"
            }
        }
        return out
    }

    /// tablewriter's `Title`: `_` (and `.` between non-digits) become spaces, trimmed, upper-cased.
    static func headerTitle(_ name: String) -> String {
        var chars = Array(name)
        for (i, c) in chars.enumerated() {
            if c == "_" { chars[i] = " " }
            if c == "." {
                let prevDigit = i > 0 && (chars[i - 1].isNumber || chars[i - 1] == " ")
                let nextDigit = i < chars.count - 1 && (chars[i + 1].isNumber || chars[i + 1] == " ")
                if (i != 0 && !prevDigit) || (i != chars.count - 1 && !nextDigit) { chars[i] = " " }
            }
        }
        var s = String(chars)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        if s.isEmpty && !name.isEmpty { s = " " }
        return s.uppercased()
    }

    static func padRight(_ s: String, _ width: Int) -> String {
        let gap = width - displayWidth(s)
        return gap > 0 ? s + String(repeating: " ", count: gap) : s
    }

    /// `runewidth.StringWidth` for the text tables hold: East Asian wide characters count two,
    /// combining marks none.
    static func displayWidth(_ s: String) -> Int {
        var width = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark || v == 0x200B {
                continue
            }
            if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x20000...0x3FFFD).contains(v) {
                width += 2
            } else {
                width += 1
            }
        }
        return width
    }
}
