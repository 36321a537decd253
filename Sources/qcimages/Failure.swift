import ArgumentParser
import Foundation
import TerminalVocabulary

/// A failure to report as one line on stderr, `qcimages: <message>`, with exit status 1.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writing to stderr, line at a time, unbuffered; a closed stderr loses the line, nothing else.
///
/// Lines often quote the server (its error messages, a body excerpt) or a config file: control and bidi
/// characters are shown as visible symbols, so that nothing in them can drive the terminal or fake a
/// second line.
enum StandardError {
    static func write(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data((Sanitizer.forDisplay(line) + "\n").utf8))
    }
}

/// Writing results to stdout. A reader that stops early (`qcimages list | head`) closes the pipe: that
/// ends the command quietly, as it does for other Unix tools, instead of an error or a crash.
enum StandardOutput {
    static func write(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            if code == Int(EPIPE) { exit(0) }
            StandardError.write("qcimages: cannot write the output: \(SystemErrorWording.words(for: error))")
            exit(1)
        }
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
