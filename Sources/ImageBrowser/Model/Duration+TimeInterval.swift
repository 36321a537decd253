import Foundation

extension Duration {
    /// The duration in seconds, for adding to a `Date`.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
