/// Polls until a ``WaitLedger`` has an outcome: every zone's images at each interval (the zones side by
/// side), each answer recorded, each round reported.
///
/// A poll that fails after the client's retries (timeouts, dropped connections, 5000, 5100, 5300, HTTP
/// 5xx, malformed answers) is not a verdict: it is reported and asked again at the next interval. A failure
/// that asking again cannot mend (bad credentials, permission, a clock too far off, an untrusted
/// certificate) is thrown. The whole wait's deadline belongs to the caller: cancel the task.
public struct ImageWaiter: Sendable {
    public let poller: ImageStatusPoller
    /// From the start of one round to the start of the next (longer when a round takes longer).
    public let interval: Duration
    /// How the waiter pauses between rounds; tests step a simulator's clock instead of sleeping.
    public let sleep: @Sendable (Duration) async throws -> Void

    public init(poller: ImageStatusPoller, interval: Duration,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.poller = poller
        self.interval = interval
        self.sleep = sleep
    }

    /// What one round found.
    public struct Round: Sendable {
        /// The ledger after the round.
        public let ledger: WaitLedger
        /// One line per image whose state changed.
        public let changes: [String]
        /// The zones whose poll failed this round, with why.
        public let failures: [(zone: String, error: QingCloudError)]
    }

    /// Polls until `ledger` has an outcome and returns it; `report` hears every round.
    public func run(_ ledger: WaitLedger, report: (Round) -> Void) async throws -> WaitLedger.Outcome {
        var ledger = ledger
        while true {
            let started = ContinuousClock.now
            let results = await pollEveryZone(ledger.idsToAsk)
            var changes: [String] = []
            var failures: [(zone: String, error: QingCloudError)] = []
            for (zone, result) in results {
                switch result {
                case .success(let observation):
                    changes += ledger.record(zone: zone, states: observation.states, unknown: observation.unknown)
                case .failure(.cancelled):
                    throw CancellationError()
                case .failure(let error):
                    guard Self.isPassing(error) else { throw error }
                    failures.append((zone, error))
                }
            }
            report(Round(ledger: ledger, changes: changes, failures: failures))
            if let outcome = ledger.outcome { return outcome }
            let spent = ContinuousClock.now - started
            try await sleep(spent < interval ? interval - spent : .zero)
        }
    }

    /// Whether a poll that failed this way may succeed next time.
    static func isPassing(_ error: QingCloudError) -> Bool {
        if case .malformedResponse = error { return true }
        return error.isRetryable
    }

    /// Every zone's poll side by side; the results in zone order.
    private func pollEveryZone(_ idsByZone: [String: [String]]) async -> [(String, Result<ZoneObservation, QingCloudError>)] {
        await withTaskGroup(of: (String, Result<ZoneObservation, QingCloudError>).self) { group in
            for (zone, ids) in idsByZone {
                group.addTask {
                    do throws(QingCloudError) {
                        return (zone, .success(try await poller.poll(zone: zone, ids: ids)))
                    } catch {
                        return (zone, .failure(error))
                    }
                }
            }
            var results: [(String, Result<ZoneObservation, QingCloudError>)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }
        }
    }
}
