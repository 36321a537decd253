import Foundation
import JSONEngine

/// Reads API answers: the `ret_code` envelope and the DescribeImages page.
///
/// Anything that is not the API's JSON becomes ``QingCloudError/malformedResponse(reason:offset:excerpt:)``
/// with a short excerpt and, where the parser tells, the byte offset of the problem.
enum ResponseDecoder {
    private struct Envelope: Decodable {
        var ret_code: Int?
        var message: String?
    }

    /// Throws the API error when `ret_code` is not 0.
    static func checkReturnCode(_ body: [UInt8], hint: (APIError) -> String?) throws(QingCloudError) {
        let envelope: Envelope = try decode(Envelope.self, from: body)
        try check(code: envelope.ret_code, message: envelope.message, body: body, hint: hint)
    }

    /// The page of a DescribeImages answer, read in one pass with its `ret_code` (see ``ImagePageDecoder``).
    static func imagePage(from body: [UInt8], hint: (APIError) -> String? = { _ in nil }) throws(QingCloudError) -> ImagePage {
        let answer: ImagePageDecoder.Answer
        do {
            answer = try ImagePageDecoder.decode(body)
        } catch {
            switch error {
            case .syntax(let failure):
                throw .malformedResponse(reason: failure.reason, offset: failure.offset, excerpt: excerpt(body))
            case .shape(let reason):
                throw .malformedResponse(reason: reason, offset: nil, excerpt: excerpt(body))
            }
        }
        try check(code: answer.returnCode, message: answer.message, body: body, hint: hint)
        guard let images = answer.images, let total = answer.totalCount else {
            throw .malformedResponse(reason: "no image_set or total_count", offset: nil, excerpt: excerpt(body))
        }
        if let problem = answer.badElement {
            throw .malformedResponse(reason: problem, offset: nil, excerpt: excerpt(body))
        }
        return ImagePage(totalCount: total, images: images)
    }

    private static func check(code: Int?, message: String?, body: [UInt8],
                              hint: (APIError) -> String?) throws(QingCloudError) {
        guard let code else {
            throw .malformedResponse(reason: "no ret_code", offset: nil, excerpt: excerpt(body))
        }
        if code != 0 {
            let error = APIError(code: code, message: message ?? "")
            throw .api(error, hint: hint(error))
        }
    }

    private static func decode<T: Decodable>(_ type: T.Type, from body: [UInt8]) throws(QingCloudError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(body))
        } catch {
            // A lone surrogate escape in one name (`\ud800`) is not UTF-16 text and fails the whole
            // answer; it stands for a character that was lost, so it becomes U+FFFD and the page is kept.
            if let repaired = LoneSurrogates.replaced(in: body),
               let value = try? JSONDecoder().decode(type, from: Data(repaired)) {
                return value
            }
            if let syntax = syntaxError(in: body) {
                throw .malformedResponse(reason: syntax.reason, offset: syntax.offset, excerpt: excerpt(body))
            }
            throw .malformedResponse(reason: reason(for: error), offset: nil, excerpt: excerpt(body))
        }
    }

    /// The first 60 characters of a body, for error messages.
    static func excerpt(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(120), as: UTF8.self)
        let flat = text.map { $0.isNewline ? " " : $0 }
        let short = String(flat.prefix(60))
        return flat.count > 60 ? short + "…" : short
    }

    private static func reason(for error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "unexpected value at \(path.isEmpty ? "top level" : path)"
        @unknown default:
            return "not the API's JSON"
        }
    }

    /// What is wrong with the JSON syntax and the byte offset where parsing stopped; nil for valid JSON.
    private static func syntaxError(in body: [UInt8]) -> (reason: String, offset: Int)? {
        if body.isEmpty { return ("empty body", 0) }
        do {
            _ = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
            return nil
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if detail.contains("end of file") { return ("the JSON ends early (truncated)", body.count) }
            if let range = detail.range(of: "character "), let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }) {
                return ("not valid JSON", offset)
            }
            return ("not valid JSON", 0)
        }
    }
}

extension ImagePage {
    /// Reads the body of a DescribeImages answer, as the client does with each page it receives.
    public init(describeImagesAnswer body: [UInt8]) throws(QingCloudError) {
        self = try ResponseDecoder.imagePage(from: body)
    }
}
