import Foundation
import QingCloud
import TerminalVocabulary
import Testing
@testable import ImageBrowser

/// The list's columns as chosen (F2, `columns:`): screen order, NAME kept, the last chosen dropped first,
/// and the header's count of those a width leaves out.
@Suite("Chosen columns")
struct ColumnChoiceTests {
    @Test("the standard choice is the list as it always was, and every field with a column can be chosen")
    func standard() {
        #expect(ColumnChoice.standard.fields == [.id, .zone, .name, .status, .osFamily, .processorType, .size, .visibility, .createTime])
        #expect(ColumnChoice.standard.names == ["id", "zone", "name", "status", "os", "arch", "size", "visibility", "created"])
        for field in [ImageField.description, .platform, .owner, .tags, .recommendedType, .statusTime] {
            #expect(ImageField.columns.contains(field), "\(field)")
            #expect(!ImageField.standardColumns.contains(field), "\(field)")
        }
    }

    @Test("names: sort names, filter names and JSON keys, any case; NAME added after ID when left out; each once")
    func names() {
        let named = ColumnChoice.named(["ID", "desc", "platform", "status_time", "bogus", "platform", "tag"])
        #expect(named.choice.fields == [.id, .name, .description, .platform, .statusTime, .tags])
        #expect(named.unknown == ["bogus"])
        #expect(ColumnChoice.named(named.choice.names).choice == named.choice)
        #expect(ColumnChoice([.size]).fields == [.name, .size])
    }

    @Test("toggling adds a column at the end and removes it; NAME stays; moving swaps neighbours")
    func editing() {
        let choice = ColumnChoice([.id, .name, .status])
        #expect(choice.toggling(.platform).fields == [.id, .name, .status, .platform])
        #expect(choice.toggling(.status).fields == [.id, .name])
        #expect(choice.toggling(.name) == choice)
        #expect(choice.moving(.status, by: -1).fields == [.id, .status, .name])
        #expect(choice.moving(.id, by: -1) == choice)
        #expect(choice.moving(.status, by: 1) == choice)
    }

    @Test("the list shows the chosen columns in the chosen order")
    func order() {
        let choice = ColumnChoice([.status, .name, .platform, .id])
        #expect(ListPane.columns(width: 160, choice: choice).map(\.column) == [.status, .name, .platform, .id])
    }

    @Test("a chosen column that does not fit is dropped last-chosen-first, before the standard ones")
    func dropsLastChosenFirst() {
        let choice = ColumnChoice(ColumnChoice.standard.fields + [.platform, .owner, .recommendedType])
        func shown(_ width: Int) -> [ImageField] { ListPane.columns(width: width, choice: choice).map(\.column) }
        let wide = shown(250)
        #expect(wide.suffix(3) == [.platform, .owner, .recommendedType])
        let widths = (40...250).map { shown($0) }
        // As the width shrinks, RECOMMENDED goes first, then OWNER, then PLATFORM, then the standard ones.
        let lastWithoutRecommended = widths.lastIndex { !$0.contains(.recommendedType) }!
        let lastWithoutOwner = widths.lastIndex { !$0.contains(.owner) }!
        let lastWithoutPlatform = widths.lastIndex { !$0.contains(.platform) }!
        let lastWithoutArch = widths.lastIndex { !$0.contains(.processorType) }!
        #expect(lastWithoutArch < lastWithoutPlatform)
        #expect(lastWithoutPlatform < lastWithoutOwner)
        #expect(lastWithoutOwner < lastWithoutRecommended)
        for (offset, columns) in widths.enumerated() {
            let width = 40 + offset
            let placed = ListPane.columns(width: width, choice: choice)
            #expect(placed.last.map { $0.x + $0.width } ?? 0 <= width, "\(width)")
            #expect(columns.contains(.name) && columns.contains(.id) && columns.contains(.status), "\(width)")
        }
    }

    @Test("NAME never narrows as the terminal widens, with added columns too")
    func nameNeverNarrows() {
        let choice = ColumnChoice(ColumnChoice.standard.fields + [.description, .tags])
        var previous = 0
        for width in 40...250 {
            let name = ListPane.columns(width: width, choice: choice).first { $0.column == .name }!.width
            #expect(name >= previous, "\(width)")
            previous = name
        }
    }

    @Test("the header says how many chosen columns the width leaves out; the standard set says nothing")
    func hiddenCount() {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 80, height: 24))
        #expect(harness.state.geometry.hiddenColumns == 2)
        #expect(!harness.render(80, 24).text(ofRow: 1).contains("columns hidden"))
        harness.state.columns = ColumnChoice(ColumnChoice.standard.fields + [.platform, .owner])
        #expect(harness.state.geometry.hiddenColumns == 4)
        #expect(harness.render(80, 24).text(ofRow: 1).contains("4 columns hidden"))
        harness.state.columns = ColumnChoice([.id, .name, .status, .platform])
        #expect(harness.state.geometry.hiddenColumns == 0)
        #expect(!harness.render(80, 24).text(ofRow: 1).contains("column"))
    }

    @Test("the cells of the new columns: platform, owner, changed (an age), the description's first line, tags")
    func cells() {
        var harness = RenderFixtures.harness(size: TerminalSize(width: 250, height: 24), selecting: "img-ky10sp3a")
        harness.state.columns = ColumnChoice([.id, .name, .platform, .owner, .statusTime, .description, .tags])
        let frame = harness.render(250, 24)
        let row = (0..<24).map { frame.text(ofRow: $0) }.first { $0.hasPrefix(" img-ky10sp3a") }!
        #expect(row.contains("linux") && row.contains("usr-fixture1") && row.contains("10h"))
        #expect(row.contains("国产操作系统镜像"))
        #expect(row.contains("信创, web"))
        #expect(frame.text(ofRow: 2).contains("CHANGED") && frame.text(ofRow: 2).contains("DESCRIPTION"))
    }

    @Test("sort orders by settings name: a column, - in front for descending")
    func sortNames() {
        #expect(SortOrder(settingsName: "-created") == .serverDefault)
        #expect(SortOrder(settingsName: "name") == SortOrder(column: .name, descending: false))
        #expect(SortOrder(settingsName: "+platform") == SortOrder(column: .platform, descending: false))
        #expect(SortOrder(settingsName: "-bogus") == nil)
        #expect(SortOrder(column: .statusTime, descending: true).settingsName == "-changed")
    }
}
