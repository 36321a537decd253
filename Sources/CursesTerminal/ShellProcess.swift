import Glibc
import ImageBrowser

/// A user command's process, `/bin/sh -c COMMAND`, started with `posix_spawn`: the image reaches it in
/// environment variables only, every signal it may get back at its default action and none blocked
/// (the terminal thread's mask and ignored SIGPIPE are not passed on).
struct ShellProcess: Sendable {
    let pid: pid_t

    /// Why `/bin/sh` could not be started.
    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Signals the command gets at their default action whatever qcimages does with them.
    private static let defaultSignals = [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGCHLD, SIGWINCH, SIGTERM]

    /// Starts `/bin/sh -c command` with exactly `environment`, reading `input` and writing `output` and
    /// `error`; in a process group of its own when `ownProcessGroup` (a background command: the
    /// terminal's Ctrl-C does not reach it).
    static func start(
        command: String, environment: [String: String], input: Int32, output: Int32, error: Int32,
        ownProcessGroup: Bool
    ) throws(StartFailure) -> ShellProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, error, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in defaultSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if ownProcessGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let arguments: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (text: String) in strdup(text) }
        let variables: [UnsafeMutablePointer<CChar>?] = environment.map { (name, value) in strdup(name + "=" + value) }
        defer { (arguments + variables).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments + [nil], variables + [nil])
        guard status == 0 else { throw StartFailure(description: "/bin/sh: " + String(cString: strerror(status))) }
        return ShellProcess(pid: pid)
    }

    /// Waits until the command ends. With `whenStopped`, a stop (Ctrl-Z in the terminal) runs it
    /// (qcimages stops too, as a shell's job would) and the command is continued; without, stops are
    /// not waited for (a background command stopped by someone stays stopped).
    func wait(whenStopped: (() -> Void)? = nil) -> CommandEnd.Status {
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, whenStopped == nil ? 0 : WUNTRACED)
            if result < 0 {
                if errno == EINTR { continue }
                return .notStarted("waitpid: " + String(cString: strerror(errno)))
            }
            let low = status & 0x7F
            if low == 0 { return .exited((status >> 8) & 0xFF) }
            if status & 0xFF == 0x7F {
                whenStopped?()
                kill(pid, SIGCONT)
                continue
            }
            return .signalled(low)
        }
    }
}
