import FilterLanguage
import QingCloud

/// `list --filter`: the browser's filter language over what the server-side flags return, so that a
/// filter tried in the browser pastes into a script unchanged.
///
/// Unlike the filter bar, which shows a term it cannot read in red and filters by the others, a script
/// gets no partial answer: a term that does not parse is an error (see ``init(parsing:)``).
struct ListFilter {
    let filter: ImageFilter

    /// The filter `text` stands for; nil when it holds no term. Throws the one line saying which term is wrong.
    init?(parsing text: String) throws(Invalid) {
        let filter = ImageFilter.parse(text)
        if let error = filter.syntaxError { throw Invalid(description: "--filter \(text): \(error)") }
        guard !filter.isEmpty else { return nil }
        self.filter = filter
    }

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    /// The images of `zone` that pass (an image not tagged with a zone is matched as one of `zone`'s, so
    /// that `zone:` terms work with one zone too).
    func matching(_ images: [Image], zone: String) -> [Image] {
        images.filter { image in
            var tagged = image
            if tagged.zone == nil { tagged.zone = zone }
            return filter.matches(tagged)
        }
    }
}
