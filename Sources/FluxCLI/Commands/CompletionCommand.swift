/// `flux completion bash|zsh|fish|powershell`.
enum CompletionCommand {
    static func command(_ program: String) -> Command {
        var completion = Command(use: "completion", short: "Generates completion scripts for various shells",
                                 long: "The completion sub-command generates completion scripts for various shells.")
        let shells: [(String, String, String, @Sendable (String) -> String)] = [
            ("bash", "Generates bash completion scripts", """
            To load completion run

            . <(\(program) completion bash)

            To configure your bash shell to load completions for each session add to your bashrc

            # ~/.bashrc or ~/.profile
            command -v \(program) >/dev/null && . <(\(program) completion bash)
            """, CompletionScripts.bash),
            ("fish", "Generates fish completion scripts", """
            To configure your fish shell to load completions for each session write this script to your completions dir:

            \(program) completion fish > ~/.config/fish/completions/\(program).fish

            See http://fishshell.com/docs/current/index.html#completion-own for more details
            """, CompletionScripts.fish),
            ("powershell", "Generates powershell completion scripts", """
            To load completion run

            . <(\(program) completion powershell)

            To configure your powershell shell to load completions for each session add to your powershell profile

            Windows:

            cd "$env:USERPROFILE\\Documents\\WindowsPowerShell\\Modules"
            \(program) completion >> \(program)-completion.ps1

            Linux:

            cd "${XDG_CONFIG_HOME:-"$HOME/.config/"}/powershell/modules"
            \(program) completion >> \(program)-completions.ps1
            """, CompletionScripts.powershell),
            ("zsh", "Generates zsh completion scripts", """
            To load completion run

            . <(\(program) completion zsh) && compdef _\(CompletionScripts.identifier(program)) \(program)

            To configure your zsh shell to load completions for each session add to your zshrc

            # ~/.zshrc or ~/.profile
            command -v \(program) >/dev/null && . <(\(program) completion zsh) && compdef _\(CompletionScripts.identifier(program)) \(program)

            or write a cached file in one of the completion directories in your ${fpath}:

            echo "${fpath// /\\n}" | grep -i completion
            \(program) completion zsh > _\(program)

            mv _\(program) ~/.oh-my-zsh/completions  # oh-my-zsh
            mv _\(program) ~/.zprezto/modules/completion/external/functions  # zprezto
            """, CompletionScripts.zsh),
        ]
        for (name, short, example, script) in shells {
            var shell = Command(use: name, short: short, long: "The completion sub-command generates completion scripts for \(name).",
                                example: example)
            shell.run = { invocation in invocation.environment.out(script(program)) }
            completion.subcommands.append(shell)
        }
        return completion
    }
}
