import Foundation
import Testing
@testable import qcimages

/// Foundation's sentences ("The operation could not be completed. …") become our words.
struct SystemErrorWordingTests {
    @Test func posixErrorsDirectAndUnderACocoaError() {
        #expect(SystemErrorWording.words(for: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))) == "permission denied")
        let cocoa = NSError(domain: NSCocoaErrorDomain, code: CocoaError.Code.fileWriteUnknown.rawValue,
                            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        #expect(SystemErrorWording.words(for: cocoa) == "no space left")
    }

    @Test func cocoaFileErrorsWithoutAPosixError() {
        func words(_ code: CocoaError.Code) -> String {
            SystemErrorWording.words(for: NSError(domain: NSCocoaErrorDomain, code: code.rawValue))
        }
        #expect(words(.fileWriteNoPermission) == "permission denied")
        #expect(words(.fileWriteOutOfSpace) == "no space left")
        #expect(words(.fileWriteVolumeReadOnly) == "read-only file system")
        #expect(words(.fileNoSuchFile) == "no such file or directory")
    }

    @Test func errnoValues() {
        #expect(SystemErrorWording.words(errno: EROFS) == "read-only file system")
        #expect(SystemErrorWording.words(errno: EDQUOT) == "disk quota exceeded")
        #expect(SystemErrorWording.words(errno: ENOTDIR) == "a part of the path is not a directory")
    }
}
