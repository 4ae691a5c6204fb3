/// Argument rewriting that argument-parser cannot express, applied by the entry point before
/// parsing: Helm's `--dry-run` is a string flag with a default for the bare form (pflag's
/// `NoOptDefVal`), so `helm install --dry-run NAME CHART` means `--dry-run=client` and never
/// takes the next argument as its value.
public enum HelmArguments {
    /// `arguments` (without the program name) with every bare `--dry-run` of `helm install` and
    /// `helm upgrade` written as `--dry-run=client`; other commands are returned unchanged.
    public static func normalized(_ arguments: [String]) -> [String] {
        guard arguments.count >= 2, arguments[0] == "helm", ["install", "upgrade"].contains(arguments[1]) else { return arguments }
        var out = Array(arguments.prefix(2))
        var afterTerminator = false
        for argument in arguments.dropFirst(2) {
            if argument == "--" { afterTerminator = true }
            out.append(!afterTerminator && argument == "--dry-run" ? "--dry-run=client" : argument)
        }
        return out
    }
}
