import Testing
import QingCloudSimulator

@Suite("Simulator start-up failures")
struct SimulatorListenTests {
    @Test("an address this machine does not have is one clear line, parentheses balanced, said once")
    func foreignAddressIsOneClearLine() async {
        var configuration = SimulatorConfiguration()
        // TEST-NET-1, reserved for documentation: no machine has it.
        configuration.host = "192.0.2.1"
        configuration.imageCount = 1
        let simulator = Simulator(configuration: configuration)
        do {
            _ = try await simulator.start()
            await simulator.stop()
            Issue.record("listening on 192.0.2.1")
        } catch {
            let message = "\(error)"
            #expect(message == "cannot listen on 192.0.2.1:0: Cannot assign requested address")
            #expect(message.components(separatedBy: "cannot listen").count == 2)
        }
    }
}
