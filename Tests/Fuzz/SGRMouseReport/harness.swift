// libFuzzer harness for SGRMouseReport, which reads the mouse reports the terminal sends after `ESC [<`
// (`--mouse`). Any input is taken as a report's body; a body that decodes must stand for a cell on
// screen, be made only of the characters the reader takes, and come back the same when written again.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSGRMouseReport(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let body = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    guard let event = SGRMouseReport.decode(body) else { return 0 }
    precondition(body.utf8.count <= SGRMouseReport.longestBody, "a body longer than a report decoded")
    precondition((0..<99_999).contains(event.column) && (0..<99_999).contains(event.row), "a cell off any screen")
    let characters = Array(body)
    for (index, character) in characters.enumerated() {
        let (continues, ends) = SGRMouseReport.continues(character)
        precondition(continues && ends == (index == characters.count - 1), "the reader would stop elsewhere")
    }
    let button = switch event.kind {
    case .press: 0
    case .wheelUp: 64
    case .wheelDown: 65
    }
    precondition(SGRMouseReport.decode("\(button);\(event.column + 1);\(event.row + 1)M") == event, "no round trip")
    return 0
}
