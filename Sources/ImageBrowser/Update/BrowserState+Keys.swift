import Foundation
import QingCloud
import TerminalVocabulary

/// What each key does, as ``BrowserOptions/keys`` says: a user command's `y/n` question takes the keys while
/// it is asked, an overlay while it is open, then the filter bar while it is being edited, then the focused
/// pane, then the user's own commands. Ctrl-C always quits.
extension BrowserState {
    mutating func handle(_ key: Key, now: Date, _ effects: inout [BrowserEffect]) {
        if let pendingCommand {
            answerConfirmation(key, pending: pendingCommand, now: now, &effects)
        } else if viewNamePrompt != nil {
            handleViewNameKey(key, now: now, &effects)
        } else if case .viewChooser(let cursor) = overlay {
            handleViewChooserKey(key, cursor: cursor, now: now, &effects)
        } else if case .sortChooser(let cursor) = overlay {
            handleSortChooserKey(key, cursor: cursor, now: now, &effects)
        } else if case .setup(let screen) = overlay {
            handleSetupKey(key, screen: screen, now: now, &effects)
        } else if overlay != nil {
            handleOverlayKey(key, now: now, &effects)
        } else if filter.isEditing {
            handleFilterBarKey(key, now: now, &effects)
        } else if let action = options.keys.action(for: key, in: .panes) {
            perform(action, now: now, &effects)
        } else if let command = userCommand(for: key) {
            startUserCommand(command, now: now, &effects)
        } else {
            show(options.keys.keyName(for: .help).map { "\($0) for keys" } ?? "not a key here", now: now)
        }
    }

    mutating func quit(_ effects: inout [BrowserEffect]) {
        markQuit()
        effects.append(.quit)
    }

    private mutating func perform(_ action: KeyAction, now: Date, _ effects: inout [BrowserEffect]) {
        switch action {
        case .quit:
            quit(&effects)
        case .nextMatch, .previousMatch:
            if filter.applied.isEmpty {
                show("no filter" + (options.keys.keyName(for: .openFilter).map { ": \($0) filters the list" } ?? ""), kind: .warning, now: now)
            } else {
                moveInList(action == .nextMatch ? .next : .previous, now: now, &effects)
            }
        case .focusList:
            focus = .list
            if detailFullScreen { detailFullScreen = false }
        case .focusDetail:
            if geometry.layout.placement == .hidden, !detailFullScreen {
                showNoRoomForDetail(now: now)
            } else {
                focus = .detail
            }
        case .previous, .next, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .first, .last:
            if focus == .detail {
                scrollDetail(action, now: now)
            } else {
                moveInList(action, now: now, &effects)
            }
        case .openFilter:
            openFilterBar()
        case .back where options.picking && !detailFullScreen && focus == .list:
            quit(&effects)
        case .back:
            if detailFullScreen {
                detailFullScreen = false
                focus = .list
            } else if focus == .detail {
                focus = .list
            } else {
                clearFilter(&effects)
            }
        case .toggleFullScreen where listSlots.isEmpty && health.error != nil, .showError:
            showError(now: now)
        case .toggleFullScreen where options.picking:
            choose(now: now, &effects)
        case .toggleFullScreen:
            detailFullScreen.toggle()
            focus = detailFullScreen ? .detail : .list
        case .switchPane:
            if geometry.layout.placement == .hidden {
                showNoRoomForDetail(now: now)
            } else {
                focus = focus == .list ? .detail : .list
            }
        case .sortNext, .sortPrevious:
            let shown = geometry.columns.map(\.column)
            setSort(catalog.order.moved(by: action == .sortNext ? 1 : -1, among: shown), now: now)
        case .sortReverse:
            setSort(catalog.order.reversed, now: now)
        case .chooseSort:
            overlay = .sortChooser(cursor: catalog.order.column)
        case .chooseView:
            overlay = .viewChooser(cursor: 0)
        case .saveView:
            askForViewName(now: now)
        case .setup:
            openSetup()
        case .refresh:
            refreshNow(now: now, &effects)
        case .togglePause:
            togglePause(now: now, &effects)
        case .toggleMark, .markMatches, .clearMarks:
            performMarking(action, now: now, &effects)
        case .copyID where !marks.isEmpty:
            copyMarkedIDs(now: now, &effects)
        case .copyID:
            copySelectedID(now: now, &effects)
        case .rawJSON where !marks.isEmpty:
            overlay = .markedJSON(imageKeys: markedKeys, scroll: 0)
        case .rawJSON:
            if let selectedKey {
                overlay = .rawJSON(imageID: selectedKey, scroll: 0)
            } else {
                show("no image selected", kind: .warning, now: now)
            }
        case .help:
            overlay = .help(scroll: 0)
        case .keepFilter, .clearFilter, .clearFilterText, .deleteWord, .close, .pickSort, .pickView, .saveViewNamed,
             .toggleItem, .previousValue, .nextValue, .moveColumnUp, .moveColumnDown, .hideColumn:
            break
        }
    }

    private mutating func showNoRoomForDetail(now: Date) {
        let key = options.keys.keyName(for: .toggleFullScreen).map { ": \($0) shows it full screen" } ?? ""
        show("no room for the detail pane" + key, kind: .warning, now: now)
    }

