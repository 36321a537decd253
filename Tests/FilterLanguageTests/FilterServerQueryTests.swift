import QingCloud
import Testing
import FilterLanguage

struct FilterServerQueryTests {
    @Test func fieldsTheAPIUnderstandsAreSentToTheServer() {
        #expect(ImageFilter.parse("status:available").serverQuery == ImageQuery(statuses: [.available]))
        #expect(ImageFilter.parse("status:Available|PENDING").serverQuery == ImageQuery(statuses: [.available, .pending]))
        #expect(ImageFilter.parse("os:ubuntu").serverQuery == ImageQuery(osFamilies: ["ubuntu"]))
        #expect(ImageFilter.parse("os_family:CentOS|debian").serverQuery == ImageQuery(osFamilies: ["centos", "debian"]))
        #expect(ImageFilter.parse("arch:64").serverQuery == ImageQuery(processorType: .bits64))
        #expect(ImageFilter.parse("processor_type:32bit").serverQuery == ImageQuery(processorType: .bits32))
        #expect(ImageFilter.parse("visibility:public").serverQuery == ImageQuery(visibility: .public))
        #expect(ImageFilter.parse("provider:self").serverQuery == ImageQuery(provider: .self))
        #expect(ImageFilter.parse("owner:usr-1234abcd").serverQuery == ImageQuery(owner: "usr-1234abcd"))
        #expect(ImageFilter.parse("tag:tag-rj6nhkn1").serverQuery == ImageQuery(tagIDs: ["tag-rj6nhkn1"]))
    }

    @Test func oneFreeTextTermBecomesTheSearchWord() {
        #expect(ImageFilter.parse("Ubuntu").serverQuery == ImageQuery(searchWord: "Ubuntu"))
        #expect(ImageFilter.parse("\"server 22.04\"").serverQuery == ImageQuery(searchWord: "server 22.04"))
        #expect(ImageFilter.parse("银河").serverQuery == ImageQuery(searchWord: "银河"))
        #expect(ImageFilter.parse("ubuntu !debian").serverQuery == ImageQuery(searchWord: "ubuntu"))
        #expect(ImageFilter.parse("ubuntu server").serverQuery == nil)
        #expect(ImageFilter.parse("ubuntu|debian").serverQuery == nil)
        #expect(ImageFilter.parse("!ubuntu").serverQuery == nil)
    }

    @Test func termsCombine() {
        let query = ImageFilter.parse("status:available os:centos nginx !name:test size>20").serverQuery
        #expect(query == ImageQuery(statuses: [.available], osFamilies: ["centos"], searchWord: "nginx"))
        #expect(query?.offset == nil)
        #expect(query?.limit == nil)
    }

    @Test func theFirstTermForAParameterWins() {
        let query = ImageFilter.parse("status:available status:pending os:a os:b").serverQuery
        #expect(query == ImageQuery(statuses: [.available], osFamilies: ["a"]))
    }

    @Test(arguments: [
        "!status:deleted",
        "!os:ubuntu",
        "status:creating",
        "status:available|creating",
        "status:bogus",
        "arch:64|32",
        "arch:arm64",
        "visibility:public|private",
        "visibility:shared",
        "provider:someone",
        "owner:usr-12",
        "owner:usr-1234abcd|usr-87654321",
        "owner:admin",
        "tag:prod",
        "tag:tag-rj6",
        "tag:tag-rj6nhkn1|tag-prod0001",
        "name:ubuntu",
        "id:img-ub220401",
        "desc:official",
        "size>50",
        "",
        "colour:red",
    ])
    func termsTheServerCannotTakeStayLocal(text: String) {
        #expect(ImageFilter.parse(text).serverQuery == nil)
    }

    @Test func whatParsesIsTranslatedDespiteAnError() {
        #expect(ImageFilter.parse("status:available colour:red").serverQuery == ImageQuery(statuses: [.available]))
    }
}
