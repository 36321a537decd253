import Foundation
import Glibc
import TerminalVocabulary
import Logging
import QingCloud
import Synchronization

/// A swift-log handler that appends lines to a file: the browser owns the screen, so its logs can't
/// go to stdout or stderr. Each line carries the process id (`qcimages[1234]:`, as syslog writes it), so
/// that two browsers sharing a log can be told apart.
///
/// Log lines quote the server (error messages, excerpts): control and bidi characters are written as
/// visible symbols, so that `cat` or `grep -a` of the log cannot drive a terminal. A write that fails
/// (a full disk, the file size limit) costs the log, never the session: the sink stops writing.
struct FileLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    private let label: String
    private let sink: Sink

    /// The file every handler of the process writes to, opened once.
    final class Sink: Sendable {
        /// The open file, or nil once a write has failed.
        private let descriptor: Mutex<Int32?>

        /// Opens `path` for appending, creating the file (mode 600) when it is missing. The directory
        /// must exist unless `home` is given (the default location, `~/.local/state/qcimages`): then its
        /// missing directories are created, but never `home` itself, which must exist.
        init(path: String, creatingDirectoriesBelow home: String?) throws(Failure) {
            if let home {
                try Self.makeDirectories(URL(fileURLWithPath: path).deletingLastPathComponent().path, below: home)
            }
            let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw Failure(Self.reason(errno: errno, path: path))
            }
            self.descriptor = Mutex(descriptor)
            // Past the file size limit a write would kill the process with SIGXFSZ; ignored, the write
            // fails with EFBIG instead and only the log is lost.
            signal(SIGXFSZ, SIG_IGN)
        }

        /// Creates the missing directories of `directory` (mode 700), one at a time. Under `home`, only
        /// those below it: a home that does not exist is an error, never created (`sudo -u nobody` has
        /// HOME=/nonexistent). Elsewhere (`$XDG_STATE_HOME` outside the home) every missing one.
        private static func makeDirectories(_ directory: String, below home: String) throws(Failure) {
            var path = ""
            var components = directory.split(separator: "/")[...]
            if home != "/", directory.hasPrefix(home + "/") {
                var status = stat()
                guard stat(home, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                    throw Failure("the home directory \(home) does not exist")
                }
                path = home
                components = directory.dropFirst(home.count).split(separator: "/")[...]
            }
            for component in components {
                path += "/" + component
                guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
                    throw Failure(reason(errno: errno, path: path + "/"))
                }
            }
        }

        private static func reason(errno: Int32, path: String) -> String {
            switch errno {
            case ENOENT: "no such directory: \(URL(fileURLWithPath: path).deletingLastPathComponent().path)"
            case ENOTDIR: "not a directory: \(URL(fileURLWithPath: path).deletingLastPathComponent().path)"
            default: SystemErrorWording.words(errno: errno)
            }
        }

        func write(_ line: String) {
            descriptor.withLock { descriptor in
                guard let open = descriptor else { return }
                var bytes = Array(line.utf8)[...]
                while !bytes.isEmpty {
                    let written = bytes.withUnsafeBytes { Glibc.write(open, $0.baseAddress, $0.count) }
                    if written > 0 {
                        bytes = bytes.dropFirst(written)
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        close(open)
                        descriptor = nil
                        return
                    }
                }
            }
        }
    }

    init(label: String, level: Logger.Level, sink: Sink) {
        self.label = label
        self.logLevel = level
        self.sink = sink
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
        let time = Date().formatted(.iso8601)
        sink.write("\(time) \(event.level) \(label)[\(Self.processID)]: " + Sanitizer.forDisplay("\(event.message)\(details)") + "\n")
    }

    private static let processID = getpid()

    /// `$XDG_STATE_HOME/qcimages/qcimages.log`, or `$HOME/.local/state/qcimages/qcimages.log`.
    static func defaultPath(directories: UserDirectories = UserDirectories()) -> String {
        directories.state + "/qcimages/qcimages.log"
    }
}
