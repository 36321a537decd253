/// The status `qcimages wait --until` waits for, and the rule that says, from what DescribeImages shows
/// of an image, whether it is there, may still get there, or never will without someone acting.
///
/// The rule follows the documented lifecycle (pending -> available; available -> deprecated, suspended or
/// deleted; suspended -> available or deleted; deleted -> available when recovered within two hours,
/// else ceased). An image in a transition (`transition_status` not empty) is on its way somewhere and is
/// judged when it settles. A settled image that reaches the target only if someone acts (resumes a
/// suspended image, recovers a deleted one) or not at all is unreachable: a script waiting for
/// `available` should hear at once that its image was deleted rather than wait out its timeout.
public enum WaitTarget: String, Sendable, Hashable, CaseIterable {
    case available, deprecated, deleted, ceased

    /// The status that satisfies the wait.
    public var status: ImageStatus {
        switch self {
        case .available: .available
        case .deprecated: .deprecated
        case .deleted: .deleted
        case .ceased: .ceased
        }
    }

    /// What an image seen in `status` (with `transition`, nil when idle) means for this wait.
    public func verdict(status: ImageStatus, transition: TransitionStatus?) -> WaitVerdict {
        if transition != nil { return .notYet }
        if status == self.status { return .reached }
        switch (self, status) {
        // Ceased comes only after deleted: an image that is ceased has been deleted.
        case (.deleted, .ceased): return .reached
        case (.available, .pending), (.deprecated, .pending), (.deprecated, .available): return .notYet
        case (.available, .deprecated): return .unreachable("a deprecated image does not become available again")
        case (_, .suspended) where self == .available || self == .deprecated:
            return .unreachable("a suspended image comes back only when it is resumed")
        case (_, .deleted) where self == .available || self == .deprecated:
            return .unreachable("a deleted image comes back only when it is recovered")
        case (_, .ceased): return .unreachable("a ceased image is gone for good")
        default:
            // Someone may still delete it (deleted, ceased), a deleted image ceases by itself after two
            // hours, and a status this client does not know may yet move on.
            return .notYet
        }
    }

    /// What it means for this wait that an image seen before no longer exists: gone is what deleted and
    /// ceased wait for.
    public var vanishedVerdict: WaitVerdict {
        switch self {
        case .deleted, .ceased: .reached
        case .available, .deprecated: .unreachable("the image no longer exists")
        }
    }
}

/// How an image stands against a ``WaitTarget``.
public enum WaitVerdict: Sendable, Hashable {
    /// The image is there.
    case reached
    /// The image may still get there.
    case notYet
    /// The image cannot get there any more without someone acting; the reason as a clause.
    case unreachable(String)
}
