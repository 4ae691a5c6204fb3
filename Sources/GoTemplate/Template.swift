import GoCompat

/// A set of named templates sharing a function map and options: Go's `*template.Template`
/// and its `common` part. A value type: copying it is cheap (trees are shared, immutable
/// objects), which is how Helm's `tpl` parses into a copy of the whole set.
///
/// ```swift
/// var set = Template(name: "gotpl", functions: sprig, options: .init(missingKey: .zero))
/// try set.parse("{{ .Values.x }}", as: "chart/templates/a.yaml")
/// let text = try set.execute("chart/templates/a.yaml", data: values)
/// ```
public struct Template: Sendable {
    /// Go's `missingkey` option.
    public enum MissingKey: Sendable, Equatable {
        /// `missingkey=default` / `invalid`: a missing map key yields no value.
        case invalid
        /// `missingkey=zero`: the zero value of the map's element type.
        case zero
        /// `missingkey=error`: execution fails with `map has no entry for key "k"`.
        case error
    }

    public struct Options: Sendable {
        public var missingKey: MissingKey
        public var leftDelimiter: String
        public var rightDelimiter: String
        /// Go's `maxExecDepth` (100000). Execution also stops with the same error when the
        /// thread's stack runs low, so deep recursion never crashes the process.
        public var maxExecDepth: Int
        /// Go's `parse.SkipFuncCheck`: accept calls to functions that are not (yet) defined;
        /// executing such a call fails with `"name" is not a defined function`.
        public var skipFunctionCheck: Bool
        /// Budget of nodes walked by one execution, nested `template`/`include`/`tpl` runs
        /// included (Go has none): past it execution stops with `execution exceeded the limit
        /// of N steps`, so no template loops for hours.
        public var maxSteps: Int
        /// Largest output of one execution and largest string a function may return, in
        /// bytes (Go has none): past it execution stops with `output exceeds the limit of N
        /// bytes`, so no template fills memory.
        public var maxOutputBytes: Int
        public init(missingKey: MissingKey = .invalid, leftDelimiter: String = "{{",
                    rightDelimiter: String = "}}", maxExecDepth: Int = 100_000,
                    skipFunctionCheck: Bool = false, maxSteps: Int = 50_000_000,
                    maxOutputBytes: Int = 100 << 20) {
            self.maxSteps = maxSteps
            self.maxOutputBytes = maxOutputBytes
            self.missingKey = missingKey
            self.leftDelimiter = leftDelimiter
            self.rightDelimiter = rightDelimiter
            self.maxExecDepth = maxExecDepth
            self.skipFunctionCheck = skipFunctionCheck
        }
    }

    /// The name of this template (what `execute()` without a name runs).
    public var name: String
    public var options: Options
    /// Caller-supplied functions; they override builtins of the same name.
    public private(set) var functions: [String: GoFunction]
    /// Parsed templates by name.
    public private(set) var trees: [String: Tree] = [:]
    /// Every `parse` call's trees, in call order (what `parsingFirst` replays).
    var parses: [(name: String, trees: [(String, Tree)])] = []

    public init(name: String, functions: [String: GoFunction] = [:], options: Options = Options()) {
        self.name = name
        self.functions = functions
        self.options = options
    }

    /// Adds or replaces functions (Go's `Funcs`). Affects later parses and executions.
    public mutating func addFunctions(_ more: [String: GoFunction]) {
        functions.merge(more) { _, new in new }
    }

    /// Whether `name` resolves to a function or builtin.
    public func hasFunction(_ name: String) -> Bool {
        functions[name] != nil || Builtins.table[name] != nil
    }

    /// Go's `t.New(name).Parse(text)`: parses `text` as template `name` (default: this
    /// template's name); `define`/`block` add further templates. A later definition replaces
    /// an earlier one unless its body is empty; two non-empty definitions of one name in a
    /// single text are an error. Throws `GoTemplateError` (kind `.parse`).
    public mutating func parse(_ text: String, as name: String? = nil) throws {
        let target = name ?? self.name
        let fnames = functions
        var parser = Parser(name: target, text: text, left: options.leftDelimiter,
                            right: options.rightDelimiter,
                            hasFunction: { fnames[$0] != nil || Builtins.table[$0] != nil },
                            skipFunctionCheck: options.skipFunctionCheck)
        try parser.parse(as: target)
        let parsed = parser.order.compactMap { name in parser.trees[name].map { (name, $0) } }
        parses.append((target, parsed))
        associate(parsed)
    }

