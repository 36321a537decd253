import QingCloud

/// The list's columns as the user chose them (F2's setup screen, `columns:` in the settings file), in
/// screen order, and the order a narrow list drops them in.
///
/// The standard choice is the list as it always was. NAME is always there: it takes the width the other
/// columns leave. Columns declared with a drop order (``ImageField/Column/Dropping``) keep it; the others
/// (those only shown when chosen) are dropped first, the last chosen first.
public struct ColumnChoice: Sendable, Hashable {
    /// The chosen columns in screen order, NAME among them, each once.
    public let fields: [ImageField]

    /// Keeps the columns of `fields` (first of each, fields that are not columns left out) and puts NAME
    /// after ID (or first) when it is missing.
    public init(_ fields: [ImageField]) {
        var chosen: [ImageField] = []
        for field in fields where field.declaration.column != nil && !chosen.contains(field) { chosen.append(field) }
        if !chosen.contains(.name) { chosen.insert(.name, at: chosen.firstIndex(of: .id).map { $0 + 1 } ?? 0) }
        self.fields = chosen
    }

    /// The list's columns unless the user chose others.
    public static let standard = ColumnChoice(ImageField.standardColumns)

    public var isStandard: Bool { self == Self.standard }

    /// The names the settings file writes (`[id, name, status, size, created]`).
    public var names: [String] { fields.map(\.columnName) }

    /// The columns named in a settings file's `columns:`, and the names that are no column, in order.
    public static func named(_ names: [String]) -> (choice: ColumnChoice, unknown: [String]) {
        var fields: [ImageField] = []
        var unknown: [String] = []
        for name in names {
            if let field = ImageField(columnName: name) { fields.append(field) } else { unknown.append(name) }
        }
        return (ColumnChoice(fields), unknown)
    }

    /// The columns never dropped for width but NAME and ZONE.
    var alwaysShown: [ImageField] {
        fields.filter { $0.dropping == nil && $0.column.width != .rest && $0.column.width != .zones }
    }

    /// The columns a narrow list leaves out, in the order they come back as it widens: the standard ones
    /// by their declared order, then the others in the order chosen.
    var returning: [ImageField] {
        let declared = fields.filter { $0.dropping?.order != nil }.sorted { $0.dropPriority < $1.dropPriority }
        return declared + fields.filter { $0.dropping != nil && $0.dropping?.order == nil }
    }

    /// Whether ZONE is chosen.
    var showsZone: Bool { fields.contains(.zone) }

    /// The choice with `field` shown (at the end) or hidden; NAME stays.
    func toggling(_ field: ImageField) -> ColumnChoice {
        if field == .name { return self }
        return fields.contains(field) ? ColumnChoice(fields.filter { $0 != field }) : ColumnChoice(fields + [field])
    }

    /// The choice with `field` moved `step` places (-1 up, 1 down) in screen order, when it is shown.
    func moving(_ field: ImageField, by step: Int) -> ColumnChoice {
        guard let index = fields.firstIndex(of: field), fields.indices.contains(index + step) else { return self }
        var moved = fields
        moved.swapAt(index, index + step)
        return ColumnChoice(moved)
    }
}
