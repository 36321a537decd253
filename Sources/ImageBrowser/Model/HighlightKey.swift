import QingCloud

/// A cell that changed in a refresh: an image and one of its fields.
struct HighlightKey: Sendable, Hashable {
    var imageID: String
    var field: ImageField
}
