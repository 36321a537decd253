import Foundation

/// The pending `.tick` timer: when the screen next changes by itself.
struct TickState: Sendable {
    var deadline: Date?
    var generation = 0
}
