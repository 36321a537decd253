import Foundation
import QingCloud
import Testing
@testable import QingCloudSimulator

/// The in-process service remembers what each filter selects: its pages must stay those of the simulator
/// over HTTP, and a change to its images must show in the next answer.
@Suite struct InProcessImageServiceTests {
    @Test("page after page it answers as the simulator over HTTP does", arguments: [
        ImageQuery(),
        ImageQuery(statuses: [.available, .ceased]),
        ImageQuery(osFamilies: ["ubuntu", "centos"], searchWord: "7"),
    ])
    func pagesMatchTheSimulator(query: ImageQuery) async throws {
        let configuration = testConfiguration(images: 700)
        let service = InProcessImageService(images: catalogue(of: configuration))
        let simulator = Simulator(configuration: configuration)
        let url = try await simulator.start()
        let client = try configuration.client(at: url)
        do {
            for offset in stride(from: 0, through: 720, by: 90) {
                var page = query
                page.offset = offset
                page.limit = 100
                let overHTTP = try await client.describeImages(page)
                let inProcess = try service.answer(page).get()
                #expect(inProcess.totalCount == overHTTP.totalCount)
                #expect(inProcess.images.map(\.id) == overHTTP.images.map(\.id), "offset \(offset)")
            }
        } catch {
            Issue.record(error)
        }
        await client.shutdown()
        await simulator.stop()
    }

    @Test("a change to the images shows in the next answer; a copy made before keeps its own")
    func changesAreSeen() throws {
        let images = catalogue(of: testConfiguration(images: 300))
        var service = InProcessImageService(images: images)
        let query = ImageQuery(statuses: [.available], offset: 0, limit: 100)
        let before = try service.answer(query).get()
        let copy = service
        let first = try #require(images.firstIndex { $0.id == before.images.first?.id })
        service.images[first].status = .deprecated
        let after = try service.answer(query).get()
        #expect(after.totalCount == before.totalCount - 1)
        #expect(!after.images.contains { $0.id == images[first].id })
        #expect(try copy.answer(query).get() == before)
        service.images.removeAll()
        #expect(try service.answer(query).get() == ImagePage(totalCount: 0, images: []))
    }
}
