import Foundation
import QingCloud
import QingCloudSimulator
import TerminalVocabulary
import Testing
@testable import ImageBrowser

/// The user's own commands in the browser: the key asks for a run of the command with the selected
/// image's variables, after a `y/n` in the footer when the command asks for one; its end is one line.
@Suite("Browser: the user's commands")
struct BrowserCommandTests {
    static let launch = UserCommand(key: .character("L"), title: "launch an instance",
                                    command: "qingcloud iaas run-instances --image_id \"$QC_IMAGE_ID\"",
                                    confirm: true, output: .background)
    static let show = UserCommand(key: .control("w"), title: "show", command: "echo \"$QC_IMAGE_NAME\"")

    static func loaded(_ images: [Image] = Fixtures.images(30)) -> Harness {
        var harness = Harness(images: images, commands: [launch, show])
        harness.answerAll()
        return harness
    }

    private func footer(_ harness: Harness) -> String {
        let frame = harness.render()
        return frame.text(ofRow: frame.size.height - 1)
    }

    @Test("a command without confirm runs at once on the selected image")
    func runsAtOnce() throws {
        var harness = Self.loaded()
        harness.press(.down, .down, .control("w"))
        let run = try #require(harness.commandsRun.first)
        #expect(harness.commandsRun.count == 1)
        #expect(run.command == Self.show)
        #expect(run.variables["QC_IMAGE_ID"] == Fixtures.id(3))
        #expect(run.variables["QC_IMAGE_IDS"] == Fixtures.id(3))
        #expect(run.variables["QC_ZONE"] == "pek3a")
        #expect(run.variables["QC_ENDPOINT"] == "https://api.example.test/iaas/")
    }

    @Test("with marks, QC_IMAGE_IDS holds the marked images in the list's order; QC_IMAGE_ID the selected one")
    func runsOnMarks() throws {
        var harness = Self.loaded()
        harness.press(.character(" "), .down, .character(" "), .control("w"))
        let run = try #require(harness.commandsRun.first)
        let marked = harness.state.markedImages.map(\.id)
        #expect(marked.count == 2)
        #expect(run.variables["QC_IMAGE_IDS"] == marked.joined(separator: "\n"))
        #expect(run.variables["QC_IMAGE_KEYS"] == marked.map { "pek3a/" + $0 }.joined(separator: "\n"))
        #expect(run.variables["QC_IMAGE_ID"] == harness.state.selectedImage?.id)
    }

    @Test("a paste while the y/n question waits is no answer: the filter bar stays closed, the question stays")
    func pasteDuringQuestion() {
        var harness = Self.loaded()
        harness.press(.character("L"))
        _ = harness.send(.pasted("y"))
        #expect(!harness.state.filter.isEditing && harness.state.filter.text.isEmpty)
        #expect(harness.commandsRun.isEmpty)
        #expect(footer(harness).hasPrefix(" run \"launch an instance\""))
    }

    @Test("confirm: the footer asks y/n; n, Esc and q drop it, other keys wait, y runs it on the image it named")
    func confirmFlow() throws {
        var harness = Self.loaded()
        harness.press(.down, .character("L"))
        #expect(harness.commandsRun.isEmpty)
        #expect(footer(harness).hasPrefix(" run \"launch an instance\" on \(Fixtures.id(2))? y/n"))

        harness.press(.character("j"), .down)
        #expect(harness.selectedKey == Fixtures.id(2), "the question takes the keys: no move")
        #expect(harness.commandsRun.isEmpty)
        harness.press(.character("n"))
        #expect(harness.commandsRun.isEmpty)
        #expect(footer(harness).contains("not run: \"launch an instance\""))

        for cancel: Key in [.escape, .character("q")] {
            harness.press(.character("L"), cancel)
            #expect(harness.commandsRun.isEmpty)
            #expect(!harness.state.shouldQuit)
        }

        harness.press(.character("L"))
        // A refresh while the question waits changes nothing: the command runs on the image it named.
        harness.answerRounds()
        harness.press(.character("y"))
        let run = try #require(harness.commandsRun.first)
        #expect(harness.commandsRun.count == 1)
        #expect(run.command == Self.launch)
        #expect(run.variables["QC_IMAGE_ID"] == Fixtures.id(2))
        #expect(footer(harness).contains("\"launch an instance\" started in the background on \(Fixtures.id(2))"))
    }

