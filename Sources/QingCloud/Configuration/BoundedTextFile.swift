import Foundation

/// A small text file read the way a configuration file must be: only a regular file (a pipe or a terminal
/// would wait forever), at most a given size, as UTF-8, with what went wrong in our words.
///
/// Both the qingcloud-cli credentials file and qcimages' own settings file are read through it.
public enum BoundedTextFile {
    /// What was read: the text and the file's permission bits.
    public struct Contents: Sendable {
        public var text: String
        public var permissions: Int
    }

    /// Why a file could not be read, in one short phrase.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// It could not be opened or read, or it is not a regular file: the reason.
        case unreadable(String)
        /// It is not UTF-8 text.
        case notText
        /// It is larger than the limit (in bytes); `prefix` holds what was read, decoded leniently.
        case tooLarge(limit: Int, prefix: String)

        public var description: String {
            switch self {
            case .unreadable(let reason): reason
            case .notText: "not UTF-8 text"
            case .tooLarge(let limit, _): "larger than \(limit / 1024) KiB; is it the right file?"
            }
        }
    }

    /// Reads the file at `path` (a symbolic link is followed: its target's mode counts). Anything other
    /// than a regular file is named (`a pipe (FIFO)`, `a terminal`, a link to a missing file with its
    /// target), never read.
    public static func read(path: String, maximumSize: Int) throws(Failure) -> Contents {
        // O_NONBLOCK: opening a FIFO without a writer must not wait; the descriptor is checked first.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw .unreadable(reason(errno: errno, path: path)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(reason(errno: errno, path: path)) }
        if let kind = kindOtherThanFile(status.st_mode, descriptor: descriptor) {
            throw .unreadable("it is \(kind), not a file")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= maximumSize {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason(errno: errno, path: path))
            }
            bytes += buffer[..<count]
        }
        if bytes.count > maximumSize {
            throw .tooLarge(limit: maximumSize, prefix: String(decoding: bytes, as: UTF8.self))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notText }
        return Contents(text: text, permissions: Int(status.st_mode & 0o7777))
    }

    /// Whether something is at `path`, a broken symbolic link included (which ``read(path:maximumSize:)``
    /// then names, instead of the file seeming absent).
    public static func isPresent(at path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Why `path` could not be opened, in our words; a broken symbolic link names its target.
    public static func reason(errno: Int32, path: String) -> String {
        switch errno {
        case ENOENT:
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(path, &buffer, buffer.count - 1)
            guard length >= 0 else { return "no such file" }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return "it is a link to a missing file: \(target)"
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "a loop of symbolic links"
        case ENOTDIR: return "a part of the path is not a directory"
        case EISDIR: return "it is a directory"
        case EROFS: return "the file system is read-only"
        case ENOSPC: return "no space left on the device"
        case EDQUOT: return "the disk quota is exceeded"
        default: return String(cString: strerror(errno))
        }
    }

    /// What a file of mode `mode` is when it is not a regular file (`a directory`, `a pipe (FIFO)`,
    /// `a terminal`...); nil for a regular file.
    private static func kindOtherThanFile(_ mode: mode_t, descriptor: Int32) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: isatty(descriptor) == 1 ? "a terminal" : "a device"
        case S_IFBLK: "a block device"
        default: "not a regular file"
        }
    }
}
