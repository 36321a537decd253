import Testing
@testable import FilterLanguage
import QingCloud

struct FilterParserTests {
    @Test(arguments: ["", "   ", "\t \u{3000}"])
    func blankTextIsTheEmptyFilter(text: String) {
        let filter = ImageFilter.parse(text)
        #expect(filter.isEmpty)
        #expect(filter.syntaxError == nil)
        #expect(filter.text == text)
        #expect(ImageFilter.empty.isEmpty)
        #expect(FilterFixtures.matches(text).count == FilterFixtures.catalogue.count)
    }

    @Test func termsAreSplitOnAnyWhitespace() {
        let filter = ImageFilter.parse(" server\t2022\u{3000}datacenter ")
        #expect(filter.terms.count == 3)
        #expect(filter.syntaxError == nil)
    }

    @Test func everyFormParsesToTheRightCondition() {
        func condition(_ text: String) -> FilterCondition? {
            let filter = ImageFilter.parse(text)
            #expect(filter.syntaxError == nil, "\(text)")
            return filter.terms.first?.condition
        }
        func needles(_ values: String...) -> [FilterNeedle] {
            values.map { FilterNeedle(original: $0, lowercased: $0.lowercased()) }
        }
        #expect(condition("Ubuntu") == .text(needles("Ubuntu")))
        #expect(condition("\"Server 22.04\"") == .text(needles("Server 22.04")))
        #expect(condition("ubuntu|debian") == .text(needles("ubuntu", "debian")))
        #expect(condition("status:available|pending") == .field(.status, needles("available", "pending")))
        #expect(condition("name:\"银河 麒麟\"") == .field(.name, needles("银河 麒麟")))
        #expect(condition("name:\"a b\"|c") == .field(.name, needles("a b", "c")))
        #expect(condition("name:x\"y z\"") == .field(.name, needles("xy z")))
        #expect(condition("size>50") == .size(.greater, 50))
        #expect(condition("size>=50") == .size(.greaterOrEqual, 50))
        #expect(condition("size<20") == .size(.less, 20))
        #expect(condition("size<=20") == .size(.lessOrEqual, 20))
        #expect(condition("size=40") == .size(.equal, 40))
        #expect(condition("size:40") == .size(.equal, 40))
        #expect(condition("SIZE>50GB") == .size(.greater, 50))
        #expect(condition("size<8g") == .size(.less, 8))
        #expect(condition("size>=1T") == .size(.greaterOrEqual, 1024))
        #expect(condition("size>=1t") == .size(.greaterOrEqual, 1024))
        #expect(condition("size<2TB") == .size(.less, 2048))
        #expect(condition("size<2tib") == .size(.less, 2048))
        #expect(condition("size>50G") == .size(.greater, 50))
        #expect(condition("size>50GiB") == .size(.greater, 50))
        #expect(condition("size>1.5T") == .size(.greater, 1536))
        #expect(condition("size<0.25tb") == .size(.less, 256))
        #expect(condition("size>=2.0") == .size(.greaterOrEqual, 2))
        #expect(condition("size=.5T") == .size(.equal, 512))
        #expect(condition("size<10.") == .size(.less, 10))
        #expect(condition("status:creating") == .field(.status, needles("creating")))
        #expect(condition("12:30") == .text(needles("12:30")))
        #expect(condition("c++") == .text(needles("c++")))
        #expect(condition("sizes>5") == .text(needles("sizes>5")))
        #expect(condition("!!x") == .text(needles("!x")))
        #expect(condition("\"status:deleted\"") == .text(needles("status:deleted")))
    }

    @Test(arguments: [
        ("status", ImageField.status), ("os", .osFamily), ("os_family", .osFamily), ("arch", .processorType),
        ("processor_type", .processorType), ("processor", .processorType), ("visibility", .visibility),
        ("vis", .visibility), ("provider", .provider), ("owner", .owner), ("tag", .tags), ("name", .name),
        ("id", .id), ("desc", .description), ("description", .description), ("Status", .status), ("OS", .osFamily),
        ("zone", .zone),
    ])
    func fieldNamesAndAliases(name: String, field: ImageField) {
        let value = switch field {
        case .status: "available"
        case .visibility: "public"
        case .provider: "system"
        default: "value"
        }
        let filter = ImageFilter.parse("\(name):" + value)
        #expect(filter.syntaxError == nil)
        guard case .field(let parsed, _) = filter.terms.first?.condition else {
            Issue.record("\(name): not a field term")
            return
        }
        #expect(parsed == field)
    }

    @Test func archValuesAreNormalised() {
        for (typed, expected) in [("64", "64bit"), ("32", "32bit"), ("64BIT", "64bit"), ("arm64", "arm64")] {
            guard case .field(.processorType, let needles) = ImageFilter.parse("arch:\(typed)").terms.first?.condition else {
                Issue.record("arch:\(typed) did not parse")
                continue
            }
            #expect(needles.map(\.lowercased) == [expected])
        }
    }

    @Test func negationAppliesToTheWholeTerm() {
        let filter = ImageFilter.parse("!status:deleted !centos|debian")
        #expect(filter.terms.count == 2)
        #expect(filter.terms.map(\.isNegated) == [true, true])
    }

