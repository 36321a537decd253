import QingCloud
import TerminalVocabulary

/// `qcimages pick --print '{zone} {id}'`: a line per chosen image with its fields put in, named as the
/// filter language names them (`id`, `os`, `arch`, ...) or by their JSON keys (`image_id`, `os_family`),
/// both from ``ImageField``'s declarations. `{{` and `}}` are literal braces.
struct PickTemplate: Equatable {
    enum Piece: Equatable {
        case text(String)
        case field(ImageField)
    }

    /// Why a template cannot be used; the message names the fault and what would work.
    struct Invalid: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    let pieces: [Piece]

    /// The names a template may use, one per field, as the error lists them.
    static var fieldNames: [String] {
        ImageField.allCases.filter(\.declaration.isInImage).map { $0.filterName.isEmpty ? $0.csvHeader : $0.filterName }
    }

    init(parsing template: String) throws(Invalid) {
        var pieces: [Piece] = []
        var text = ""
        var rest = Substring(template)
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == "}" {
                guard rest.first == "}" else { throw Invalid(description: "a lone } in --print \(template) (}} for a brace)") }
                rest = rest.dropFirst()
                text.append("}")
            } else if character != "{" {
                text.append(character)
            } else if rest.first == "{" {
                rest = rest.dropFirst()
                text.append("{")
            } else {
                guard let close = rest.firstIndex(of: "}") else {
                    throw Invalid(description: "a { without its } in --print \(template) ({{ for a brace)")
                }
                let name = String(rest[..<close])
                guard let field = Self.field(named: name) else {
                    throw Invalid(description: "unknown field {\(name)} in --print; fields: "
                        + Self.fieldNames.joined(separator: " ") + " (or their JSON names)")
                }
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(.field(field))
                rest = rest[rest.index(after: close)...]
            }
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }

    /// The field `name` stands for: a filter-language name (any case) or a JSON key / CSV header.
    static func field(named name: String) -> ImageField? {
        ImageField(filterName: name) ?? ImageField.allCases.first { $0.declaration.isInImage && $0.csvHeader == name.lowercased() }
    }

    /// The line for `image` (with its newline), `zone` standing in for an image not tagged with one.
    /// Each value is written in `style`, so that a value cannot break the line or drive a terminal.
    func line(for image: Image, zone: String, style: Sanitizer.Style) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .field(.zone): Sanitizer.escaped(image.zone ?? zone, style: style)
            case .field(let field): Sanitizer.escaped(field.text(of: image), style: style)
            }
        }.joined() + "\n"
    }
}
