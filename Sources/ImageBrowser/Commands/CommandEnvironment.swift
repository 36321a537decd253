import QingCloud

/// The environment variables a user command reads the image from: values, never text pasted into the
/// shell line, so a name such as `$(touch /tmp/pwned)` reaches the command as the text it is.
///
/// One variable per field of the schema (``ImageField``), named `QC_` and the field's JSON key (its CSV
/// header) upper-cased: `QC_IMAGE_ID`, `QC_ZONE`, `QC_IMAGE_NAME`, `QC_STATUS`, `QC_OS_FAMILY`,
/// `QC_SIZE`, `QC_CREATE_TIME`...; then `QC_IMAGE_IDS` (the ids the command applies to, one per line),
/// `QC_IMAGE_KEYS` (the same as `zone/id`, as `qcimages wait` takes them across zones), `QC_FILTER` (the
/// filter bar's text) and `QC_ENDPOINT`. Never a credential.
public enum CommandEnvironment {
    /// Each image field's variable, in the schema's order (not INSTANCES: it is not the image's data).
    public static let fieldVariables: [(field: ImageField, name: String)] = ImageField.allCases.filter(\.declaration.isInImage).map {
        ($0, "QC_" + $0.csvHeader.uppercased())
    }

    /// The ids the command applies to, one per line (as `c` copies marks and `pick` prints them).
    public static let idsVariable = "QC_IMAGE_IDS"
    /// The same images as `zone/id`, one per line: `qcimages wait` on marks from several zones.
    public static let keysVariable = "QC_IMAGE_KEYS"
    public static let filterVariable = "QC_FILTER"
    public static let endpointVariable = "QC_ENDPOINT"

    /// Every variable's name, in order.
    public static var names: [String] { fieldVariables.map(\.name) + [idsVariable, keysVariable, filterVariable, endpointVariable] }

    /// The variables for a command on `image` (the selected one) applying to `targets` (the marked
    /// images, or the selected one), shown in `zone` (the image's own when it is tagged with one).
    public static func variables(
        image: Image, zone: String, targets: [Image], filter: String, endpoint: String
    ) -> [String: String] {
        var variables: [String: String] = [:]
        for (field, name) in fieldVariables {
            variables[name] = field == .zone ? (image.zone ?? zone) : field.text(of: image)
        }
        variables[idsVariable] = targets.map(\.id).joined(separator: "\n")
        variables[keysVariable] = targets.map { ($0.zone ?? zone) + "/" + $0.id }.joined(separator: "\n")
        variables[filterVariable] = filter
        variables[endpointVariable] = endpoint
        return variables.mapValues(environmentSafe)
    }

    /// No environment variable can hold a NUL byte: each becomes U+FFFD; every other character stays.
    static func environmentSafe(_ value: String) -> String {
        value.contains("\u{0}") ? value.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : value
    }
}