    @Test(arguments: [
        ("colour:red", "unknown field \"colour\"", 0),
        ("server colour:red", "unknown field \"colour\"", 7),
        ("server !colour:red", "unknown field \"colour\"", 8),
        ("银河 foo:bar", "unknown field \"foo\"", 3),
        ("!", "\"!\" needs a term after it", 0),
        ("ubuntu !", "\"!\" needs a term after it", 7),
        ("! ubuntu", "\"!\" needs a term after it", 0),
        ("name:\"银河 麒", "missing closing quote", 5),
        ("\"server", "missing closing quote", 0),
        ("size>abc", "size takes a number of GB, a unit may follow (50, 50G, 1.5T), not \"abc\"", 0),
        ("ubuntu size>", "size needs a number of GB", 7),
        ("size>-5", "size takes a number of GB, a unit may follow (50, 50G, 1.5T), not \"-5\"", 0),
        ("size>5|6", "size takes one number", 0),
        ("status:", "status: needs a value", 0),
        ("ubuntu os_family:", "os: needs a value", 7),
        ("status:available|", "empty alternative", 17),
        ("a||b", "empty alternative", 2),
        ("|a", "empty alternative", 0),
        ("\"\"", "empty quotes", 0),
        ("name>abc", "only size compares with < > =; use name:value", 0),
        ("size>1.1T", "size counts whole GB; \"1.1T\" is not a whole number of GB", 0),
        ("size<0.5", "size counts whole GB; \"0.5\" is not a whole number of GB", 0),
        ("size>1X", "size takes a number of GB, a unit may follow (50, 50G, 1.5T), not \"1X\"", 0),
        ("size>1.5.0T", "size takes a number of GB, a unit may follow (50, 50G, 1.5T), not \"1.5.0T\"", 0),
        ("size>.T", "size takes a number of GB, a unit may follow (50, 50G, 1.5T), not \".T\"", 0),
        ("size>99999999999999999999T", "size takes a number of GB, a unit may follow (50, 50G, 1.5T), not \"99999999999999999999T\"", 0),
        ("size>9007199254740993T", "size takes a number of GB, a unit may follow (50, 50G, 1.5T), not \"9007199254740993T\"", 0),
        ("status:bogus", "status is pending|available|deprecated|suspended|deleted|ceased", 0),
        ("ubuntu status:available|bogus", "status is pending|available|deprecated|suspended|deleted|ceased", 7),
        ("ubuntu status=available", "only size compares with < > =; use status:value", 7),
        ("visibility:shared", "visibility is public|private", 0),
        ("provider:me", "provider is system|self", 0),
    ])
    func syntaxErrorsSayWhatAndWhere(text: String, message: String, offset: Int) {
        let error = ImageFilter.parse(text).syntaxError
        #expect(error == FilterSyntaxError(message: message, offset: offset))
    }

    @Test func onlyTheFirstErrorIsReported() {
        let filter = ImageFilter.parse("foo:x ! size>abc")
        #expect(filter.syntaxError?.message == "unknown field \"foo\"")
        #expect(filter.isEmpty)
    }

    @Test func errorDescriptionGivesTheColumn() {
        #expect(FilterSyntaxError(message: "unknown field \"foo\"", offset: 3).description == "unknown field \"foo\" (column 4)")
    }

    @Test func whatParsesStillFilters() {
        #expect(FilterFixtures.matches("server") == ["centos", "ubuntu", "windows"])
        #expect(FilterFixtures.matches("server colour:red") == FilterFixtures.matches("server"))
        #expect(FilterFixtures.matches("server !") == FilterFixtures.matches("server"))
        #expect(FilterFixtures.matches("size>abc status:deleted") == ["centos"])
        #expect(ImageFilter.parse("server colour:red").terms.count == 1)
    }

    /// Every kind of mistake is reported and leaves its whole term out, so that it keeps the rows it
    /// would hide: each text here is a mistake in a term that, without the mistake, matches one image.
    @Test(arguments: ["\"ubuntu", "name:\"银河 麒", "size>", "status:", "status:bogus", "foo:bar", "|", "!",
                      "size>abc", "status:available|bogus", "size>1.1T", "size<0.5", "size>99999999999999999999T",
                      "visibility:shared", "provider:me|self", "ubuntu|", "status:available|", "|ubuntu",
                      "ubuntu||kylin", "size>=100|", "size>=100|200", "name>ubuntu", "status=available", "\"\"",
                      "!ubuntu|", "name:ubuntu|", "name:|", "os_family:ubuntu|"])
    func aMistakeKeepsEveryRow(text: String) {
        let filter = ImageFilter.parse(text)
        #expect(filter.syntaxError != nil)
        #expect(filter.isEmpty)
        #expect(FilterFixtures.matches(text).count == FilterFixtures.catalogue.count)
    }

    @Test func anUnclosedQuoteLeavesOnlyItsTermOut() {
        let filter = ImageFilter.parse("server \"2022")
        #expect(filter.syntaxError == FilterSyntaxError(message: "missing closing quote", offset: 7))
        #expect(FilterFixtures.matches("server \"2022") == FilterFixtures.matches("server"))
    }

    @Test func filtersAreEqualWhenTheirTextIs() {
        #expect(ImageFilter.parse("status:available") == ImageFilter.parse("status:available"))
        #expect(ImageFilter.parse("status:available") != ImageFilter.parse("status:available "))
        #expect(Set([ImageFilter.parse("a"), ImageFilter.parse("a"), ImageFilter.parse("b")]).count == 2)
    }

    @Test func cheapTermsAreCheckedFirst() {
        let filter = ImageFilter.parse("server status:available size>10")
        #expect(filter.terms.map(\.cost) == [0, 1, 2])
    }
}
