import Foundation
import QingCloud
import Testing
@testable import qcimages

/// How `qcimages wait` reads its images and durations: arguments, `-` for stdin, one line for mistakes.
struct WaitInputTests {
    @Test func dashReadsTheWordsOfStdinInPlace() throws {
        let images = try WaitInput.images(arguments: ["img-a", "-", "sh1a/img-d"]) { Data("img-b\n  img-c\n\n".utf8) }
        #expect(images.map(\.description) == ["img-a", "img-b", "img-c", "sh1a/img-d"])
    }

    @Test(arguments: [
        ([], "", "no image ids: give them as arguments (img-x or zone/img-x), or - to read them from stdin"),
        (["-"], "\n \n", "no image ids on stdin (-); expected one per line"),
        (["-"], "img-a\n$(touch /tmp/pwned)\n", "\"$(touch\" is not an image id or zone/id: expected an image id"),
    ])
    func mistakesAreOneLine(arguments: [String], stdin: String, message: String) throws {
        let error = try #require(throws: (any Error).self) {
            try WaitInput.images(arguments: arguments) { Data(stdin.utf8) }
        }
        #expect("\(error)".hasPrefix(message), "\(error)")
        #expect(!"\(error)".contains("\n"))
    }

    @Test func stdinThatIsNotTextIsRefused() {
        #expect(throws: (any Error).self) { try WaitInput.images(arguments: ["-"]) { Data([0xFF, 0xFE]) } }
    }

    @Test(arguments: [
        ("90", Duration.seconds(90)), ("90s", .seconds(90)), ("30m", .seconds(1800)), ("1h", .seconds(3600)),
        ("1h30m", .seconds(5400)), ("2m30s", .seconds(150)), ("500ms", .milliseconds(500)), ("1.5s", .milliseconds(1500)),
    ])
    func durationsAreReadAsTimeoutAndKubectlWriteThem(text: String, expected: Duration) {
        #expect(DurationArgument.parse(text) == expected)
    }

    @Test func badDurationsAreRefused() {
        for text in ["", "m", "5x", "-5", "1h-3m", "inf", "nan", "5 m s"] {
            #expect(DurationArgument.parse(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func elapsedTimeReadsLikeTheIssueExample() {
        #expect(DurationArgument.format(.seconds(252)) == "4m12s")
        #expect(DurationArgument.format(.seconds(12)) == "12s")
        #expect(DurationArgument.format(.seconds(3723)) == "1h02m03s")
        #expect(DurationArgument(.seconds(1800)).description == "30m")
    }

    @Test func waitsFlagsAreCheckedAndTimeoutIsTheWholeWait() throws {
        let command = try WaitCommand.parse(["--until", "available", "--timeout", "2m", "--request-timeout", "3", "img-a"])
        #expect(command.timeout.duration == .seconds(120))
        #expect(command.requestTimeout.duration == .seconds(3))
        #expect(command.interval.duration == .seconds(5))
        #expect(throws: (any Error).self) { try WaitCommand.parse(["--until", "available", "--interval", "0.5", "img-a"]) }
        #expect(throws: (any Error).self) { try WaitCommand.parse(["--until", "pending", "img-a"]) }
        let list = try ListCommand.parse(["--timeout", "7"])
        #expect(list.requestTimeout.duration == .seconds(7), "--timeout stays request-timeout's alias on list")
    }
}
