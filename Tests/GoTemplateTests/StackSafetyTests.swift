import Foundation
import Testing
import GoTemplate

/// Deep recursion must end in Go's depth error even on threads with small stacks.
@Suite("Stack safety")
struct StackSafetyTests {
    final class Box: @unchecked Sendable {
        var message = ""
    }

    @Test("recursive templates stop cleanly on a 512 KiB thread", arguments: [
        "{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}",
        "{{define \"r\"}}{{include \"r\" .}}{{end}}{{include \"r\" .}}",
    ])
    func smallThread(_ text: String) throws {
        let include = GoFunction("include", parameters: [.string, .any], result: .string) { a, ctx in
            guard case .string(let name) = a[0] else { return .invalid }
            return .string(try ctx.execute(name, data: a[1]))
        }
        var t = Template(name: "main", functions: ["include": include])
        try t.parse(text)
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let template = t
        let thread = Thread {
            do { _ = try template.execute(data: .invalid) } catch { box.message = "\(error)" }
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(box.message.contains("exceeded maximum template depth"), "\(box.message)")
    }
}
