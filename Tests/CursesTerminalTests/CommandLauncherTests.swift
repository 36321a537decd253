import Foundation
import QingCloud
import QingCloudSimulator
import Testing
@testable import CursesTerminal
@testable import ImageBrowser

/// User commands run for real: `/bin/sh -c` in the background through the effect runner, with the
/// image in `QC_*` variables, its output appended to the log and its end posted as an event.
@Suite("User commands: real processes")
struct CommandLauncherTests {
    /// A fresh directory, removed by the test.
    private static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "qcimages-commands-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static func run(_ command: String, name: String = "web-01", inheriting environment: [String: String] = [:],
                            log: String?) -> CommandRun {
        let image = Image(id: "img-abc12345", name: name, description: nil, sizeGB: 20, processorType: .bits64, platform: .linux,
                          osFamily: "ubuntu", visibility: .private, provider: .self, owner: "usr-1", recommendedType: "c1m1",
                          status: .available, transitionStatus: nil, createTime: nil, statusTime: nil, tags: [])
        let variables = CommandEnvironment.variables(image: image, zone: "pek3a", targets: [image], filter: "os:ubuntu",
                                                     endpoint: "http://127.0.0.1:1/iaas/")
        return CommandRun(command: UserCommand(key: .character("L"), title: "try", command: command, output: .background),
                          variables: variables)
    }

    /// Runs `run` in the background and returns the end event it posts.
    private static func end(of run: CommandRun, environment: [String: String] = [:], log: String?) async throws -> CommandEnd {
        let (events, continuation) = AsyncStream<BrowserEvent>.makeStream()
        let runner = EffectRunner(service: InProcessImageService(images: []),
                                  launcher: CommandLauncher(environment: environment, logPath: log)) { continuation.yield($0) }
        #expect(runner.run(.runCommand(run)) == nil, "a background command leaves the terminal to the browser")
        var iterator = events.makeAsyncIterator()
        let event = try #require(await iterator.next())
        guard case .commandEnded(let end) = event else {
            Issue.record("unexpected \(event)")
            throw CancellationError()
        }
        return end
    }

    @Test("a background command gets the variables, writes to the log and its end (exit status, title) is posted")
    func background() async throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/qcimages.log"
        let command = Self.run(#"printf '%s|%s|%s|%s\n' "$QC_IMAGE_ID" "$QC_ZONE" "$QC_FILTER" "$KEPT"; echo to-stderr >&2; exit 3"#, log: log)
        let end = try await Self.end(of: command, environment: ["KEPT": "the user's own", "PATH": "/usr/bin:/bin"], log: log)
        #expect(end.title == "try")
        #expect(end.status == .exited(3))
        #expect(!end.outputDiscarded)
        let written = try String(contentsOfFile: log, encoding: .utf8)
        #expect(written.contains("img-abc12345|pek3a|os:ubuntu|the user's own\n"))
        #expect(written.contains("to-stderr\n"))
        #expect(written.contains("qcimages: \"try\" ended: exit 3"))
    }

    @Test("not found is exit 127; without a log the output goes to /dev/null and the end says so")
    func notFound() async throws {
        let end = try await Self.end(of: Self.run("no-such-command-qcimages", log: nil), environment: ["PATH": "/usr/bin:/bin"], log: nil)
        #expect(end.status == .exited(127))
        #expect(end.outputDiscarded)
        #expect(end.message.hasPrefix("\"try\" ended: not found (exit 127)"))
    }

    @Test("a command ended by a signal says which")
    func signalled() async throws {
        let end = try await Self.end(of: Self.run("kill -TERM $$", log: nil), environment: ["PATH": "/usr/bin:/bin"], log: nil)
        #expect(end.status == .signalled(SIGTERM))
        #expect(end.message.hasPrefix("\"try\" ended: ended by signal \(SIGTERM)"))
    }

    @Test("a background command is in its own process group with stdin from /dev/null")
    func detached() async throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/log"
        let end = try await Self.end(
            of: Self.run(#"test "$(ps -o pgid= -p $$ | tr -d ' ')" = "$$" && echo own-group; read line || echo stdin-empty"#, log: log),
            environment: ["PATH": "/usr/bin:/bin"], log: log)
        #expect(end.status == .exited(0))
        let written = try String(contentsOfFile: log, encoding: .utf8)
        #expect(written.contains("own-group\n"))
        #expect(written.contains("stdin-empty\n"))
    }

    @Test("hostile names reach the command as values only: nothing runs, the value arrives byte for byte",
          arguments: HostileText.shellSamples)
    func hostileName(name: String) async throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/log"
        let planted = name.replacingOccurrences(of: "/tmp/", with: directory + "/")
        let command = Self.run(#"printf '%s' "$QC_IMAGE_NAME" > "$OUT""#, name: planted, log: log)
        let end = try await Self.end(of: command, environment: ["PATH": "/usr/bin:/bin", "OUT": directory + "/name", "HOME": directory + "/home"],
                                     log: log)
        #expect(end.status == .exited(0))
        #expect(try String(contentsOfFile: directory + "/name", encoding: .utf8) == planted)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["log", "name"], "no pwned file was made")
    }

    @Test("the command's environment: the inherited one as it was, the QC_ variables on top, no credential added")
    func environment() {
        let run = Self.run("true", log: nil)
        let launcher = CommandLauncher(environment: ["HOME": "/home/u", "QC_IMAGE_ID": "stale", "TERM": "xterm"], logPath: nil)
        let environment = launcher.environment(for: run)
        #expect(environment["HOME"] == "/home/u")
        #expect(environment["TERM"] == "xterm")
        #expect(environment["QC_IMAGE_ID"] == "img-abc12345")
        #expect(Set(environment.keys) == Set(["HOME", "TERM"] + CommandEnvironment.names))
        #expect(!environment.keys.contains { $0.contains("SECRET") || $0.contains("ACCESS_KEY") })
    }

    @Test("a terminal command is handed to the loop, not run by the runner")
    func terminalGoesToTheLoop() {
        var run = Self.run("true", log: nil)
        run.command.output = .terminal
        let runner = EffectRunner(service: InProcessImageService(images: [])) { _ in }
        #expect(runner.run(.runCommand(run)) == .runInTerminal(run))
    }
}