    /// Pick's Enter: ends the session with the marked images chosen, or the selected one without marks.
    private mutating func choose(now: Date, _ effects: inout [BrowserEffect]) {
        if !marks.isEmpty {
            markQuit()
            effects.append(.choose(markedImages))
            return
        }
        guard let image = selectedImage else {
            show("no image selected", kind: .warning, now: now)
            return
        }
        markQuit()
        effects.append(.choose([image]))
    }

    /// `!`: the last error in full, which the header has one line for.
    private mutating func showError(now: Date) {
        if let error = health.error ?? health.lastFailure {
            overlay = .error(error, scroll: 0)
        } else {
            show("no error: the last request worked", now: now)
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
            show("not copied: the id \(row[.id]) holds control characters", kind: .warning, now: now)
            return
        }
        effects.append(.copyToClipboard(image.id))
        show("copied \(row[.id])", now: now)
    }

    /// The movement keys over the list.
    mutating func moveInList(_ action: KeyAction, now: Date, _ effects: inout [BrowserEffect]) {
        cancelJumpToEnd()
        guard !listSlots.isEmpty else { return }
        let current = selectedIndex ?? 0
        let page = geometry.listRows
        switch action {
        case .previous:
            select(index: current - 1)
        case .next:
            select(index: current + 1)
        case .pageUp:
            scrollTop -= page
            select(index: current - page)
        case .pageDown:
            scrollTop += page
            select(index: current + page)
        case .halfPageUp:
            scrollTop -= max(1, page / 2)
            select(index: current - max(1, page / 2))
        case .halfPageDown:
            scrollTop += max(1, page / 2)
            select(index: current + max(1, page / 2))
        case .first:
            select(index: 0)
        case .last:
            jumpToEnd(now: now, &effects)
        default:
            break
        }
        loadAheadIfNearEnd(&effects)
    }

    /// The same keys over the detail pane's lines.
    mutating func scrollDetail(_ action: KeyAction, now: Date) {
        let total = detailLineCount(now: now)
        detailScroll = Self.scrolled(detailScroll, by: action, visible: geometry.detailVisibleLines, total: total)
    }

    private mutating func handleOverlayKey(_ key: Key, now: Date, _ effects: inout [BrowserEffect]) {
        guard let overlay, let action = options.keys.action(for: key, in: .overlay) else { return }
        switch (action, overlay) {
        case (.quit, _):
            quit(&effects)
        case (.close, _), (.help, .help), (.rawJSON, .rawJSON), (.rawJSON, .markedJSON), (.showError, .error):
            self.overlay = nil
        case (.copyID, .rawJSON):
            copySelectedID(now: now, &effects)
        case (.copyID, .markedJSON):
            copyMarkedIDs(now: now, &effects)
        case (.refresh, .error):
            self.overlay = nil
            refreshNow(now: now, &effects)
        case (let movement, _) where movement.isMovement:
            scrollOverlay(overlay, by: movement)
        default:
            break
        }
    }

    /// The movement keys (and the wheel) over the help, raw JSON and error overlays.
    mutating func scrollOverlay(_ overlay: Overlay, by movement: KeyAction) {
        let total = overlayLineCount(of: overlay)
        let scroll = Self.scrolled(overlay.scroll, by: movement, visible: max(1, geometry.overlayBox.contentHeight), total: total)
        self.overlay = overlay.scrolled(to: scroll)
    }

    /// The sort chooser's keys: move the cursor, sort by its column, or leave the order as it was. Sorting
    /// keeps the selected image selected (``setSort(_:now:)``).
    private mutating func handleSortChooserKey(_ key: Key, cursor: ImageField, now: Date, _ effects: inout [BrowserEffect]) {
        guard let action = options.keys.action(for: key, in: .sortChooser) else { return }
        let choices = geometry.sortChoices.map(\.column)
        let index = choices.firstIndex(of: cursor) ?? 0
        switch action {
        case .quit:
            quit(&effects)
        case .close:
            overlay = nil
        case .pickSort:
            pickSort(cursor, now: now)
        case .previous, .next, .first, .last:
            overlay = .sortChooser(cursor: choices[Self.chooserCursor(index, after: action, count: choices.count)])
        default:
            break
        }
    }

    /// Closes the sort chooser and sorts by `column` (the order as it is when it is the column already).
    mutating func pickSort(_ column: ImageField, now: Date) {
        overlay = nil
        let order = catalog.order
        setSort(column == order.column ? order : SortOrder(column: column, descending: column.startsDescending), now: now)
    }

    /// A chooser's cursor (of `count` lines) after ↑ ↓ Home End, kept on its lines.
    static func chooserCursor(_ index: Int, after action: KeyAction, count: Int) -> Int {
        let moved = switch action {
        case .previous: index - 1
        case .next: index + 1
        case .first: 0
        case .last: count - 1
        default: index
        }
        return min(max(0, moved), max(0, count - 1))
    }

    /// Scrolling text: the position after a movement, kept within the text.
    static func scrolled(_ position: Int, by action: KeyAction, visible: Int, total: Int) -> Int {
        let last = max(0, total - visible)
        let moved: Int
        switch action {
        case .previous: moved = position - 1
        case .next: moved = position + 1
        case .pageUp: moved = position - visible
        case .pageDown: moved = position + visible
        case .halfPageUp: moved = position - max(1, visible / 2)
        case .halfPageDown: moved = position + max(1, visible / 2)
        case .first: moved = 0
        case .last: moved = last
        default: moved = position
        }
        return min(max(0, moved), last)
    }
}
