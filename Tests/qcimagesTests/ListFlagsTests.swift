import ArgumentParser
import QingCloud
import Testing
@testable import qcimages

/// `qcimages list`'s flags are parsed by ArgumentParser into the query: comma lists, the API's
/// enumerations (documented values only) and the output format.
struct ListFlagsTests {
    @Test func flagsBecomeTheQuery() throws {
        let command = try ListCommand.parse([
            "-s", "available, pending", "-F", "ubuntu,,centos", "-i", "img-a,img-b", "-T", "tag-1",
            "-p", "32bit", "-v", "public", "-P", "self", "-o", "csv", "-O", "20", "-L", "10",
        ])
        let query = command.query
        #expect(query.statuses == [.available, .pending])
        #expect(query.osFamilies == ["ubuntu", "centos"])
        #expect(query.imageIDs == ["img-a", "img-b"])
        #expect(query.tagIDs == ["tag-1"])
        #expect(query.processorType == .bits32)
        #expect(query.visibility == .public)
        #expect(query.provider == .self)
        #expect(query.offset == 20 && query.limit == 10)
        #expect(command.format == .csv)
    }

    @Test(arguments: [["-o", "xml"], ["-p", "16bit"], ["-v", "everyone"], ["-P", "them"], ["-s", "available,bogus"],
                      ["-L", "500"], ["-O", "-5"]])
    func mistakesAreUsageErrors(_ arguments: [String]) {
        do {
            _ = try ListCommand.parse(arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            #expect(ListCommand.exitCode(for: error) == .validationFailure, "\(arguments)")
        }
    }
}
