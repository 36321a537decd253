import Testing
@testable import QingCloud

@Suite("PagePlan")
struct PagePlanTests {
    @Test("a page read again is wanted, taken like the others, and the plan is complete only once it is back")
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
        #expect(plan.isComplete)

        plan.readAgain(92)
        #expect(!plan.isComplete)
        #expect(plan.lowestPending == 92)
        #expect(plan.take(upTo: 2) == [92])
        plan.readAgain(92)
        #expect(plan.take(upTo: 2).isEmpty, "in flight already: not wanted twice")
        plan.receive(page(92, 58), at: 92)
        #expect(plan.isComplete)
        #expect(plan.pagesRead == 2)
    }
}
