import JSONEngine
/// Reads a DescribeImages answer straight into ``ImagePage`` in one pass over its bytes.
///
/// A generic JSON tree and then typed values cost about ten times as much as the network at 100,000 images;
/// this reader knows the shape, decodes only the fields ``Image`` keeps and gives each image its object as
/// a slice of the body (``JSONText``). It accepts and rejects what Foundation's reader does (see
/// ``JSONScanner`` for the two ways it is kinder) and reports the same failures the API client always has.
enum ImagePageDecoder {
    /// What went wrong: bad syntax (with the byte offset) or JSON of the wrong shape.
    enum Failure: Error, Equatable {
        case syntax(JSONScanner.Failure)
        case shape(String)
    }

    /// The answer's envelope and page; `images` is empty and `totalCount` nil unless the API sent them.
    struct Answer {
        var returnCode: Int?
        var message: String?
        var totalCount: Int?
        var images: [Image]?
        /// The first element of `image_set` that is not an image, described.
        var badElement: String?
    }

    static func decode(_ body: [UInt8]) throws(Failure) -> Answer {
        do {
            return try body.withUnsafeBufferPointer { buffer throws(DecodingProblem) in
                var reader = Reader(scanner: JSONScanner(buffer), body: body)
                return try reader.document()
            }
        } catch {
            switch error {
            case .syntax(let failure): throw .syntax(failure)
            case .shape(let reason): throw .shape(reason)
            }
        }
    }

    private enum DecodingProblem: Error {
        case syntax(JSONScanner.Failure)
        case shape(String)
    }

    private struct Reader {
        var scanner: JSONScanner
        let body: [UInt8]
        /// The first value of the wrong type, reported once the whole body is known to be JSON.
        var shapeProblem: String?

        init(scanner: JSONScanner, body: [UInt8]) {
            self.scanner = scanner
            self.body = body
        }

        mutating func document() throws(DecodingProblem) -> Answer {
            let answer: Answer
            do {
                answer = try topLevel()
                try scanner.end()
            } catch {
                throw .syntax(error)
            }
            if let shapeProblem { throw .shape(shapeProblem) }
            return answer
        }

        private mutating func wrongType(_ path: String) throws(JSONScanner.Failure) {
            if shapeProblem == nil { shapeProblem = "unexpected value at \(path)" }
            try scanner.skipValue(depth: 1)
        }

        private mutating func topLevel() throws(JSONScanner.Failure) -> Answer {
            var answer = Answer()
            guard let first = scanner.peek() else {
                if scanner.bytes.isEmpty { throw JSONScanner.Failure(reason: "empty body", offset: 0) }
                throw scanner.truncated()
            }
            guard first == 0x7B else {
                if shapeProblem == nil { shapeProblem = "unexpected value at top level" }
                try scanner.skipValue(depth: 0)
                return answer
            }
            if try scanner.open(0x7B, closing: 0x7D) { return answer }
            var seen: Set<TopLevelField> = []
            repeat {
                let key = try scanner.key()
                let field = TopLevelField.keys.field(key, in: scanner)
                guard let field, seen.insert(field).inserted else {
                    try scanner.skipValue(depth: 1)
                    continue
                }
                switch field {
                case .imageSet: answer.images = try imageSet(&answer)
                case .totalCount: answer.totalCount = try integer("total_count")
                case .returnCode: answer.returnCode = try integer("ret_code")
                case .message: answer.message = try optionalString("message")
                }
            } while try scanner.continues(closing: 0x7D)
            return answer
        }

        /// An `Int?` member as Foundation's decoder reads it: null is nil, a whole number fits, anything else is wrong.
        private mutating func integer(_ path: String) throws(JSONScanner.Failure) -> Int? {
            switch scanner.peek() {
            case 0x6E?:
                try scanner.literal("null")
                return nil
            case 0x2D?, (0x30...0x39)?:
                let token = try scanner.number()
                if token.isInteger, let value = scanner.integer(token) { return value }
                if !token.isInteger, let value = Self.wholeNumber(scanner.double(token)) { return value }
                if shapeProblem == nil { shapeProblem = "unexpected value at \(path)" }
                return nil
            default:
                try wrongType(path)
                return nil
            }
        }

        private mutating func optionalString(_ path: String) throws(JSONScanner.Failure) -> String? {
            switch scanner.peek() {
            case 0x22?: return scanner.text(try scanner.string())
            case 0x6E?:
                try scanner.literal("null")
                return nil
            default:
                try wrongType(path)
                return nil
            }
        }

        private mutating func imageSet(_ answer: inout Answer) throws(JSONScanner.Failure) -> [Image]? {
            switch scanner.peek() {
            case 0x5B?: break
            case 0x6E?:
                try scanner.literal("null")
                return nil
            default:
                try wrongType("image_set")
                return nil
            }
            var images: [Image] = []
            images.reserveCapacity(ImageQuery.maximumLimit)
            if try scanner.open(0x5B, closing: 0x5D) { return images }
            repeat {
                if scanner.peek() == 0x7B {
                    switch try image() {
                    case .success(let image): images.append(image)
                    case .failure(let problem): if answer.badElement == nil { answer.badElement = problem.description }
                    }
                } else {
                    if answer.badElement == nil { answer.badElement = "an element of image_set is not an object" }
                    try scanner.skipValue(depth: 2)
                }
            } while try scanner.continues(closing: 0x5D)
            return images
        }

