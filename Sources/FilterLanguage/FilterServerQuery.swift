import QingCloud

extension ImageFilter {
    /// The DescribeImages filters that narrow the server's answer down to this filter's matches, so that
    /// they can be found while not every page is loaded; nil when no term translates.
    ///
    /// The browser re-filters the server's answer locally with the full filter; for field terms the
    /// answer holds every match, for free text only those matching by id or name (see below). Only
    /// positive terms translate, each parameter from the first term that fits it:
    /// - `status:` (a list; only documented statuses, since the local filter also accepts transition
    ///   statuses) and `os:` (a list) -> `status.N`, `os_family`;
    /// - `arch:`, `visibility:` and `provider:` with one documented value -> `processor_type`, ...;
    /// - `owner:` with one whole user id (`usr-` and 8 letters or digits) -> `owner`, and `tag:` with one
    ///   whole tag id (`tag-...`) -> `tags.1`: the server matches those exactly, the local filter by substring;
    /// - the only positive free-text term, when it has one value -> `search_word` (as typed). The server
    ///   matches it against the id and name only, so an image that matches by another field (description,
    ///   OS, status, tags) is found once its page is loaded, not through this query.
    /// `offset` and `limit` are left nil.
    public var serverQuery: ImageQuery? {
        var query = ImageQuery()
        var translated = false
        for term in terms where !term.isNegated {
            guard case .field(let field, let needles) = term.condition else { continue }
            translated = query.narrow(by: field, needles) || translated
        }
        let freeText = terms.filter { term in
            guard !term.isNegated, case .text = term.condition else { return false }
            return true
        }
        if freeText.count == 1, case .text(let needles) = freeText[0].condition, needles.count == 1 {
            query.searchWord = needles[0].original
            translated = true
        }
        return translated ? query : nil
    }

    /// Whether an image read from `zone` can match: false when a `zone:` term names only other zones, or
    /// a negated one names this zone, so that the server need not be asked there. `zone` is "" when the
    /// images are not tagged with one (a single zone), as in local matching.
    public func admits(zone: String) -> Bool {
        let zone = zone.lowercased()
        return terms.allSatisfy { term in
            guard case .field(.zone, let needles) = term.condition else { return true }
            return needles.contains { $0.lowercased == zone } != term.isNegated
        }
    }
}

extension ImageQuery {
    /// Sets the parameter for `field` from `needles` when it is still unset and the server can take the
    /// values; returns whether it did.
    fileprivate mutating func narrow(by field: ImageField, _ needles: [FilterNeedle]) -> Bool {
        let values = needles.map(\.lowercased)
        let single = values.count == 1 ? values[0] : nil
        switch field {
        case .status:
            let statuses = values.map(ImageStatus.init(apiValue:))
            guard self.statuses.isEmpty, statuses.allSatisfy(\.isDocumented) else { return false }
            self.statuses = statuses
        case .osFamily:
            guard osFamilies.isEmpty else { return false }
            osFamilies = values
        case .processorType:
            guard processorType == nil, let type = single.map(ProcessorType.init(apiValue:)), type.isDocumented
            else { return false }
            processorType = type
        case .visibility:
            guard visibility == nil, let value = single.map(Visibility.init(apiValue:)), value.isDocumented
            else { return false }
            visibility = value
        case .provider:
            guard provider == nil, let value = single.map(Provider.init(apiValue:)), value.isDocumented
            else { return false }
            provider = value
        case .owner:
            guard owner == nil, let single, Self.isResourceID(single, prefix: "usr-") else { return false }
            owner = single
        case .tags:
            guard tagIDs.isEmpty, let single, Self.isResourceID(single, prefix: "tag-") else { return false }
            tagIDs = [single]
        default:
            return false
        }
        return true
    }

    /// Whether `value` is a whole QingCloud resource id: the prefix and 8 lowercase letters or digits.
    private static func isResourceID(_ value: String, prefix: String) -> Bool {
        guard value.hasPrefix(prefix) else { return false }
        let suffix = value.utf8.dropFirst(prefix.utf8.count)
        return suffix.count == 8 && suffix.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }
}
