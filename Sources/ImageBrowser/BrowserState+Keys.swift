import Foundation
import QingCloud

/// What each key does. Ctrl-C always quits; an overlay takes the keys while it is open, then the filter
/// bar while it is being edited, then the focused pane.
extension BrowserState {
    mutating func handle(_ key: Key, now: Date, _ effects: inout [BrowserEffect]) {
        if key == .control("c") {
            quit(&effects)
        } else if overlay != nil {
            handleOverlayKey(key, now: now, &effects)
        } else if filter.isEditing {
            handleFilterBarKey(key, now: now, &effects)
        } else {
            handlePaneKey(key, now: now, &effects)
        }
    }

    private mutating func quit(_ effects: inout [BrowserEffect]) {
        markQuit()
        effects.append(.quit)
    }

    private mutating func handlePaneKey(_ key: Key, now: Date, _ effects: inout [BrowserEffect]) {
        switch key {
        case .character("q"):
            quit(&effects)
        case .up, .down, .character("k"), .character("j"), .pageUp, .pageDown, .control("b"), .control("f"),
             .home, .end, .character("g"), .character("G"):
            if focus == .detail {
                scrollDetail(key, now: now)
            } else {
                moveInList(key, now: now, &effects)
            }
        case .character("/"):
            openFilterBar()
        case .escape:
            if detailFullScreen {
                detailFullScreen = false
                focus = .list
            } else if focus == .detail {
                focus = .list
            } else {
                clearFilter(&effects)
            }
        case .enter:
            detailFullScreen.toggle()
            focus = detailFullScreen ? .detail : .list
        case .tab, .backTab:
            if layout.placement == .hidden {
                show("no room for the detail pane: Enter shows it full screen", kind: .warning, now: now)
            } else {
                focus = focus == .list ? .detail : .list
            }
        case .character("s"):
            setSort(catalog.order.nextColumn, now: now)
        case .character("S"):
            setSort(catalog.order.reversed, now: now)
        case .character("r"):
            refreshNow(now: now, &effects)
        case .character("p"):
            togglePause(now: now, &effects)
        case .character("c"):
            copySelectedID(now: now, &effects)
        case .character("y"):
            if let selectedID {
                overlay = .rawJSON(imageID: selectedID, scroll: 0)
            } else {
                show("no image selected", kind: .warning, now: now)
            }
        case .character("?"), .function(1):
            overlay = .help(scroll: 0)
        default:
            break
        }
    }

    private mutating func copySelectedID(now: Date, _ effects: inout [BrowserEffect]) {
        guard let image = selectedImage, let row = selectedRow else {
            show("no image selected", kind: .warning, now: now)
            return
        }
        // A control character in the id (CR/LF above all) would run as a command when the clipboard is
        // pasted into a shell: such an id is not copied at all.
        guard !Sanitizer.needsSanitizing(image.id) else {
            show("not copied: the id \(row.id) holds control characters", kind: .warning, now: now)
            return
        }
        effects.append(.copyToClipboard(image.id))
        show("copied \(row.id)", now: now)
    }

    /// Arrows, j/k, pages, Home/End and g/G over the list.
    mutating func moveInList(_ key: Key, now: Date, _ effects: inout [BrowserEffect]) {
        paging.jumpToEndPending = false
        guard !view.isEmpty else { return }
        let current = selectedIndex ?? 0
        let page = listRowsForScrolling
        switch key {
        case .up, .character("k"):
            select(index: current - 1)
        case .down, .character("j"):
            select(index: current + 1)
        case .pageUp, .control("b"):
            scrollTop -= page
            select(index: current - page)
        case .pageDown, .control("f"):
            scrollTop += page
            select(index: current + page)
        case .home, .character("g"):
            select(index: 0)
        case .end, .character("G"):
            jumpToEnd(now: now, &effects)
        default:
            break
        }
        loadAheadIfNearEnd(&effects)
    }

    /// The same keys over the detail pane's lines.
    private mutating func scrollDetail(_ key: Key, now: Date) {
        let layout = self.layout
        let visible = max(1, layout.detailLineCount)
        let total = selectedRow.map {
            DetailContent(row: $0, width: layout.detail?.width ?? size.width, now: now, highlights: []).lines.count
        } ?? 0
        detailScroll = Self.scrolled(detailScroll, by: key, visible: visible, total: total)
    }

    private mutating func handleOverlayKey(_ key: Key, now: Date, _ effects: inout [BrowserEffect]) {
        guard let overlay else { return }
        switch (key, overlay) {
        case (.escape, _), (.character("q"), _), (.enter, _), (.character("?"), .help), (.function(1), .help),
             (.character("y"), .rawJSON):
            self.overlay = nil
        case (.character("c"), .rawJSON):
            copySelectedID(now: now, &effects)
        default:
            let box = OverlayBox(size: size)
            let total = OverlayBox.lines(of: overlay, catalog: catalog, size: size).count
            let scroll = Self.scrolled(overlay.scroll, by: key, visible: max(1, box.contentHeight), total: total)
            self.overlay = overlay.scrolled(to: scroll)
        }
    }

    /// Scrolling text: the position after a movement key, kept within the text.
    static func scrolled(_ position: Int, by key: Key, visible: Int, total: Int) -> Int {
        let last = max(0, total - visible)
        let moved: Int
        switch key {
        case .up, .character("k"): moved = position - 1
        case .down, .character("j"): moved = position + 1
        case .pageUp, .control("b"): moved = position - visible
        case .pageDown, .control("f"), .character(" "): moved = position + visible
        case .home, .character("g"): moved = 0
        case .end, .character("G"): moved = last
        default: moved = position
        }
        return min(max(0, moved), last)
    }
}
