import Synchronization

/// The entries each recent filter selects, remembered so that paging through a filtered catalogue of
/// 100,000 images matches it once, not once per page.
///
/// Only what cannot change is remembered (see ``ImageWorld/page(matching:at:offset:limit:)``), so an answer
/// from a remembered selection is the same as one from scratch.
final class FilterSelections: Sendable {
    /// Entry positions, ascending: those that match for good, and the changing ones still to be checked.
    struct Selection: Sendable {
        let fixed: [Int32]
        let changing: [Int32]
    }

    /// How many filters are remembered; the oldest is forgotten first.
    static let capacity = 32

    private let remembered = Mutex<(selections: [DescribeImagesFilter: Selection], order: [DescribeImagesFilter])>(([:], []))

    func selection(for filter: DescribeImagesFilter, making make: () -> Selection) -> Selection {
        if let known = remembered.withLock({ $0.selections[filter] }) { return known }
        let selection = make()
        remembered.withLock { state in
            if state.selections[filter] == nil {
                state.order.append(filter)
                if state.order.count > Self.capacity { state.selections[state.order.removeFirst()] = nil }
            }
            state.selections[filter] = selection
        }
        return selection
    }
}
