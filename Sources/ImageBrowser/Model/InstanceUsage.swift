import Foundation
import QingCloud
import TerminalVocabulary

/// What uses the images on screen, from DescribeInstances: the detail pane's "Used by" (how many
/// instances run from the selected image and the first few) and, when the INSTANCES column is shown,
/// each visible row's count.
///
/// Answers are kept by image key for one refresh interval and asked again when shown after that. The
/// browser asks only once the selection and the list have stood still for ``Browser/instanceDebounce``:
/// holding ↓ through the list asks nothing until the key is let go.
struct InstanceUsage: Sendable {
    /// An instance as the detail pane lists it, its text made safe for the screen.
    struct UsingInstance: Sendable, Hashable {
        let id: String
        let name: String
        let status: String

        init(_ instance: Instance) {
            id = Sanitizer.forDisplay(instance.id)
            name = Sanitizer.forDisplay(instance.name)
            status = Sanitizer.forDisplay(instance.status.rawValue)
        }
    }

    /// What is known of an image's users.
    enum Answer: Sendable, Hashable {
        /// `total` instances run from it (ceased ones left out, as the API counts); `first` are the first few.
        case known(total: Int, first: [UsingInstance])
        /// The question could not be answered: why, in a few words.
        case unknown(reason: String)
    }

    /// An image's answer and when it came.
    struct Entry: Sendable {
        var answer: Answer
        var at: Date
    }

    /// A count for the INSTANCES column: nil when the request failed (drawn `?`).
    struct Count: Sendable {
        var count: Int?
        var at: Date
    }

    /// What a request in flight is for.
    enum Request: Sendable {
        /// The detail pane's question about one image (by key).
        case detail(key: String)
        /// The INSTANCES column's counts: image id -> key.
        case counts(keysByID: [String: String])
    }

    /// The detail pane's answers, by image key.
    var details: [String: Entry] = [:]
    /// The INSTANCES column's counts, by image key.
    var counts: [String: Count] = [:]
    var inFlight: [RequestID: Request] = [:]
    /// What the pending debounce timer was set for (selection and first row on screen); nil when none is.
    var waitingFor: Snapshot?
    var generation = 0
    /// Bumped whenever an answer arrives, so that the detail pane's measured lines are laid out again.
    var revision = 0

    /// Where the user stood when the browser decided to ask: asking waits until it stops changing.
    struct Snapshot: Sendable, Hashable {
        var selectedKey: String?
        var scrollTop: Int
    }

    /// The instances the detail pane lists by name; the count covers the rest.
    static let listed = 5

    /// Whether the detail's request for `key` is on its way.
    func isAskingDetail(_ key: String) -> Bool {
        inFlight.values.contains { if case .detail(key) = $0 { true } else { false } }
    }

    /// Whether the column's count for `key` is on its way.
    func isCounting(_ key: String) -> Bool {
        inFlight.values.contains { request in
            if case .counts(let keysByID) = request { keysByID.values.contains(key) } else { false }
        }
    }

    /// The few words the detail pane and the log show for a failed DescribeInstances.
    static func reason(_ error: QingCloudError) -> String {
        if case .api(let apiError, _) = error {
            if apiError.returnCode == .permissionDenied { return "this key may not call DescribeInstances" }
            return "DescribeInstances refused: \(apiError.code) \(apiError.meaning)"
        }
        return FailureKind(error).explanation
    }
}