        /// One element of `image_set`; only `image_id` is required.
        private mutating func image() throws(JSONScanner.Failure) -> Result<Image, DecodingFailure> {
            let start = scanner.position
            var fields = ImageFields()
            if try !scanner.open(0x7B, closing: 0x7D) {
                repeat {
                    let key = try scanner.key()
                    let field = ImageFields.keys.field(key, in: scanner)
                    try read(field, into: &fields)
                } while try scanner.continues(closing: 0x7D)
            }
            guard let id = fields[.id], !id.isEmpty else { return .failure(DecodingFailure("an image has no image_id")) }
            return .success(fields.image(id: id, raw: JSONText(bytes: body[start..<scanner.position])))
        }

        private mutating func read(_ field: ImageField?, into fields: inout ImageFields) throws(JSONScanner.Failure) {
            guard let field, fields.firstTime(field) else {
                try scanner.skipValue(depth: 3)
                return
            }
            switch field {
            case .size: fields.size = try sizeValue()
            case .tags: fields.tags = try tags()
            default: fields[field] = try stringOrNil()
            }
        }

        /// A string member; nil (and the value skipped) for null or any other kind.
        private mutating func stringOrNil() throws(JSONScanner.Failure) -> String? {
            guard scanner.peek() == 0x22 else {
                try scanner.skipValue(depth: 3)
                return nil
            }
            return scanner.text(try scanner.string())
        }

        /// `size`: a whole number that fits in `Int`, or a string of digits; nil otherwise.
        private mutating func sizeValue() throws(JSONScanner.Failure) -> Int? {
            switch scanner.peek() {
            case 0x2D?, (0x30...0x39)?:
                let token = try scanner.number()
                if token.isInteger, let value = scanner.integer(token) { return value }
                return Self.wholeNumber(scanner.double(token))
            case 0x22?:
                return Int(scanner.text(try scanner.string()))
            default:
                try scanner.skipValue(depth: 3)
                return nil
            }
        }

        private mutating func tags() throws(JSONScanner.Failure) -> [Tag] {
            guard scanner.peek() == 0x5B else {
                try scanner.skipValue(depth: 3)
                return []
            }
            var tags: [Tag] = []
            if try scanner.open(0x5B, closing: 0x5D) { return tags }
            repeat {
                guard scanner.peek() == 0x7B else {
                    try scanner.skipValue(depth: 4)
                    continue
                }
                var tag = Tag(id: "", name: "", key: "", value: "", color: "", owner: "")
                var seen: UInt8 = 0
                if try !scanner.open(0x7B, closing: 0x7D) {
                    repeat {
                        let key = try scanner.key()
                        var field = TagField.keys.field(key, in: scanner)
                        if let known = field {
                            let bit: UInt8 = 1 << UInt8(known.rawValue)
                            if seen & bit != 0 { field = nil }
                            seen |= bit
                        }
                        let value = try tagString()
                        switch field {
                        case .id?: tag.id = value
                        case .name?: tag.name = value
                        case .key?: tag.key = value
                        case .value?: tag.value = value
                        case .color?: tag.color = value
                        case .owner?: tag.owner = value
                        case nil: break
                        }
                    } while try scanner.continues(closing: 0x7D)
                }
                tags.append(tag)
            } while try scanner.continues(closing: 0x5D)
            return tags
        }

        private mutating func tagString() throws(JSONScanner.Failure) -> String {
            guard scanner.peek() == 0x22 else {
                try scanner.skipValue(depth: 5)
                return ""
            }
            return scanner.text(try scanner.string())
        }

        /// A finite whole number that fits in `Int`, as `Int` (what `JSONDecoder` accepts for `Int`).
        private static func wholeNumber(_ value: Double) -> Int? {
            guard value.isFinite, value.rounded() == value, abs(value) < 0x1p63 else { return nil }
            return Int(value)
        }
    }
}

extension Image {
    /// Reads an image from one element of `image_set`, by the same rules as a page (only `image_id` is
    /// required; a missing or `null` string becomes empty; unknown fields are kept in `rawJSON`).
    public init(json: JSONValue) throws(DecodingFailure) {
        let element = JSONText(json).bytes
        let body = Array(#"{"ret_code":0,"total_count":1,"image_set":["#.utf8) + element + Array("]}".utf8)
        let answer: ImagePageDecoder.Answer
        do {
            answer = try ImagePageDecoder.decode(body)
        } catch {
            throw DecodingFailure("an element of image_set is not JSON")
        }
        if let problem = answer.badElement { throw DecodingFailure(problem) }
        guard let image = answer.images?.first else { throw DecodingFailure("an element of image_set is not an object") }
        self = image
    }
}
