import Foundation

/// promptui's confirm prompt: `? <label>? [y/N] ` on standard output, a line from the input;
/// `y`/`Y` confirms, anything else (or end of input) aborts.
enum Prompt {
    static func confirm(_ environment: FluxEnvironment, _ label: String) async -> Bool {
        environment.out("? \(label)? [y/N] ")
        guard let answer = await environment.input.readLine() else {
            environment.out("\n")
            return false
        }
        let trimmed = answer.trimmingCharacters(in: .whitespaces)
        return trimmed == "y" || trimmed == "Y"
    }
}
