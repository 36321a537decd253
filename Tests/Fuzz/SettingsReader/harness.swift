// libFuzzer harness for the settings file (~/.config/qcimages/config.yaml through Yams): any bytes give
// settings and problems, each problem one short line; a file qcimages may rewrite, rewritten section by
// section, reads back with the change made and every other section as it was.

import Foundation

let location = SettingsLocation(path: "/nonexistent/qcimages/config.yaml", displayPath: "~/.config/qcimages/config.yaml")

/// The changes tried on every rewritable input.
let changes: [SettingsChange] = [
    .theme("light"), .columns(["id", "name", "status"]), .refresh(2), .mouse(true),
    .view(ViewEntry(name: "fuzz", filter: "os:ubuntu \"a b\"", sort: "-created", zones: "all", line: 0)),
    .remembered(RememberedState(sort: "name", zones: "pek3a")),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSettingsReader(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let file = SettingsFile.parse(text, location: location)
    for problem in file.problems {
        let line = problem.description
        precondition(!line.contains("\n") && !line.contains("\r"), "more than one line: \(line)")
        precondition(line.count < 400, "a long message: \(line.count) characters")
    }
    guard file.notRewritable == nil else { return 0 }
    for change in changes {
        let touched = file.problems.contains { problem in
            problem.line.map { file.sectionLines(change.section)?.contains($0) ?? false } ?? false
        }
        guard !touched, let rewritten = try? SettingsText.replacing(section: change.section, with: SettingsFile.node(for: change, in: change.applied(to: file.settings)), in: text) else {
            continue
        }
        let again = SettingsFile.parse(rewritten, location: location)
        precondition(again.notRewritable == nil, "a rewritten file is no longer rewritable: \(again.notRewritable ?? "")")
        precondition(change.applied(to: file.settings).withoutLines == again.settings.withoutLines,
                     "the rewritten file does not read back as the change: \(change)")
    }
    return 0
}
