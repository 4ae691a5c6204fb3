/// GoTemplate: Go 1.21 `text/template` and `fmt` in Swift, as a pure library.
///
/// - `Template`: a set of named templates (Go's `*template.Template`), a cheap-to-copy value.
///   `parse(_:as:)` adds templates, `execute(_:data:)` renders one.
/// - `GoValue`: the value model (ints, floats, strings, bools, nil, typed lists and string-keyed
///   maps, bytes, host objects, functions), each carrying its Go type (`GoType`) so that
///   printing, comparison, `%T` and argument conversion follow Go exactly.
/// - `GoObject`: host structs/pointers/named types with fields and methods (Helm's `.Files`,
///   `.Capabilities`, `.Chart`).
/// - `GoFunction`: function-map entries with Go parameter types; the executor converts
///   arguments the way Go's `text/template` does. Bodies receive a `GoCallContext` that can
///   execute other templates of the set (Helm's `include`, `tpl`).
/// - `GoFmt`: `fmt.Sprint`, `Sprintln`, `Sprintf`.
/// - `GoTemplateError`: every parse and execution error, worded as Go words it.
public enum GoTemplateLibrary {}
