import QingCloud
import Testing

/// The pure rules of `qcimages wait`: when an image is there, when it never will be, how ids are read,
/// and how a ledger decides from what each zone answered.
struct WaitDecisionTests {
    @Test(arguments: [
        (WaitTarget.available, ImageStatus.available, TransitionStatus?.none, WaitVerdict.reached),
        (.available, .pending, .creating, .notYet),
        (.available, .pending, nil, .notYet),
        (.available, .available, .deleting, .notYet),
        (.available, .deleted, .recovering, .notYet),
        (.available, .suspended, .resuming, .notYet),
        (.deprecated, .available, nil, .notYet),
        (.deprecated, .deprecated, nil, .reached),
        (.deleted, .available, nil, .notYet),
        (.deleted, .suspended, nil, .notYet),
        (.deleted, .deleted, nil, .reached),
        (.deleted, .ceased, nil, .reached),
        (.ceased, .deleted, nil, .notYet),
        (.ceased, .available, nil, .notYet),
        (.ceased, .ceased, nil, .reached),
        (.available, .other("frozen"), nil, .notYet),
    ])
    func reachedOrNotYet(target: WaitTarget, status: ImageStatus, transition: TransitionStatus?, expected: WaitVerdict) {
        #expect(target.verdict(status: status, transition: transition) == expected)
    }

    @Test(arguments: [
        (WaitTarget.available, ImageStatus.deleted), (.available, .ceased), (.available, .suspended),
        (.available, .deprecated), (.deprecated, .deleted), (.deprecated, .suspended), (.deprecated, .ceased),
    ])
    func settledStatesThatNeedSomeoneToActAreUnreachable(target: WaitTarget, status: ImageStatus) {
        guard case .unreachable(let reason) = target.verdict(status: status, transition: nil) else {
            Issue.record("\(target) from \(status) is not unreachable")
            return
        }
        #expect(!reason.isEmpty)
    }

    @Test func idsAndZoneIDsAreRead() throws {
        #expect(try WaitedImage(parsing: "img-a1b2c3d4") == WaitedImage(zone: nil, id: "img-a1b2c3d4"))
        #expect(try WaitedImage(parsing: "PEK3A/img-x") == WaitedImage(zone: "pek3a", id: "img-x"))
        #expect(try WaitedImage(parsing: "centos7x64d") == WaitedImage(zone: nil, id: "centos7x64d"))
        for bad in ["", "img x", "pek 3a/img-x", "/img-x", "pek3a/", "img-x/y/z", "$(touch /tmp/pwned)", "img-\u{1B}[2J",
                    String(repeating: "a", count: 65), "镜像"] {
            #expect(throws: WaitedImageError.self, "\(bad.debugDescription)") { try WaitedImage(parsing: bad) }
        }
        let error = try #require(throws: WaitedImageError.self) { try WaitedImage(parsing: "img x") }
        #expect(error.description.hasPrefix("\"img x\" is not an image id or zone/id: "))
        #expect(!error.description.contains("\n"))
    }

    private static let pending = ImageState(status: .pending, transition: .creating)
    private static let available = ImageState(status: .available, transition: nil)

    @Test func aLedgerEndsWhenEveryImageIsThere() {
        let images = [WaitedImage(zone: nil, id: "img-a"), WaitedImage(zone: nil, id: "img-b"), WaitedImage(zone: nil, id: "img-a")]
        var ledger = WaitLedger(target: .available, images: images, zones: ["pek3a"])
        #expect(ledger.images.count == 2, "repeats are waited for once")
        #expect(ledger.idsToAsk == ["pek3a": ["img-a", "img-b"]])
        let first = ledger.record(zone: "pek3a", states: ["img-a": Self.pending, "img-b": Self.available], unknown: [])
        #expect(first == ["img-a pending (creating)", "img-b available"])
        #expect(ledger.outcome == nil)
        #expect(ledger.summary == "1/2 available · img-a pending (creating)")
        #expect(ledger.idsToAsk == ["pek3a": ["img-a"]], "an image that is there is not asked about again")
        #expect(ledger.record(zone: "pek3a", states: ["img-a": Self.pending], unknown: []).isEmpty, "no change, no line")
        #expect(ledger.record(zone: "pek3a", states: ["img-a": Self.available], unknown: []) == ["img-a available"])
        #expect(ledger.outcome == .allReached)
    }

