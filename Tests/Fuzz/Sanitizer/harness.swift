// libFuzzer harness for Sanitizer, the one escaping function every sink uses (screen, table, ids, csv,
// stderr, log, clipboard). Any input is turned into text as the program would decode it; the properties
// that must hold for every text are checked, and a violation traps (libFuzzer reports it as a crash).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSanitizer(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let unsafeAnywhere = text.unicodeScalars.contains(where: Sanitizer.isUnsafe)
    precondition(Sanitizer.needsSanitizing(text) == unsafeAnywhere, "needsSanitizing disagrees with isUnsafe")

    for style in [Sanitizer.Style.visibleSymbols, .backslashEscapes] {
        let escaped = Sanitizer.escaped(text, style: style)
        precondition(!escaped.unicodeScalars.contains(where: Sanitizer.isUnsafe), "an unsafe scalar left raw")
        precondition(Sanitizer.escaped(escaped, style: style) == escaped, "not idempotent")
        if !unsafeAnywhere {
            precondition(escaped.unicodeScalars.elementsEqual(text.unicodeScalars), "safe text changed")
        }
        // Every safe scalar is kept, in order.
        let kept = text.unicodeScalars.filter { !Sanitizer.isUnsafe($0) }
        var remaining = escaped.unicodeScalars[...]
        for scalar in kept {
            guard let found = remaining.firstIndex(of: scalar) else { preconditionFailure("a safe scalar lost") }
            remaining = remaining[remaining.index(after: found)...]
        }
    }
    let symbols = Sanitizer.forDisplay(text)
    precondition(symbols.unicodeScalars.count == text.unicodeScalars.count, "symbols change the length")
    return 0
}
