import QingCloud

/// The filters of one DescribeImages request, validated and ready to match.
///
/// An empty set means "not filtered". With no status asked for, ceased images are left out, as the real
/// service does; an image named in `images.N` is listed whatever its status.
struct DescribeImagesFilter: Sendable, Hashable {
    var imageIDs: [String] = []
    var statuses: Set<ImageStatus> = []
    var osFamilies: Set<String> = []
    var processorTypes: Set<String> = []
    var visibilities: Set<String> = []
    var providers: Set<String> = []
    var owners: Set<String> = []
    var tagIDs: Set<String> = []
    /// `search_word`, lowercased, as UTF-8; empty when absent.
    var searchWord: [UInt8] = []

    func matches(_ image: Image, phase: ImagePhase, searchableID: [UInt8], searchableName: [UInt8]) -> Bool {
        matches(phase) && matchesAttributes(image, searchableID: searchableID, searchableName: searchableName)
    }

    /// The part of the filter that depends on the lifecycle (which changes over time).
    func matches(_ phase: ImagePhase) -> Bool {
        if statuses.isEmpty {
            return phase.status != .ceased || !imageIDs.isEmpty
        }
        return statuses.contains(phase.status)
    }

    /// The part of the filter that depends only on what never changes about an image.
    func matchesAttributes(_ image: Image, searchableID: [UInt8], searchableName: [UInt8]) -> Bool {
        if !osFamilies.isEmpty && !osFamilies.contains(image.osFamily) { return false }
        if !processorTypes.isEmpty && !processorTypes.contains(image.processorType.rawValue) { return false }
        if !visibilities.isEmpty && !visibilities.contains(image.visibility.rawValue) { return false }
        if !providers.isEmpty && !providers.contains(image.provider.rawValue) { return false }
        if !owners.isEmpty && !owners.contains(image.owner) { return false }
        if !tagIDs.isEmpty && !image.tags.contains(where: { tagIDs.contains($0.id) }) { return false }
        if !searchWord.isEmpty {
            return Self.contains(searchableID, searchWord) || Self.contains(searchableName, searchWord)
        }
        return true
    }

    /// Whether `needle` occurs in `haystack` (bytes; both already lowercased).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
