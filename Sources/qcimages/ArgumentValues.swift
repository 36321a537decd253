import ArgumentParser
import ImageBrowser
import QingCloud

/// The API's enumerations as flag values: only the documented values parse, and ArgumentParser lists
/// them in the help and in its error.
extension ProcessorType: ExpressibleByArgument {}
extension Visibility: ExpressibleByArgument {}
extension Provider: ExpressibleByArgument {}
extension ImageListFormat: ExpressibleByArgument {}
extension ThemeName: ExpressibleByArgument {}

extension OpenEnum where Self: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(apiValue: argument)
        guard isDocumented else { return nil }
    }

    public static var allValueStrings: [String] { documented.map(\.rawValue) }
}

/// Comma-separated flag values (`-s available,pending`), as qingcloud-cli takes them.
enum CommaList {
    /// The non-empty items of `text`, trimmed.
    static func items(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The statuses of `text`; an undocumented one is a mistake in the flags.
    static func statuses(_ text: String) throws -> [ImageStatus] {
        try items(text).map { value in
            let status = ImageStatus(apiValue: value)
            guard status.isDocumented else {
                throw ValidationError("\(value.debugDescription) is not one of \(ImageStatus.documented.map(\.rawValue).joined(separator: ", "))")
            }
            return status
        }
    }
}
