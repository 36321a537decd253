import Foundation
import Logging
import Testing
@testable import qcimages

struct FileLogHandlerTests {
    /// Two browsers may share a log: each line names the process that wrote it.
    @Test func eachLineCarriesTheProcessID() throws {
        let path = NSTemporaryDirectory() + "qcimages-log-" + UUID().uuidString + ".log"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try FileLogHandler.Sink(path: path, creatingDirectoriesBelow: nil)
        let logger = Logger(label: "qcimages") { FileLogHandler(label: $0, level: .info, sink: sink) }
        logger.info("browsing")
        logger.notice("retrying")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains(" qcimages[\(getpid())]: ") }, "\(lines)")
    }

    /// The default log's directories are made below an existing home, never the home itself.
    @Test func aMissingHomeIsNeverCreated() throws {
        let home = NSTemporaryDirectory() + "qcimages-home-" + UUID().uuidString
        #expect(throws: Failure.self) {
            try FileLogHandler.Sink(path: home + "/.local/state/qcimages/qcimages.log", creatingDirectoriesBelow: home)
        }
        #expect(!FileManager.default.fileExists(atPath: home))
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: home) }
        _ = try FileLogHandler.Sink(path: home + "/.local/state/qcimages/qcimages.log", creatingDirectoriesBelow: home)
        #expect(FileManager.default.fileExists(atPath: home + "/.local/state/qcimages/qcimages.log"))
    }
}
