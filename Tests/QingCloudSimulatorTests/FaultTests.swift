import AsyncHTTPClient
import Foundation
import QingCloud
import Testing
@testable import QingCloudSimulator

/// Each kind of fault hits exactly the requests the plan says, over real HTTP.
@Suite struct FaultTests {
    func configuration(_ faults: FaultPlan) -> SimulatorConfiguration {
        var configuration = testConfiguration(images: 30)
        configuration.faults = faults
        return configuration
    }

    @Test(arguments: [
        (FaultPlan(every: [.busy: 2]), 5100),
        (FaultPlan(every: [.internalError: 2]), 5000),
        (FaultPlan(every: [.updating: 2]), 5300),
    ])
    func everyKthRequestGetsTheRetryableError(plan: FaultPlan, code: Int) async throws {
        try await withSimulator(configuration(plan)) { api async throws in
            var codes: [Int?] = []
            for _ in 1...4 {
                codes.append(try await api.send().retCode)
            }
            #expect(codes == [0, code, 0, code])
        }
    }

    @Test func malformedJSONIsRecognisablyTheAPIsButInvalid() async throws {
        try await withSimulator(configuration(FaultPlan(every: [.malformedJSON: 1]))) { api async throws in
            let reply = try await api.send()
            #expect(reply.status == 200)
            #expect(reply.text.hasPrefix("{\"action\":\"DescribeImagesResponse\""))
            #expect(reply.json == nil)
        }
    }

    @Test func truncatedJSONIsACompleteHTTPAnswerWithHalfTheJSON() async throws {
        try await withSimulator(configuration(FaultPlan(every: [.truncatedJSON: 2]))) { api async throws in
            let whole = try await api.send()
            let truncated = try await api.send()
            #expect(truncated.status == 200)
            #expect(truncated.json == nil)
            #expect(!truncated.body.isEmpty)
            #expect(whole.body.starts(with: truncated.body))
        }
    }

    @Test(arguments: [(FaultPlan(every: [.http500: 1]), 500), (FaultPlan(every: [.http503: 1]), 503)])
    func httpErrorsComeAsAProxyPage(plan: FaultPlan, status: Int) async throws {
        try await withSimulator(configuration(plan)) { api async throws in
            let reply = try await api.send()
            #expect(reply.status == status)
            #expect(reply.text.contains("<html>"))
        }
    }

    @Test func aDroppedConnectionGivesNoCompleteAnswer() async throws {
        try await withSimulator(configuration(FaultPlan(every: [.dropConnection: 2]))) { api async throws in
            #expect(try await api.send().retCode == 0)
            await #expect(throws: (any Error).self) {
                _ = try await api.send()
            }
            #expect(try await api.send().retCode == 0)
        }
    }

    @Test func latencyDelaysButDoesNotChangeTheAnswer() async throws {
        try await withSimulator(configuration(FaultPlan(latency: .milliseconds(20)))) { api async throws in
            let reply = try await api.send([("limit", "3")])
            #expect(reply.retCode == 0)
            #expect(reply.imageIDs.count == 3)
        }
    }

    @Test func faultsHitEvenRequestsThatWouldBeRefused() async throws {
        try await withSimulator(configuration(FaultPlan(every: [.busy: 1]))) { api async throws in
            #expect(try await api.send(secret: "wrong").retCode == 5100)
        }
    }

    @Test func whenFaultsCoincideTheFirstDeclaredWins() {
        let plan = FaultPlan(every: [.busy: 2, .internalError: 3, .http500: 2, .dropConnection: 5])
        #expect((1...6).map(plan.fault(forRequest:)) == [nil, .busy, .internalError, .busy, .dropConnection, .busy])
        #expect(FaultPlan.none.injectsErrors == false)
        #expect(FaultPlan(latency: .seconds(1)).injectsErrors == false)
    }
}

/// Starting and stopping.
@Suite struct SimulatorLifecycleTests {
    @Test func startReturnsTheEndpointAndStartingAgainReturnsTheSameOne() async throws {
        let simulator = Simulator(configuration: testConfiguration(images: 10))
        let url = try await simulator.start()
        #expect(url.absoluteString.hasPrefix("http://127.0.0.1:") && url.absoluteString.hasSuffix("/iaas/"))
        #expect((url.port ?? 0) > 0)
        #expect(try await simulator.start() == url)
        await simulator.stop()
    }

    @Test func twoSimulatorsOnPortZeroGetTwoPorts() async throws {
        let first = Simulator(configuration: testConfiguration(images: 10))
        let second = Simulator(configuration: testConfiguration(images: 10))
        let firstURL = try await first.start()
        let secondURL = try await second.start()
        #expect(firstURL.port != secondURL.port)
        await first.stop()
        await second.stop()
    }

    @Test func stoppingClosesThePortAndIsIdempotent() async throws {
        let configuration = testConfiguration(images: 10)
        let simulator = Simulator(configuration: configuration)
        let url = try await simulator.start()
        let api = RawAPI(endpoint: url, configuration: configuration)
        #expect(try await api.send().retCode == 0)
        await simulator.stop()
        await simulator.stop()
        await #expect(throws: (any Error).self) {
            _ = try await api.send(timeout: .seconds(1))
        }
    }

    @Test func aSimulatorCanBeStartedAgainAfterStopping() async throws {
        let configuration = testConfiguration(images: 10)
        let simulator = Simulator(configuration: configuration)
        _ = try await simulator.start()
        await simulator.stop()
        let url = try await simulator.start()
        #expect(try await RawAPI(endpoint: url, configuration: configuration).send().retCode == 0)
        await simulator.stop()
    }

    @Test func aPortInUseIsReportedByStart() async throws {
        let first = Simulator(configuration: testConfiguration(images: 10))
        let url = try await first.start()
        var configuration = testConfiguration(images: 10)
        configuration.port = url.port!
        let second = Simulator(configuration: configuration)
        await #expect(throws: SimulatorError.self) {
            _ = try await second.start()
        }
        await second.stop()
        await first.stop()
    }
}
