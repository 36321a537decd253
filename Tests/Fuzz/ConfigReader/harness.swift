// libFuzzer harness for the config reader (~/.qingcloud/config.yaml through Yams): any bytes give a
// ConfigFile or one ConfigurationError; the message is one short line and never holds the secret.

import Foundation

/// The secret every input is checked against: it is planted on the `qy_secret_access_key` line.
let secret = "SeCrEtVaLuE42"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigReader(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    // An input that already holds the planted secret elsewhere (say as a port) may rightly be quoted.
    guard !text.contains(secret) else { return 0 }
    check(text)
    // The same text with the secret planted where the key's value goes, to look for leaks.
    if let range = text.range(of: "qy_secret_access_key:") {
        check(text.replacingCharacters(in: range, with: "qy_secret_access_key: " + secret))
    } else {
        check("qy_secret_access_key: " + secret + "\n" + text)
        check(text + "\nqy_secret_access_key: '" + secret + "'")
    }
    return 0
}

func check(_ text: String) {
    do {
        _ = try ConfigFile.parse(text, displayPath: "~/.qingcloud/config.yaml")
    } catch {
        let message = error.description
        precondition(!message.contains(secret), "the secret leaked: \(message)")
        precondition(!message.contains("\n") && !message.contains("\r"), "more than one line: \(message)")
        precondition(message.count < 600, "a long message: \(message.count) characters")
    }
}
