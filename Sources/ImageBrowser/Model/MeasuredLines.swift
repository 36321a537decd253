/// How many lines the detail pane or an overlay held when last laid out, and for what: the update
/// function scrolls with the count instead of laying the lines out (for the raw JSON, pretty-printing
/// it) again on every key, and lays them out again only when what they show or the width changes.
struct MeasuredLines: Sendable, Equatable {
    /// What was laid out: the detail of an image (by key) or an overlay at its top, with the
    /// catalogue's ``ImageCatalog/revision`` then (a refresh may change the image and its lines) and,
    /// for the detail, ``InstanceUsage/revision`` (an answer about its instances changes its lines).
    enum Subject: Sendable, Equatable {
        case detail(key: String, revision: Int, usage: Int)
        case overlay(Overlay, revision: Int)
    }

    let subject: Subject
    let width: Int
    let count: Int
}
