import Glibc

/// A non-blocking pipe a thread (or a signal handler) writes a byte to so that `poll` wakes the run loop.
final class SelfPipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws(TerminalStartupError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .systemCallFailed("pipe", errno: errno) }
        readEnd = ends[0]
        writeEnd = ends[1]
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
    }

    /// Wakes the reader; a full pipe already means "wake up", so a failed write loses nothing.
    func wake(with byte: UInt8 = 1) {
        var byte = byte
        _ = write(writeEnd, &byte, 1)
    }

    /// Everything written so far, emptying the pipe.
    func drain() -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            if count > 0 {
                received += buffer[0..<count]
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return received
            }
        }
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }
}
