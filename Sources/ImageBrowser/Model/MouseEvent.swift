/// A mouse report, decoded by the terminal layer into what happened and on which cell (0-based, as
/// the frame counts them), so that what is under the pointer is decided by the update function from
/// the layout, and tested without a terminal.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The left button went down (a click acts on the press, as in htop; the release is not reported).
        case press
        /// A notch of the wheel away from the user (up the list) or towards the user.
        case wheelUp, wheelDown
    }

    public var kind: Kind
    public var column: Int
    public var row: Int

    public init(_ kind: Kind, column: Int, row: Int) {
        self.kind = kind
        self.column = column
        self.row = row
    }
}
