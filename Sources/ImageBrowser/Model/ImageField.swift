import QingCloud

/// The fields of an image that a refresh can change, for highlighting the cells that did.
enum ImageField: Sendable, Hashable, CaseIterable {
    case name, description, size, processorType, platform, osFamily, visibility, provider, owner
    case recommendedType, status, transition, createTime, statusTime, tags

    /// The fields whose values differ between two versions of one image.
    static func changes(from old: Image, to new: Image) -> Set<ImageField> {
        var changed: Set<ImageField> = []
        if old.name != new.name { changed.insert(.name) }
        if old.description != new.description { changed.insert(.description) }
        if old.sizeGB != new.sizeGB { changed.insert(.size) }
        if old.processorType != new.processorType { changed.insert(.processorType) }
        if old.platform != new.platform { changed.insert(.platform) }
        if old.osFamily != new.osFamily { changed.insert(.osFamily) }
        if old.visibility != new.visibility { changed.insert(.visibility) }
        if old.provider != new.provider { changed.insert(.provider) }
        if old.owner != new.owner { changed.insert(.owner) }
        if old.recommendedType != new.recommendedType { changed.insert(.recommendedType) }
        if old.status != new.status { changed.insert(.status) }
        if old.transitionStatus != new.transitionStatus { changed.insert(.transition) }
        if old.createTime != new.createTime { changed.insert(.createTime) }
        if old.statusTime != new.statusTime { changed.insert(.statusTime) }
        if old.tags != new.tags { changed.insert(.tags) }
        return changed
    }
}
