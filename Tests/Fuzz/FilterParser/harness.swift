// libFuzzer harness for the filter language: whatever is typed or pasted into the filter bar parses
// without a crash, reports an error inside the text, and matches the same images whichever way they are
// checked (one image at a time, all at once through the index, many alternatives in one pass).

import Foundation
import QingCloud

let images: [Image] = {
    func tag(_ id: String, _ name: String, _ key: String, _ value: String) -> Tag {
        Tag(id: id, name: name, key: key, value: value, color: "#c096e0", owner: "usr-1")
    }
    let names = ["Ubuntu Server 22.04 LTS", "银河 麒麟 V10 服务器版", "CentOS 7.9 minimal", "clear\u{1B}[2Jscreen",
                 "bidi-\u{202E}gnp.exe", "İstanbul École", "rocket 🚀 family 👨‍👩‍👧", "", "a|b \"quoted\" size>50",
                 "Windows Server 2022", "debian-12", "img-00000001"]
    let statuses: [ImageStatus] = [.available, .pending, .deprecated, .deleted, .ceased, .suspended]
    return names.enumerated().map { number, name in
        Image(
            id: "img-\(String(format: "%08d", number))", name: name,
            description: number % 3 == 0 ? nil : "desc \(name.prefix(5)) \(number)", sizeGB: [10, 20, 50, 100][number % 4],
            processorType: number % 2 == 0 ? .bits64 : .bits32, platform: .linux,
            osFamily: ["ubuntu", "kylin", "centos", "debian"][number % 4], visibility: number % 2 == 0 ? .public : .private,
            provider: number % 3 == 0 ? .system : .self, owner: "usr-\(number % 5)", recommendedType: "c1m1",
            status: statuses[number % statuses.count], transitionStatus: number % 4 == 1 ? .creating : nil,
            createTime: nil, statusTime: nil,
            tags: number % 2 == 0 ? [tag("tag-\(number % 3)", "prod", "env", "生产")] : [])
    }
}()

let index: FilterIndex = {
    var index = FilterIndex()
    images.forEach { index.append($0) }
    return index
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFilter(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    let filter = ImageFilter.parse(text)
    if let error = filter.syntaxError {
        precondition((0...text.count).contains(error.offset), "error offset \(error.offset) outside the text")
        precondition(!error.message.isEmpty)
    }
    _ = filter.serverQuery

    // One at a time and all at once agree.
    var candidates = FilterBitSet(count: index.count)
    for number in 0..<index.count { candidates.insert(number) }
    filter.program.narrow(&candidates, in: index)
    for (number, image) in images.enumerated() {
        precondition(filter.matches(image) == candidates.contains(number), "index and single image disagree")
    }

    // Alternatives in one pass agree with each alternative on its own.
    if !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "!" }), text.contains("|") {
        let parts = text.split(separator: "|", omittingEmptySubsequences: true).map(String.init)
        // `field:` when the first alternative starts with a field name (as the parser reads one).
        let field = parts.first.flatMap { first -> String? in
            guard let colon = first.firstIndex(of: ":") else { return nil }
            let name = first[..<colon]
            let isName = name.first.map { $0.isASCII && $0.isLetter } == true
                && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            return isName ? String(first[...colon]) : nil
        } ?? ""
        if filter.syntaxError == nil, !field.isEmpty || !text.contains(":"), !text.contains(where: { "<>=".contains($0) }) {
            let singles = parts.enumerated().map { offset, part in
                ImageFilter.parse(offset == 0 || field.isEmpty ? part : field + part)
            }
            for image in images {
                precondition(filter.matches(image) == singles.contains { $0.matches(image) }, "alternatives disagree")
            }
        }
    }
    return 0
}
