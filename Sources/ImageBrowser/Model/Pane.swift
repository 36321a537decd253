/// Which pane the movement keys act on.
enum Pane: Sendable, Hashable {
    case list, detail
}
