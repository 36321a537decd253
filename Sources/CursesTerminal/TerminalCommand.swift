import Glibc
import ImageBrowser

/// A `terminal` user command: the browser gives the terminal back (curses' `endwin`, as before a
/// Ctrl-Z stop), runs the command in the foreground on it, prints `[exit N] press Enter to return to
/// qcimages`, waits for Enter and takes the terminal again; the next frame repaints it in full.
///
/// The command runs in qcimages' process group, so the terminal's Ctrl-C and Ctrl-\ reach it; qcimages'
/// own handlers only note them, and what they noted during the command is dropped (the keys were the
/// command's). Ctrl-Z stops both, as a shell's job; `fg` continues both.
enum TerminalCommand {
    /// Signals the terminal sent to the command, not to qcimages.
    private static let commandSignals: Set<Int32> = [SIGINT, SIGQUIT, SIGTSTP]

    /// Runs `run` and returns how it ended, and the signals that arrived meanwhile for qcimages itself
    /// (SIGTERM, SIGHUP, SIGWINCH...), for the loop to handle.
    static func run(
        _ run: CommandRun, launcher: CommandLauncher, screen: CursesScreen, signals: SignalPipe
    ) -> (end: CommandEnd, signals: [Int32]) {
        let device = screen.device
        let output = fileno(device.output)
        screen.suspend()
        let started = ContinuousClock.now
        let status: CommandEnd.Status
        do {
            let process = try ShellProcess.start(
                command: run.command.command, environment: launcher.environment(for: run),
                input: device.input, output: output, error: output, ownProcessGroup: false
            )
            status = process.wait(whenStopped: { signals.stopProcess() })
        } catch {
            status = .notStarted(error.description)
        }
        let end = CommandEnd(title: run.command.title, status: status, duration: ContinuousClock.now - started)
        var received = signals.received()
        if !received.contains(where: { $0 == SIGTERM || $0 == SIGHUP }) {
            received += waitForEnter(after: end, device: device, signals: signals)
        }
        screen.resume()
        return (end, received.filter { !commandSignals.contains($0) })
    }

    /// Prints the command's status and waits for Enter (or Ctrl-C, or the terminal going away, or a
    /// signal that ends qcimages); returns the signals received meanwhile.
    private static func waitForEnter(after end: CommandEnd, device: TerminalDevice, signals: SignalPipe) -> [Int32] {
        fputs("\r\n[\(end.statusText)] press Enter to return to qcimages", device.output)
        fflush(device.output)
        // Keys typed while the command ran and that it did not read must not answer for the user.
        tcflush(device.input, TCIFLUSH)
        var received: [Int32] = []
        while true {
            var descriptors = [
                pollfd(fd: device.input, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signals.readEnd, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&descriptors, 2, -1) < 0 {
                if errno == EINTR { continue }
                return received
            }
            if descriptors[1].revents != 0 {
                let arrived = signals.received()
                received += arrived
                if arrived.contains(where: { [SIGINT, SIGTERM, SIGHUP].contains($0) }) { return received }
            }
            if descriptors[0].revents != 0 {
                var byte: UInt8 = 0
                let count = read(device.input, &byte, 1)
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                if count <= 0 || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return received }
            }
        }
    }
}
