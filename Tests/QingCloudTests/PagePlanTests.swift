import Testing
@testable import QingCloud

@Suite("PagePlan")
struct PagePlanTests {
    /// Reads `plan` to the end against `answer`, `inFlight` pages at a time; returns the offsets asked for
    /// and the most pages the plan held wanted at once.
    static func drive(_ plan: inout PagePlan, inFlight: Int = 8, answer: (Int) -> ImagePage) -> [Int] {
        var asked: [Int] = []
        var pending = plan.take(upTo: 1)
        while !pending.isEmpty, asked.count < 100_000 {
            let offset = pending.removeFirst()
            asked.append(offset)
            plan.receive(answer(offset), at: offset)
            pending += plan.take(upTo: inFlight - pending.count)
        }
        return asked
    }

    @Test("a short page is read again at once, and the plan is complete only once it is back")
    func readAgain() {
        var plan = PagePlan(limit: 100, overlap: 8)
        let listing = ZonePagerTests.images("p", 150)
        func page(_ offset: Int, _ count: Int) -> ImagePage {
            ImagePage(totalCount: 150, images: Array(listing[offset..<offset + count]))
        }
        #expect(plan.take(upTo: 2) == [0])
        plan.receive(page(0, 100), at: 0)
        #expect(plan.take(upTo: 2) == [92])
        plan.receive(page(92, 40), at: 92)
        #expect(!plan.isComplete, "58 promised at 92, 40 held: asked again")
        #expect(plan.lowestPending == 92)
        #expect(plan.take(upTo: 2) == [92])
        plan.readAgain(92)
        #expect(plan.take(upTo: 2).isEmpty, "in flight already: not wanted twice")
        plan.receive(page(92, 58), at: 92)
        #expect(plan.isComplete)
        #expect(plan.missingImages == 0)
        #expect(plan.pagesRead == 2)
    }

    @Test("an empty page in the middle is asked again, then counted: the total less the images held")
    func emptyMiddlePage() {
        let listing = ZonePagerTests.images("p", 500)
        var plan = PagePlan(limit: 100, overlap: 8)
        var askedAt276 = 0
        let asked = Self.drive(&plan) { offset in
            if offset == 276 { askedAt276 += 1 }
            let images = offset == 276 ? [] : Array(listing.dropFirst(offset).prefix(100))
            return ImagePage(totalCount: 500, images: images)
        }
        #expect(askedAt276 == 2, "asked again once: \(asked)")
        #expect(plan.isComplete)
        #expect(plan.imagesHeld == 416)
        #expect(plan.missingImages == 84, "500 counted, 416 held")
    }

    @Test("a total far beyond 500 images: a few requests, then the plan stops and counts the rest missing", arguments: [1_000_000_000_000, 10_000_000])
    func lyingTotal(total: Int) {
        let listing = ZonePagerTests.images("p", 500)
        var plan = PagePlan(limit: 100, overlap: 8)
        let asked = Self.drive(&plan) { offset in
            ImagePage(totalCount: total, images: Array(listing.dropFirst(offset).prefix(100)))
        }
        #expect(asked.count < 40, "\(asked.count) requests: \(asked)")
        #expect(plan.isComplete)
        #expect(plan.stoppedAtLyingTotal != nil)
        #expect(plan.imagesHeld == 500)
        #expect(plan.missingImages == total - 500)
    }

    @Test("at most maximumPlanned pages wait to be taken, whatever the total; the last offset follows the total")
    func lazyPlanning() {
        var plan = PagePlan(limit: 100, overlap: 8)
        #expect(plan.take(upTo: 1) == [0])
        plan.receive(ImagePage(totalCount: 1_000_000_000_000, images: ZonePagerTests.images("p", 100)), at: 0)
        let taken = plan.take(upTo: 1_000)
        #expect(taken.count == PagePlan.maximumPlanned)
        #expect(plan.take(upTo: 1_000).count == PagePlan.maximumPlanned, "planned again as they are taken")
        #expect(plan.lastOffset == 92 * ((1_000_000_000_000 - 8 - 1) / 92))
        #expect(!plan.isComplete)
    }
}
