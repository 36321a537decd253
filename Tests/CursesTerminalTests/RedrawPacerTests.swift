import Testing

@testable import CursesTerminal

@Suite struct RedrawPacerTests {
    private let start = ContinuousClock.now
    private let interval = Duration.milliseconds(100)

    private func at(_ milliseconds: Int) -> ContinuousClock.Instant {
        start + .milliseconds(milliseconds)
    }

    /// A pacer that has just drawn a frame for a background event at 0 ms.
    private func pacerAfterABackgroundFrame() -> RedrawPacer {
        var pacer = RedrawPacer(interval: interval)
        pacer.backgroundEventArrived(at: at(0))
        pacer.drew(at: at(0))
        return pacer
    }

    @Test func nothingIsDueUntilSomethingHappensAndThenTheLoopSleepsWithoutLimit() {
        var pacer = RedrawPacer(interval: interval)
        #expect(!pacer.isDue(at: at(0)))
        #expect(pacer.pollTimeout(at: at(0)) == -1)
        pacer.inputArrived(at: at(5))
        pacer.drew(at: at(5))
        #expect(!pacer.isDue(at: at(500)))
        #expect(pacer.pollTimeout(at: at(500)) == -1)
    }

    @Test func inputIsDrawnAtOnceEvenRightAfterABackgroundFrame() {
        var pacer = pacerAfterABackgroundFrame()
        pacer.inputArrived(at: at(10))
        #expect(pacer.isDue(at: at(10)))
        #expect(pacer.pollTimeout(at: at(10)) == 0)
    }

    @Test func theFirstBackgroundEventAfterAQuietSpellIsDrawnAtOnce() {
        var pacer = RedrawPacer(interval: interval)
        pacer.inputArrived(at: at(0))
        pacer.drew(at: at(0))
        // The first page arriving just after the first (empty) frame shows without waiting.
        pacer.backgroundEventArrived(at: at(30))
        #expect(pacer.isDue(at: at(30)))
        pacer.drew(at: at(30))
        pacer.backgroundEventArrived(at: at(500))
        #expect(pacer.isDue(at: at(500)))
    }

    @Test func aBurstOfBackgroundEventsIsDrawnOnceWhenTheIntervalIsOver() {
        var pacer = pacerAfterABackgroundFrame()
        for milliseconds in [10, 20, 45, 70] {
            pacer.backgroundEventArrived(at: at(milliseconds))
            #expect(!pacer.isDue(at: at(milliseconds)))
        }
        #expect(pacer.pollTimeout(at: at(70)) == 30)
        #expect(pacer.pollTimeout(at: at(70) + .microseconds(1)) == 30)
        #expect(pacer.isDue(at: at(100)))
        pacer.drew(at: at(100))
        #expect(pacer.pollTimeout(at: at(100)) == -1)
        pacer.backgroundEventArrived(at: at(150))
        #expect(pacer.pollTimeout(at: at(150)) == 50)
    }

    @Test func inputDuringAThrottledBurstDrawsEverythingAtOnce() {
        var pacer = pacerAfterABackgroundFrame()
        pacer.backgroundEventArrived(at: at(20))
        pacer.inputArrived(at: at(30))
        #expect(pacer.isDue(at: at(30)))
        pacer.drew(at: at(30))
        // That frame carried the background event too: the next one waits for the interval from it.
        pacer.backgroundEventArrived(at: at(40))
        #expect(!pacer.isDue(at: at(40)))
        #expect(pacer.isDue(at: at(130)))
    }
}
