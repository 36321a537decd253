import CNcurses
import ImageBrowser
import Testing

@testable import CursesTerminal

@Suite struct KeyDecoderTests {
    private func character(_ code: UInt32) -> InputEvent? {
        KeyDecoder.decode(status: OK, code: code)
    }

    private func keyCode(_ code: Int32) -> InputEvent? {
        KeyDecoder.decode(status: KEY_CODE_YES, code: UInt32(bitPattern: code))
    }

    @Test func printableCharactersOfAnyScriptAreCharacters() {
        #expect(character(UInt32(UInt8(ascii: "q"))) == .key(.character("q")))
        #expect(character(UInt32(UInt8(ascii: "/"))) == .key(.character("/")))
        #expect(character(0x955C) == .key(.character("镜")))
        #expect(character(0x1F600) == .key(.character("😀")))
        #expect(character(0xE9) == .key(.character("é")))
    }

    @Test("the bracketed paste's markers, given key codes above curses' own, start and end a paste")
    func bracketedPasteMarkers() {
        #expect(keyCode(KeyDecoder.pasteStartCode) == .pasteStart)
        #expect(keyCode(KeyDecoder.pasteEndCode) == .pasteEnd)
        #expect(KeyDecoder.pasteStartCode > KEY_MAX && KeyDecoder.pasteEndCode > KEY_MAX)
    }

    @Test func controlLettersAreControlKeys() {
        #expect(character(1) == .key(.control("a")))
        #expect(character(2) == .key(.control("b")))
        #expect(character(6) == .key(.control("f")))
        #expect(character(26) == .key(.control("z")))
    }

    @Test func editingCharactersAreTheirKeys() {
        #expect(character(9) == .key(.tab))
        #expect(character(10) == .key(.enter))
        #expect(character(13) == .key(.enter))
        #expect(character(8) == .key(.backspace))
        #expect(character(127) == .key(.backspace))
        #expect(character(27) == .key(.escape))
    }

    @Test func otherControlCharactersAreIgnored() {
        #expect(character(0) == nil)
        #expect(character(28) == nil)
        #expect(character(31) == nil)
        #expect(character(0x9B) == nil)
        #expect(character(0xD800) == nil)
    }

    @Test func cursesKeyCodesAreNavigationKeys() {
        #expect(keyCode(KEY_UP) == .key(.up))
        #expect(keyCode(KEY_DOWN) == .key(.down))
        #expect(keyCode(KEY_LEFT) == .key(.left))
        #expect(keyCode(KEY_RIGHT) == .key(.right))
        #expect(keyCode(KEY_PPAGE) == .key(.pageUp))
        #expect(keyCode(KEY_NPAGE) == .key(.pageDown))
        #expect(keyCode(KEY_HOME) == .key(.home))
        #expect(keyCode(KEY_END) == .key(.end))
        #expect(keyCode(KEY_BACKSPACE) == .key(.backspace))
        #expect(keyCode(KEY_DC) == .key(.delete))
        #expect(keyCode(KEY_BTAB) == .key(.backTab))
        #expect(keyCode(KEY_ENTER) == .key(.enter))
    }

    @Test func keypadAndVT220VariantsAreNavigationKeys() {
        #expect(keyCode(KEY_A1) == .key(.home))
        #expect(keyCode(KEY_C1) == .key(.end))
        #expect(keyCode(KEY_A3) == .key(.pageUp))
        #expect(keyCode(KEY_C3) == .key(.pageDown))
        #expect(keyCode(KEY_FIND) == .key(.home))
        #expect(keyCode(KEY_SELECT) == .key(.end))
    }

    @Test func functionKeysKeepTheirNumber() {
        #expect(keyCode(qc_key_f(1)) == .key(.function(1)))
        #expect(keyCode(qc_key_f(12)) == .key(.function(12)))
        #expect(keyCode(qc_key_f(0)) == nil)
    }

    @Test func resizeAndMouseAreReported() {
        #expect(keyCode(KEY_RESIZE) == .resize)
        #expect(keyCode(KEY_MOUSE) == .mouse)
        #expect(keyCode(KeyDecoder.sgrMouseCode) == .sgrMouse)
        #expect(KeyDecoder.sgrMouseCode > KeyDecoder.pasteEndCode)
    }

    @Test func unknownKeyCodesAndErrorsAreIgnored() {
        #expect(keyCode(KEY_IC) == nil)
        #expect(KeyDecoder.decode(status: ERR, code: 65) == nil)
    }
}