    @Test("Ctrl-C at the question still quits")
    func controlCQuits() {
        var harness = Self.loaded()
        harness.press(.character("L"), .control("c"))
        #expect(harness.state.shouldQuit)
        #expect(harness.commandsRun.isEmpty)
    }

    @Test("the end is one line: exit 0, a failure and not found as warnings; nothing else changes")
    func endLine() {
        var harness = Self.loaded()
        harness.press(.down)
        harness.send(.commandEnded(CommandEnd(title: "launch", status: .exited(0), duration: .seconds(3))))
        #expect(footer(harness).hasPrefix(" \"launch\" ended: exit 0 (3s)"))
        #expect(harness.state.message?.kind == .info)
        harness.send(.commandEnded(CommandEnd(title: "launch", status: .exited(1), duration: .milliseconds(200))))
        #expect(footer(harness).hasPrefix(" \"launch\" ended: exit 1 (<1s)"))
        #expect(harness.state.message?.kind == .warning)
        harness.send(.commandEnded(CommandEnd(title: "launch", status: .exited(127), duration: .seconds(1), outputDiscarded: true)))
        #expect(footer(harness).hasPrefix(" \"launch\" ended: not found (exit 127) (1s) · no log: its output was discarded"))
        #expect(harness.selectedKey == Fixtures.id(2))
    }

    @Test("no image selected: the command does not run, the footer says why")
    func nothingSelected() {
        var harness = Self.loaded([])
        harness.press(.control("w"))
        #expect(harness.commandsRun.isEmpty)
        #expect(footer(harness).contains("no image selected"))
    }

    @Test("help lists the commands in a section of their own; the footer hints them when there is room")
    func helpAndFooter() {
        var harness = Self.loaded()
        let wide = harness.render(160, 40).text(ofRow: 39)
        #expect(wide.contains("L launch an instance  Ctrl-W show  q quit"))
        let narrow = harness.render(80, 24)
        #expect(!narrow.text(ofRow: 23).contains("launch"), "the first hints to go")
        #expect(narrow.text(ofRow: 23).contains("q quit"))
        harness.press(.character("?"))
        let help = HelpContent.lines(width: 90, options: harness.state.options).map { $0.map(\.text).joined() }
        let section = try? #require(help.firstIndex(of: "Your commands"))
        #expect(section.map { help[$0 + 1].contains("L") && help[$0 + 1].contains("launch an instance (in the background, asks first)") } == true)
        #expect(section.map { help[$0 + 2].contains("Ctrl-W") && help[$0 + 2].contains("show (in the terminal)") } == true)
        #expect(!HelpContent.lines(width: 90, options: BrowserOptions(endpointLabel: "test", zones: ["pek3a"])).contains { $0.map(\.text).joined() == "Your commands" })
    }
}

/// The variables a command reads the image from: every field of the schema, the ids, the filter and
/// the endpoint; hostile names intact, as values; never a credential.
@Suite("Command environment")
struct CommandEnvironmentTests {
    private static let now = Date(timeIntervalSince1970: 1_717_243_200)

