import Foundation
import Testing
@testable import QingCloudSimulator

@Test func scratchStats() {
    let world = ImageWorld(imageCount: 2_500, seed: 1, churn: true, epoch: fixedNow)
    var previous = world.entries.map { world.state(of: $0, at: 0) }
    var windowsWithoutChange = 0
    var changes = 0
    for time in stride(from: Int64(5), through: 7200, by: 5) {
        let current = world.entries.map { world.state(of: $0, at: time) }
        let changed = zip(previous, current).filter { $0 != $1 }.count
        changes += changed
        if changed == 0 { windowsWithoutChange += 1 }
        previous = current
    }
    let moving = world.entries.filter { $0.schedule != nil }.count
    let inTransition = previous.filter { $0?.phase.transition != nil }.count
    print("STATS scheduled \(moving), changes per 5 s \(Double(changes) / 1440), windows without change \(windowsWithoutChange)/1440, in transition \(inTransition)")
}
