import Foundation
import QingCloud
import Testing
@testable import QingCloudSimulator

/// With churn, images move through the documented lifecycle only, deterministically.
@Suite struct LifecycleTests {
    /// A phase as text, `status/transition`, or `absent` before an image exists.
    static func label(_ state: ImageWorld.State?) -> String {
        guard let state else { return "absent" }
        return "\(state.phase.status)/\(state.phase.transition?.rawValue ?? "")"
    }

    /// Every move QingCloud documents (qingcloud-api.md section 3 and the DescribeImages page).
    static let documentedMoves: Set<String> = [
        "absent -> pending/creating",
        "pending/creating -> available/",
        "available/ -> available/deleting", "available/deleting -> deleted/",
        "deleted/ -> deleted/recovering", "deleted/recovering -> available/", "deleted/ -> ceased/",
        "available/ -> available/suspending", "available/suspending -> suspended/",
        "suspended/ -> suspended/resuming", "suspended/resuming -> available/",
        "suspended/ -> suspended/deleting", "suspended/deleting -> deleted/",
        "available/ -> deprecated/",
    ]

    @Test func imagesMakeOnlyDocumentedMovesAndDeletedOnesCeaseAfterTwoHours() {
        let world = ImageWorld(imageCount: 800, seed: 11, churn: true, epoch: fixedNow)
        let moving = world.entries.filter { $0.schedule != nil || $0.appearance != nil }
        var states = moving.map { world.state(of: $0, at: 0) }
        var deletedSince = states.map { $0?.phase.status == .deleted ? $0?.statusTime : nil }
        var moves: [String: Int] = [:]
        for time in Int64(1)...(3 * 3600) {
            for (index, entry) in moving.enumerated() {
                let state = world.state(of: entry, at: time)
                guard state != states[index] else { continue }
                let move = "\(Self.label(states[index])) -> \(Self.label(state))"
                #expect(Self.documentedMoves.contains(move), "\(entry.image.id) at \(time): \(move)")
                #expect(state?.statusTime == world.epoch + time, "status_time is the time of the move")
                if move.hasSuffix("-> deleted/") { deletedSince[index] = world.epoch + time }
                if move == "deleted/ -> ceased/" {
                    #expect(world.epoch + time - (deletedSince[index] ?? 0) >= LifecyclePlanner.recoveryWindow)
                }
                if move == "deleted/ -> deleted/recovering" {
                    #expect(world.epoch + time - (deletedSince[index] ?? 0) < LifecyclePlanner.recoveryWindow)
                }
                moves[move, default: 0] += 1
                states[index] = state
            }
        }
        #expect(Set(moves.keys) == Self.documentedMoves, "every documented move happens within three hours")
    }

    @Test func aBrowserRefreshingEveryFewSecondsSeesChanges() {
        let world = ImageWorld(imageCount: 2_500, seed: 1, churn: true, epoch: fixedNow)
        var previous = world.entries.map { world.state(of: $0, at: 0) }
        for time in stride(from: Int64(10), through: 3600, by: 10) {
            let current = world.entries.map { world.state(of: $0, at: time) }
            let changed = zip(previous, current).filter { $0 != $1 }.count
            #expect(changed > 0, "nothing changed between \(time - 10) s and \(time) s")
            previous = current
        }
        let inTransition = previous.filter { $0?.phase.transition != nil }.count
        #expect(inTransition > 0)
    }

    @Test func theLifecycleIsAPureFunctionOfSeedAndTime() {
        let first = ImageWorld(imageCount: 500, seed: 5, churn: true, epoch: fixedNow)
        let second = ImageWorld(imageCount: 500, seed: 5, churn: true, epoch: fixedNow)
        let other = ImageWorld(imageCount: 500, seed: 6, churn: true, epoch: fixedNow)
        for time in [Int64(0), 17, 600, 4_000, 100_000] {
            #expect(first.entries.map { first.state(of: $0, at: time) } == second.entries.map { second.state(of: $0, at: time) })
        }
        #expect(first.entries.map(\.image.id) != other.entries.map(\.image.id))
    }

    @Test func withoutChurnNothingMoves() {
        let world = ImageWorld(imageCount: 500, seed: 5, churn: false, epoch: fixedNow)
        #expect(world.entries.allSatisfy { $0.schedule == nil && $0.appearance == nil })
        #expect(world.entries.map { world.state(of: $0, at: 0) } == world.entries.map { world.state(of: $0, at: 86_400) })
    }

    @Test func newImagesAppearNewestFirstAsPendingThenBecomeAvailable() {
        let world = ImageWorld(imageCount: 500, seed: 5, churn: true, epoch: fixedNow)
        let newcomers = world.entries.filter { $0.appearance != nil }
        #expect(!newcomers.isEmpty)
        #expect(newcomers.map(\.image.id) == world.entries.prefix(newcomers.count).map(\.image.id))
        for newcomer in newcomers {
            let appearance = newcomer.appearance!
            #expect(world.state(of: newcomer, at: appearance - 1) == nil)
            #expect(world.state(of: newcomer, at: appearance)?.phase == ImagePhase(.pending, .creating))
            #expect(world.state(of: newcomer, at: appearance + 60)?.phase == ImagePhase(.available))
            #expect(newcomer.image.createTime == Date(timeIntervalSince1970: TimeInterval(world.epoch + appearance)))
        }
    }

    @Test func theServerShowsTheLifecycleAsTheSteppedClockMoves() async throws {
        let clock = SteppedClock()
        var configuration = testConfiguration(images: 400, seed: 3, churn: true, clock: clock)
        configuration.speed = 60
        let world = ImageWorld(imageCount: 400, seed: 3, churn: true, epoch: fixedNow)
        let everyStatus = ImageStatus.documented.enumerated().map { ("status.\($0.offset + 1)", $0.element.rawValue) }
        try await withSimulator(configuration) { api async throws in
            let before = try await api.send(everyStatus + [("limit", "100")])
            clock.advance(by: 10) // 600 virtual seconds at speed 60
            let after = try await api.send(everyStatus + [("limit", "100")])
            #expect(after.totalCount ?? 0 > before.totalCount ?? 0, "new images appeared")

            let page = world.page(matching: DescribeImagesFilter(statuses: Set(ImageStatus.documented)), at: 600, offset: 0, limit: 100)
            #expect(after.body == world.describeImagesResponse(totalCount: page.totalCount, page: page.page))

            let statusBefore = Dictionary(uniqueKeysWithValues: before.imageSet.map {
                ($0["image_id"]!.stringValue!, $0["status_time"]!.stringValue!)
            })
            let changed = after.imageSet.filter { item in
                statusBefore[item["image_id"]!.stringValue!].map { $0 != item["status_time"]!.stringValue! } ?? false
            }
            #expect(!changed.isEmpty)
            let epoch = APITimestamp.format(fixedNow)
            let virtualNow = APITimestamp.format(fixedNow.addingTimeInterval(600))
            for item in changed {
                let statusTime = item["status_time"]!.stringValue!
                #expect(statusTime > epoch && statusTime <= virtualNow)
            }
        }
    }
}
