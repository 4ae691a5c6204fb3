/// Completion scripts for bash, zsh, fish and PowerShell. Each asks the program itself for
/// candidates through the hidden `__complete` command (cobra's protocol: candidate lines, then
/// `:<directive>`), so kinds, flags and object names complete from the live cluster.
enum CompletionScripts {
    static func bash(_ program: String) -> String {
        let fn = "__\(identifier(program))_complete"
        return """
        # bash completion for \(program)                                 -*- shell-script -*-

        \(fn)() {
            local line="${COMP_LINE:0:$COMP_POINT}"
            local -a words
            read -r -a words <<< "$line"
            if [[ "$line" == *" " ]]; then
                words+=("")
            fi
            local cur="${words[${#words[@]}-1]}"
            local out directive
            out=$("${words[0]}" __completeNoDesc "${words[@]:1}" 2>/dev/null)
            directive="${out##*:}"
            out="${out%:*}"
            if [[ -z "$directive" || "$directive" == *[!0-9]* ]]; then
                directive=0
            fi
            if (( (directive & 1) != 0 )); then
                return
            fi
            if (( (directive & 2) != 0 )) && type compopt >/dev/null 2>&1; then
                compopt -o nospace
            fi
            if (( (directive & 4) != 0 )) && type compopt >/dev/null 2>&1; then
                compopt +o default
            fi
            local prefix=""
            if [[ "$cur" == *=* && "$COMP_WORDBREAKS" == *=* ]]; then
                prefix="${cur%%=*}="
            fi
            COMPREPLY=()
            local candidate
            while IFS='' read -r candidate; do
                [[ -z "$candidate" ]] && continue
                if [[ "$candidate" == "$cur"* ]]; then
                    COMPREPLY+=("${candidate#"$prefix"}")
                fi
            done <<< "$out"
        }

        complete -o default -F \(fn) \(program)

        """
    }

    static func zsh(_ program: String) -> String {
        let fn = "_\(identifier(program))"
        return """
        #compdef \(program)
        compdef \(fn) \(program)

        \(fn)() {
            local -a lines completions
            local out directive line value desc
            out=$(${words[1]} __complete "${(@)words[2,$CURRENT]}" 2>/dev/null)
            lines=("${(@f)out}")
            directive=${lines[-1]#:}
            lines=("${(@)lines[1,-2]}")
            if (( (directive & 1) != 0 )); then
                return 1
            fi
            for line in "${lines[@]}"; do
                [[ -z "$line" ]] && continue
                value=${line%%$'\\t'*}
                desc=${line#*$'\\t'}
                [[ "$desc" == "$line" ]] && desc=""
                completions+=("${value//:/\\\\:}${desc:+:$desc}")
            done
            if (( ${#completions} > 0 )); then
                _describe 'completions' completions
            elif (( (directive & 4) == 0 )); then
                _files
            fi
        }

        if [ "$funcstack[1]" = "\(fn)" ]; then
            \(fn) "$@"
        fi

        """
    }

    static func fish(_ program: String) -> String {
        let fn = "__\(identifier(program))_complete"
        return """
        # fish completion for \(program)                           -*- shell-script -*-

        function \(fn)
            set -l args (commandline -opc)[2..-1] (commandline -ct)
            set -l out (\(program) __complete $args 2>/dev/null)
            set -l directive (string replace -r '^:' '' -- $out[-1])
            if test (math "$directive % 2") -eq 1
                return
            end
            for line in $out[1..-2]
                echo $line
            end
        end

        complete -c \(program) -f -a '(\(fn))'

        """
    }

    static func powershell(_ program: String) -> String {
        """
        # powershell completion for \(program)                           -*- shell-script -*-

        Register-ArgumentCompleter -CommandName '\(program)' -ScriptBlock {
            param($WordToComplete, $CommandAst, $CursorPosition)
            $Elements = @($CommandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
            if ($WordToComplete -eq '') { $Elements += '' }
            $Out = @(& '\(program)' __complete @Elements 2>$null)
            if ($Out.Count -eq 0) { return }
            $Directive = [int]($Out[-1].TrimStart(':'))
            if (($Directive -band 1) -ne 0) { return }
            $Out | Select-Object -SkipLast 1 | Where-Object { $_ -ne '' } | ForEach-Object {
                $Parts = $_ -split "`t", 2
                $Description = if ($Parts.Count -gt 1 -and $Parts[1] -ne '') { $Parts[1] } else { $Parts[0] }
                [System.Management.Automation.CompletionResult]::new($Parts[0], $Parts[0], 'ParameterValue', $Description)
            }
        }

        """
    }

    /// The program name as a shell identifier.
    static func identifier(_ program: String) -> String {
        String(program.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
