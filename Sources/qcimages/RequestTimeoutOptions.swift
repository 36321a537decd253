import ArgumentParser

/// `--request-timeout` (kubectl's name), with `--timeout`, its name before `wait` gave `--timeout` the
/// whole wait, kept as an alias on the commands where it does not clash.
struct RequestTimeoutOptions: ParsableArguments {
    @Option(name: [.customLong("request-timeout"), .customLong("timeout")],
            help: ArgumentHelp("Seconds one request may take before it is retried or fails.", valueName: "seconds"))
    var seconds: Double = RequestTimeout.defaultSeconds

    func validate() throws { try RequestTimeout.validate(seconds) }

    var duration: Duration { .seconds(seconds) }
}

/// `--request-timeout` alone, for `wait`, whose `--timeout` bounds the whole wait.
struct RequestTimeoutOnlyOptions: ParsableArguments {
    @Option(name: .customLong("request-timeout"),
            help: ArgumentHelp("Seconds one request may take before it is retried or fails.", valueName: "seconds"))
    var seconds: Double = RequestTimeout.defaultSeconds

    func validate() throws { try RequestTimeout.validate(seconds) }

    var duration: Duration { .seconds(seconds) }
}

/// The rule both spellings of the request timeout share.
enum RequestTimeout {
    static let defaultSeconds: Double = 20

    static func validate(_ seconds: Double) throws {
        guard seconds > 0, seconds <= 600 else {
            throw ValidationError("--request-timeout must be more than 0 and at most 600 seconds")
        }
    }
}