    @Test("one QC_ variable per schema field, named from its JSON key, and the four others")
    func names() {
        #expect(CommandEnvironment.names == [
            "QC_IMAGE_ID", "QC_ZONE", "QC_IMAGE_NAME", "QC_STATUS", "QC_TRANSITION_STATUS", "QC_OS_FAMILY",
            "QC_PROCESSOR_TYPE", "QC_PLATFORM", "QC_SIZE", "QC_VISIBILITY", "QC_PROVIDER", "QC_OWNER",
            "QC_RECOMMENDED_TYPE", "QC_CREATE_TIME", "QC_STATUS_TIME", "QC_DESCRIPTION", "QC_TAGS",
            "QC_IMAGE_IDS", "QC_IMAGE_KEYS", "QC_FILTER", "QC_ENDPOINT",
        ])
        #expect(CommandEnvironment.fieldVariables.count == ImageField.allCases.filter(\.declaration.isInImage).count)
    }

    @Test("every variable of an image, as the schema writes its values")
    func values() {
        var image = Fixtures.image(7, name: "web 01", status: .pending, transition: .creating, os: "centos", size: 50,
                                   description: "built by ci", tags: [Tag(id: "tag-1", name: "prod", key: "env", value: "prod", color: "#fff", owner: "usr-1")])
        image.zone = nil
        let variables = CommandEnvironment.variables(image: image, zone: "pek3a", targets: [image], filter: "os:centos web",
                                                     endpoint: "https://api.qingcloud.com/iaas/")
        #expect(Set(variables.keys) == Set(CommandEnvironment.names))
        #expect(variables["QC_IMAGE_ID"] == Fixtures.id(7))
        #expect(variables["QC_ZONE"] == "pek3a")
        #expect(variables["QC_IMAGE_NAME"] == "web 01")
        #expect(variables["QC_STATUS"] == "pending")
        #expect(variables["QC_TRANSITION_STATUS"] == "creating")
        #expect(variables["QC_OS_FAMILY"] == "centos")
        #expect(variables["QC_PLATFORM"] == "linux")
        #expect(variables["QC_SIZE"] == "50")
        #expect(variables["QC_CREATE_TIME"] == APITimestamp.format(image.createTime!))
        #expect(variables["QC_DESCRIPTION"] == "built by ci")
        #expect(variables["QC_TAGS"] == "prod")
        #expect(variables["QC_FILTER"] == "os:centos web")
        #expect(variables["QC_ENDPOINT"] == "https://api.qingcloud.com/iaas/")
        image.zone = "sh1a"
        #expect(CommandEnvironment.variables(image: image, zone: "pek3a", targets: [image], filter: "", endpoint: "")["QC_ZONE"] == "sh1a",
                "a tagged image's own zone")
    }

    @Test("QC_IMAGE_IDS: the ids the command applies to, one per line")
    func ids() {
        let images = Fixtures.images(3)
        let variables = CommandEnvironment.variables(image: images[0], zone: "pek3a", targets: images, filter: "", endpoint: "")
        #expect(variables["QC_IMAGE_IDS"] == images.map(\.id).joined(separator: "\n"))
    }

    @Test("hostile names and descriptions arrive intact as values (a NUL, which no variable can hold, as U+FFFD)",
          arguments: HostileText.shellSamples + HostileText.samples)
    func hostileValues(text: String) {
        let image = Fixtures.image(1, name: text, description: text)
        let variables = CommandEnvironment.variables(image: image, zone: "pek3a", targets: [image], filter: text, endpoint: "")
        let expected = text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        #expect(variables["QC_IMAGE_NAME"] == expected)
        #expect(variables["QC_DESCRIPTION"] == expected)
        #expect(variables["QC_FILTER"] == expected)
        #expect(variables.values.allSatisfy { !$0.contains("\u{0}") })
    }

    @Test("no credential: the variables are the QC_ names only, whatever the options hold")
    func noSecret() {
        var harness = Harness(images: Fixtures.images(3), commands: [BrowserCommandTests.show])
        harness.answerAll()
        harness.press(.control("w"))
        let variables = harness.commandsRun.first?.variables ?? [:]
        #expect(Set(variables.keys) == Set(CommandEnvironment.names))
        #expect(!variables.values.contains { $0.contains("secret") || $0.contains("QYACCESS") })
    }
}
