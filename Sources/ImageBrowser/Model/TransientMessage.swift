import Foundation

/// A line of feedback in the footer ("copied img-1234") that goes away by itself.
struct TransientMessage: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case info, warning }
    var text: String
    var kind: Kind
    var until: Date
}
