import Foundation

// libFuzzer entry point for the simulator's request parameters (Sources/QingCloudSimulator/
// RequestParameters.swift and DescribeImagesRequest.swift) and the page they ask of a zone's catalogue
// (ImageWorld.page), compiled together with them by run.sh. Every input is a query string or form body,
// as `qcimages simulate` receives it; decoding, validating and answering must finish without a crash,
// a refusal must be a 1100, and an answer must be JSON holding no more images than the limit asked for
// (capped at 100) and no more than the matches past the offset.

/// A small catalogue with churn, so that both the fixed and the changing images are paged.
private let world = ImageWorld(imageCount: 300, seed: 7, churn: true, epoch: Date(timeIntervalSince1970: 1_700_000_000))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: count)
    var parameters = RequestParameters()
    let request: DescribeImagesRequest
    do {
        try parameters.append(formEncoded: bytes)
        request = try DescribeImagesRequest(parameters: parameters)
    } catch {
        if error.returnCode != .badRequest { fatalError("a bad parameter gave \(error.code), not 1100") }
        return 0
    }
    for time: Int64 in [0, 86_400 * 30] {
        let result = world.page(matching: request.filter, at: time, offset: request.offset, limit: request.limit)
        if result.page.count > request.limit || result.page.count > 100 {
            fatalError("\(result.page.count) images for a limit of \(request.limit)")
        }
        if result.page.count > max(0, result.totalCount - min(request.offset, result.totalCount)) {
            fatalError("\(result.page.count) images past offset \(request.offset) of \(result.totalCount)")
        }
        let body = world.describeImagesResponse(totalCount: result.totalCount, page: result.page)
        guard (try? JSONSerialization.jsonObject(with: Data(body))) != nil else { fatalError("the answer is not JSON") }
    }
    return 0
}
