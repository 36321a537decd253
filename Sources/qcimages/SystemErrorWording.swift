import Foundation

/// A failed system call or Foundation file operation in our words (`permission denied`, `no space
/// left`), as the rest of qcimages' errors are worded, instead of Foundation's sentences ("The operation
/// could not be completed. You don't have permission.").
enum SystemErrorWording {
    /// The words for `errno`.
    static func words(errno: Int32) -> String {
        switch errno {
        case EACCES, EPERM: "permission denied"
        case ENOSPC: "no space left"
        case EDQUOT: "disk quota exceeded"
        case EROFS: "read-only file system"
        case ENOENT: "no such file or directory"
        case EISDIR: "it is a directory"
        case ENOTDIR: "a part of the path is not a directory"
        case EFBIG: "file too large"
        case EEXIST: "it already exists"
        case EIO: "input/output error"
        default: String(cString: strerror(errno)).lowercased()
        }
    }

    /// The words for an error Foundation threw: from the POSIX error under it, else from its file
    /// error code, else its own description.
    static func words(for error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return words(errno: Int32(error.code)) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return words(errno: Int32(underlying.code))
        }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left"
        case .fileWriteVolumeReadOnly: return "read-only file system"
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
        default: return error.localizedDescription
        }
    }
}