    @Test func anImageThatCannotGetThereEndsTheWaitWithOneLine() {
        var ledger = WaitLedger(target: .available, images: [WaitedImage(zone: nil, id: "img-a")], zones: ["pek3a"])
        ledger.record(zone: "pek3a", states: ["img-a": ImageState(status: .deleted, transition: nil)], unknown: [])
        guard case .unreachable(let line) = ledger.outcome else {
            Issue.record("no verdict: \(String(describing: ledger.outcome))")
            return
        }
        #expect(line.hasPrefix("img-a is deleted: "))
        #expect(line.hasSuffix("; it will not become available"))
    }

    @Test func anUnknownIDEndsTheWaitNamingItsZone() {
        var ledger = WaitLedger(target: .available, images: [WaitedImage(zone: "sh1a", id: "img-a")], zones: ["pek3a"])
        #expect(ledger.idsToAsk == ["sh1a": ["img-a"]], "zone/id goes to its own zone")
        ledger.record(zone: "sh1a", states: [:], unknown: ["img-a"])
        #expect(ledger.outcome == .unreachable("sh1a/img-a: no such image in zone sh1a (DescribeImages does not know it)"))
    }

    @Test func aBareIDWithSeveralZonesIsWaitedForWhereItIsFound() {
        let images = [WaitedImage(zone: nil, id: "img-a"), WaitedImage(zone: nil, id: "img-b")]
        var ledger = WaitLedger(target: .available, images: images, zones: ["pek3a", "sh1a"])
        #expect(ledger.idsToAsk == ["pek3a": ["img-a", "img-b"], "sh1a": ["img-a", "img-b"]])
        ledger.record(zone: "pek3a", states: ["img-a": Self.pending], unknown: ["img-b"])
        #expect(ledger.outcome == nil, "img-b may be in sh1a")
        ledger.record(zone: "sh1a", states: ["img-b": Self.pending], unknown: ["img-a"])
        #expect(ledger.idsToAsk == ["pek3a": ["img-a"], "sh1a": ["img-b"]])
        #expect(ledger.summary == "0/2 available · pek3a/img-a pending (creating) (+1 more)")
        ledger.record(zone: "pek3a", states: ["img-a": Self.available], unknown: [])
        ledger.record(zone: "sh1a", states: ["img-b": Self.available], unknown: [])
        #expect(ledger.outcome == .allReached)
    }

    @Test func aBareIDNoZoneKnowsEndsTheWait() {
        var ledger = WaitLedger(target: .available, images: [WaitedImage(zone: nil, id: "img-a")], zones: ["pek3a", "sh1a"])
        ledger.record(zone: "pek3a", states: [:], unknown: ["img-a"])
        #expect(ledger.outcome == nil)
        ledger.record(zone: "sh1a", states: [:], unknown: ["img-a"])
        #expect(ledger.outcome == .unreachable("img-a: no such image in zones pek3a, sh1a (DescribeImages does not know it)"))
    }

    @Test func anImageThatVanishesIsDeletedButNeverAvailable() {
        for (target, expected) in [(WaitTarget.ceased, true), (.available, false)] {
            var ledger = WaitLedger(target: target, images: [WaitedImage(zone: nil, id: "img-a")], zones: ["pek3a"])
            ledger.record(zone: "pek3a", states: ["img-a": ImageState(status: .deleted, transition: nil)], unknown: [])
            ledger.record(zone: "pek3a", states: [:], unknown: ["img-a"])
            #expect((ledger.outcome == .allReached) == expected, "\(target)")
            #expect(ledger.outcome != nil)
        }
    }
}
