import ArgumentParser
import Foundation

/// A failure to report as one line on stderr, `qcimages: <message>`, with exit status 1.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writing to stderr, line at a time, unbuffered.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning a ``Failure`` or any other error into one stderr line and exit status 1.
    func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as Failure {
            StandardError.write("qcimages: \(error.description)")
            throw ExitCode.failure
        } catch let error as ExitCode {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch {
            StandardError.write("qcimages: \(error)")
            throw ExitCode.failure
        }
    }
}
