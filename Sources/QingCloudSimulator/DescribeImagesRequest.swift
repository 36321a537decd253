import QingCloud

/// The parameters of a DescribeImages request, validated as the real service validates them.
///
/// Errors: an invalid status, `verbose` other than 0, or an offset or limit that is not a non-negative
/// integer is 1100. Unknown values of the other enumerated filters simply match nothing. The limit
/// defaults to 20 and is capped at 100 without an error; an offset past the matches, up to `Int.max`, is an
/// empty page with the total.
struct DescribeImagesRequest: Sendable {
    var filter = DescribeImagesFilter()
    var offset: Int
    var limit: Int


    init(parameters: RequestParameters) throws(APIError) {
        if let verbose = parameters["verbose"], verbose != "0" {
            throw APIError(.badRequest, message: "InvalidParameterValue, verbose [\(verbose)] is not supported, use 0")
        }
        offset = try Self.count("offset", parameters) ?? 0
        limit = min(ImageQuery.maximumLimit, try Self.count("limit", parameters) ?? ImageQuery.defaultLimit)

        for value in parameters.list("status") {
            let status = ImageStatus(apiValue: value)
            guard status.isDocumented else {
                let valid = ImageStatus.documented.map(\.rawValue).joined(separator: ", ")
                throw APIError(.badRequest, message:
                    "InvalidParameterValue, status [\(value)] is not one of \(valid)")
            }
            filter.statuses.insert(status)
        }
        filter.imageIDs = parameters.list("images")
        filter.osFamilies = Set(parameters.list("os_family"))
        filter.processorTypes = Set(parameters.list("processor_type"))
        filter.visibilities = Set(parameters.list("visibility"))
        filter.providers = Set(parameters.list("provider"))
        filter.owners = Set(parameters.list("owner"))
        filter.tagIDs = Set(parameters.list("tags"))
        filter.searchWord = Array((parameters["search_word"] ?? "").lowercased().utf8)
    }

    static func count(_ name: String, _ parameters: RequestParameters) throws(APIError) -> Int? {
        guard let text = parameters[name] else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw APIError(.badRequest, message: "InvalidParameterValue, \(name) [\(text)] must be a non-negative integer")
        }
        return value
    }
}
