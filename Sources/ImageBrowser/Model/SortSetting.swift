import Foundation
import QingCloud

/// A sort as the settings file, a view and the remembered state write it: the column's sort name
/// (as the header's "sort size" shows it), `-` in front for descending (`-created`, `name`).
public struct SortSetting: Sendable, Hashable, CustomStringConvertible {
    /// One of ``ImageField/columns``.
    public var field: ImageField
    public var descending: Bool

    public init(field: ImageField, descending: Bool) {
        self.field = field
        self.descending = descending
    }

    /// The names a sort may use, in screen order.
    public static let names = ImageField.columns.filter(\.declaration.isInImage).map(\.columnName)

    /// Reads `-created` or `name`; throws the one line saying what is wrong and which names exist.
    public init(parsing text: String) throws(Invalid) {
        guard let order = SortOrder(settingsName: text.trimmingCharacters(in: .whitespaces)) else {
            throw Invalid(description: "unknown sort \"\(text)\" (\(Self.names.joined(separator: ", ")); - in front for descending)")
        }
        self.init(field: order.column, descending: order.descending)
    }

    public var description: String { SortOrder(self).settingsName }

    /// Why a sort setting cannot be used, in one line.
    public struct Invalid: Error, Sendable, CustomStringConvertible {
        public let description: String
    }
}

extension SortOrder {
    init(_ setting: SortSetting) {
        self.init(column: setting.field, descending: setting.descending)
    }

    var setting: SortSetting { SortSetting(field: column, descending: descending) }
}
