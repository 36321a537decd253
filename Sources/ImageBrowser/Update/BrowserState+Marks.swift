import Foundation
import QingCloud
import TerminalVocabulary

/// Marks (Space, `*`, `U`), as htop's tags and mc's marked files: held by image key, so that they stay
/// on their images across filter, sort, paging, refresh and zones; `c`, `y` and pick's Enter act on them.
extension BrowserState {
    /// The marked images' keys in the list's order (the sort's, those the filter hides included).
    var markedKeys: [String] {
        guard !marks.isEmpty else { return [] }
        return catalog.sorted.lazy.map(catalog.key(at:)).filter(marks.contains)
    }

    /// The marked images in the list's order.
    var markedImages: [Image] { markedKeys.compactMap(catalog.image(forKey:)) }

    /// Space, `*` and `U`: in pick without `--multi` they say how to turn marks on and do nothing else.
    mutating func performMarking(_ action: KeyAction, now: Date, _ effects: inout [BrowserEffect]) {
        guard options.allowsMarks else {
            show("marks are off: qcimages pick --multi chooses several images", kind: .warning, now: now)
            return
        }
        switch action {
        case .toggleMark:
            guard let selectedKey else {
                show("no image selected", kind: .warning, now: now)
                return
            }
            if marks.remove(selectedKey) == nil { marks.insert(selectedKey) }
            moveInList(.next, now: now, &effects)
        case .markMatches:
            let before = marks.count
            marks.formUnion(listSlots.lazy.map(catalog.key(at:)))
            let matches = filter.applied.isEmpty ? "loaded images" : "matches"
            // Matches still arriving (pages loading, the server search running) are marked by * again.
            let loading = isFullyLoaded && !isServerSearchPending ? "" : "; more still loading: * again marks them"
            show("marked \(TextFormat.grouped(listSlots.count)) \(matches) (\(TextFormat.grouped(marks.count - before)) new)\(loading)",
                 now: now)
        case .clearMarks:
            show(marks.isEmpty ? "no marks" : "unmarked \(TextFormat.grouped(marks.count))", now: now)
            marks = []
        default:
            break
        }
    }

    /// `c` with marks: the marked ids, one a line; none is copied when one holds control characters.
    mutating func copyMarkedIDs(now: Date, _ effects: inout [BrowserEffect]) {
        let images = markedImages
        if let unsafe = images.first(where: { Sanitizer.needsSanitizing($0.id) }) {
            show("not copied: the id \(Sanitizer.forDisplay(unsafe.id)) holds control characters", kind: .warning, now: now)
            return
        }
        effects.append(.copyToClipboard(images.map(\.id).joined(separator: "\n")))
        show("copied \(images.count) marked \(images.count == 1 ? "id" : "ids")", now: now)
    }

    /// Unmarks the images that left the catalogue (deleted and gone from the listing, ceased, dropped by a
    /// refresh), and says so in the footer.
    mutating func dropVanishedMarks(now: Date) {
        guard !marks.isEmpty, catalog.revision != marksCheckedRevision else { return }
        marksCheckedRevision = catalog.revision
        let gone = marks.filter { catalog.slot(of: $0) == nil }
        guard !gone.isEmpty else { return }
        marks.subtract(gone)
        let named = gone.count == 1 ? " (\(Sanitizer.forDisplay(gone.first!)))" : ""
        show("\(gone.count) marked \(gone.count == 1 ? "image" : "images") gone\(named): unmarked", kind: .warning, now: now)
    }
}
