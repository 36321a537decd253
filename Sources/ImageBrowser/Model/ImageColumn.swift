/// A column of the image list: what the list shows and what it can be sorted by, one enum for both.
enum ImageColumn: Sendable, Hashable, CaseIterable {
    case id, name, status, osFamily, processorType, size, source, created
}
