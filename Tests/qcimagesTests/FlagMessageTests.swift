import ArgumentParser
import Testing
@testable import qcimages

/// A mistake in a flag is named as it is: a negative number is a bad value, not a missing one, and a
/// range in a message is the range accepted.
struct FlagMessageTests {
    @Test(arguments: [
        (["-O", "-1"], "--offset must be 0 or more"),
        (["-L", "-5"], "--limit must be from 1 to 100"),
        (["--timeout", "0"], "--request-timeout must be more than 0 and at most 600 seconds"),
        (["--request-timeout", "601"], "--request-timeout must be more than 0 and at most 600 seconds"),
    ])
    func mistakesSayWhatIsWrong(arguments: [String], message: String) {
        do {
            _ = try ListCommand.parse(arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            #expect(ListCommand.message(for: error) == message, "\(arguments)")
            #expect(ListCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test func theSmallestTimeoutsAndOffsetsAreAccepted() throws {
        let command = try ListCommand.parse(["--timeout", "0.5", "-O", "0", "-L", "1"])
        #expect(command.query.offset == 0 && command.query.limit == 1)
    }
}
