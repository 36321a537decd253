import Foundation

/// What tmux does with a program's OSC 52, read from tmux's own options, and so what to send.
///
/// tmux stores a plain OSC 52 in a paste buffer (and passes it on to the outer terminal) only with
/// `set-clipboard on`; its default, `external`, drops it. The `ESC Ptmux;` pass-through reaches the outer
/// terminal only with `allow-passthrough on` (tmux 3.3 and later; earlier versions always pass it).
/// When neither works the browser says so, with the fix, instead of claiming it copied.
struct TmuxClipboard: Equatable {
    /// `set-clipboard`: `on`, `external` or `off`; nil when tmux could not be asked.
    var setClipboard: String?
    /// `allow-passthrough`: `on`, `all` or `off`; nil when tmux could not be asked or has no such option.
    var allowPassthrough: String?

    /// The forms of the sequence to send, in order; empty when tmux will drop every form.
    var multiplexers: [ClipboardSequence.Multiplexer] {
        if setClipboard == "on" { return [.none] }
        let passThrough = allowPassthrough.map { $0 == "on" || $0 == "all" } ?? true
        if setClipboard == nil { return passThrough ? [.none, .tmux] : [.none] }
        return passThrough ? [.tmux] : []
    }

    /// Why copying cannot work, or nil.
    var unavailableReason: String? {
        guard multiplexers.isEmpty else { return nil }
        return "cannot copy: tmux drops it (set-clipboard \(setClipboard ?? "off")); run: tmux set -g set-clipboard on"
    }

    /// The route a copy takes now.
    var route: ClipboardRoute { ClipboardRoute(forms: multiplexers, refusal: unavailableReason) }

    /// Asks the tmux server of this session (`$TMUX`) for both options.
    static func query(environment: [String: String]) -> TmuxClipboard {
        TmuxClipboard(setClipboard: option("set-clipboard", environment: environment),
                      allowPassthrough: option("allow-passthrough", environment: environment))
    }

    /// `tmux show-options -gv NAME`, or nil when tmux is not on the PATH, fails or has no such option.
    private static func option(_ name: String, environment: [String: String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "show-options", "-gv", name]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let value = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}

/// How a copy reaches the clipboard: the forms of OSC 52 to send, or why none would arrive.
struct ClipboardRoute: Sendable, Equatable {
    var forms: [ClipboardSequence.Multiplexer]
    /// Why copying cannot work here, with the fix; nil when it is expected to.
    var refusal: String?
}