    /// Go's `associate`: a tree replaces the one of the same name unless it is empty and one
    /// already exists.
    private mutating func associate(_ parsed: [(String, Tree)]) {
        for (treeName, tree) in parsed {
            if trees[treeName] != nil, tree.isEmpty { continue }
            trees[treeName] = tree
        }
    }

    /// The set Helm 3.13's `tpl` executes in (`renderWithReferences`): a fresh set in which
    /// `text` is parsed first as `name`, then this set's own parses are replayed in order,
    /// each only when no template of its name exists yet. So the tpl text always defines
    /// `name` (an empty text renders as empty rather than re-running the calling file), and a
    /// chart `define` replaces a same-named one from the text unless the chart's is empty.
    /// The result replays the same base parses when `tpl` nests. Throws `GoTemplateError`.
    public func parsingFirst(_ text: String, as name: String) throws -> Template {
        var set = Template(name: self.name, functions: functions, options: options)
        try set.parse(text, as: name)
        for parse in parses {
            if set.trees[parse.name] == nil { set.associate(parse.trees) }
        }
        set.parses = parses
        return set
    }

    /// The template named `name`, if defined.
    public func lookup(_ name: String) -> Tree? { trees[name] }

    /// Names of all defined templates, sorted.
    public var templateNames: [String] { trees.keys.sorted() }

    /// Executes template `name` (default: this template's name) with `data` as dot and `$`,
    /// returning the output. Throws `GoTemplateError`.
    public func execute(_ name: String? = nil, data: GoValue, userInfo: [String: any Sendable] = [:]) throws -> String {
        let context = GoCallContext(template: self, userInfo: userInfo)
        return try context.execute(name ?? self.name, data: data)
    }

    func missingTemplateError(_ requested: String) -> GoTemplateError {
        if requested == name {
            return GoTemplateError(kind: .exec, message: "template: \(requested): \(GoQuote.quote(requested)) is an incomplete or empty template")
        }
        return GoTemplateError(kind: .exec, message: "template: no template \(GoQuote.quote(requested)) associated with template \(GoQuote.quote(name))")
    }
}

/// Per-execution context handed to every function body: the template set being executed,
/// caller data (`userInfo`, e.g. Helm's include recursion counter) and a way to execute
/// another named template of the set into a string (Helm's `include`).
public final class GoCallContext {
    public let template: Template
    public var userInfo: [String: any Sendable]
    /// Nesting of `execute` calls made through this context.
    public internal(set) var nesting = 0
    /// Nodes walked so far (checked against `Options.maxSteps`).
    public internal(set) var steps = 0
    var stackFloor: UInt = 0

    public init(template: Template, userInfo: [String: any Sendable] = [:]) {
        self.template = template
        self.userInfo = userInfo
    }

    /// Executes the template `name` of `template` with `data` (fresh variables, depth 0, as
    /// Go's `ExecuteTemplate`). Throws `GoTemplateError`.
    public func execute(_ name: String, data: GoValue) throws -> String {
        guard let tree = template.trees[name] else { throw template.missingTemplateError(name) }
        if nesting == 0 { stackFloor = StackGuard.floor() }
        nesting += 1
        defer { nesting -= 1 }
        let state = ExecState(template: template, tree: tree, context: self, data: data)
        try state.walk(dot: data, node: .list(tree.root))
        return String(decoding: state.out, as: UTF8.self)
    }

    /// Executes another template set (e.g. a `tpl` copy) sharing this context's user info.
    public func execute(_ other: Template, name: String, data: GoValue) throws -> String {
        let ctx = GoCallContext(template: other, userInfo: userInfo)
        ctx.stackFloor = stackFloor
        ctx.nesting = nesting
        ctx.steps = steps
        defer { userInfo = ctx.userInfo; steps = ctx.steps }
        return try ctx.execute(name, data: data)
    }
}
