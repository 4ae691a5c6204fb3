import GoTemplate

extension Engine {
    /// Helm's `cleanupParseError`: `parse error at (<file>:<line>): <last ": " segment>`.
    static func cleanupParseError(_ filename: String, _ error: any Error) -> HelmError {
        let text = "\(error)"
        let tokens = text.components(separatedByString: ": ")
        guard tokens.count > 1 else { return HelmError(.render, "parse error in (\(filename)): \(text)") }
        return HelmError(.render, "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])")
    }

    /// Helm's `cleanupExecError`: errors raised by `fail`/`required` (wrapped in
    /// `HELM_ERR_START…HELM_ERR_END`) become `execution error at (<file>:<l>:<c>): <msg>`;
    /// other exec errors pass through as Go formats them.
    static func cleanupExecError(_ filename: String, _ error: any Error) -> HelmError {
        let text = "\(error)"
        guard let goError = error as? GoTemplateError, goError.kind == .exec else {
            return HelmError(.render, text)
        }
        let tokens = text.components(separatedByString: ": ", maxSplits: 2)
        guard tokens.count == 3 else {
            return HelmError(.render, "execution error in (\(filename)): \(text)")
        }
        if let message = helmWrappedMessage(tokens[2]) {
            return HelmError(.render, "execution error at (\(tokens[1])): \(message)")
        }
        return HelmError(.render, text)
    }

    /// The submatch of `HELM_ERR_START(.*)HELM_ERR_END` (no newlines inside, greedy).
    static func helmWrappedMessage(_ text: String) -> String? {
        let start = "HELM_ERR_START", end = "HELM_ERR_END"
        var searchFrom = text.startIndex
        while let s = text[searchFrom...].firstRange(of: start) {
            let lineEnd = text[s.upperBound...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[s.upperBound..<lineEnd]
            if let e = line.ranges(of: end).last {
                return String(line[..<e.lowerBound])
            }
            searchFrom = s.upperBound
        }
        return nil
    }
}

extension String {
    /// Go's `strings.SplitN(s, sep, n)` (`maxSplits` = n-1; unlimited by default).
    func components(separatedByString separator: String, maxSplits: Int = .max) -> [String] {
        var result: [String] = []
        var rest = Substring(self)
        while result.count < maxSplits, let range = rest.firstRange(of: separator) {
            result.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        result.append(String(rest))
        return result
    }
}
