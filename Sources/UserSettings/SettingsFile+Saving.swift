import Foundation
import QingCloud
import Yams

/// Why a change to the settings file was not saved, in one line naming the file.
public struct SettingsSaveError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "settings not saved to \(file): \(reason)" }
}

extension SettingsFile {
    /// Makes `changes` in the file at `location` as it is now on disk (read again, so that an edit made
    /// meanwhile is kept) and writes it atomically: a temporary file in the same directory, then a rename.
    /// Returns the file as written.
    ///
    /// Refuses, writing nothing, when the file cannot be parsed or rewritten line by line, or when a
    /// section to replace holds a problem (what is wrong there would be lost): the user's words are never
    /// dropped.
    public static func saving(_ changes: [SettingsChange], at location: SettingsLocation) throws(SettingsSaveError) -> SettingsFile {
        let current = load(location)
        func failure(_ reason: String) -> SettingsSaveError { SettingsSaveError(file: location.displayPath, reason: reason) }
        if let reason = current.notRewritable { throw failure(reason + "; change it by hand") }
        var text = current.text ?? ""
        var settings = current.settings
        for change in changes {
            settings = change.applied(to: settings)
            if let problem = current.problems.first(where: { problem in
                guard let line = problem.line else { return false }
                return current.sectionLines(change.section)?.contains(line) ?? false
            }) {
                throw failure("line \(problem.line ?? 0) of `\(change.section)` has a problem to fix first (\(problem.message))")
            }
            do {
                text = try SettingsText.replacing(section: change.section, with: node(for: change, in: settings), in: text)
            } catch {
                throw failure("could not write `\(change.section)`: \(YAMLProblem(error, in: text).description)")
            }
        }
        let written = parse(text, location: location)
        // Checked before anything touches the disk: the new text must read back as what was meant.
        for change in changes where change.applied(to: written.settings).withoutLines != written.settings.withoutLines {
            throw failure("`\(change.section)` would not read back as written")
        }
        try writeAtomically(text, to: location, permissions: current.text == nil ? 0o644 : nil)
        return written
    }

    /// The lines (from 1) of the top-level section `name` in ``text``, nil when it is not there.
    func sectionLines(_ name: String) -> ClosedRange<Int>? {
        guard let text, let root = try? Yams.compose(yaml: text), let mapping = root.mapping else { return nil }
        let starts = mapping.compactMap { key, _ in key.mark.map { (key.scalar?.string ?? "", $0.line) } }
        guard let start = starts.first(where: { $0.0 == name })?.1 else { return nil }
        let next = starts.map(\.1).filter { $0 > start }.min() ?? Int.max
        return start...(next - 1)
    }

    /// The YAML a change writes under its section's key.
    static func node(for change: SettingsChange, in settings: Settings) -> Node {
        switch change {
        case .theme(let name): Node(name)
        case .mouse(let on), .remember(let on): Node(on ? "true" : "false")
        case .refresh(let seconds):
            Node(seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds))
        case .sort(let sort): Node(sort)
        case .columns(let columns): list(columns)
        case .view:
            Node(settings.views.map { view in
                var fields: [(Node, Node)] = [(Node("filter"), Node(view.filter, .implicit, .doubleQuoted))]
                if let sort = view.sort { fields.append((Node("sort"), Node(sort))) }
                if let zones = view.zones { fields.append((Node("zones"), Node(zones))) }
                if let columns = view.columns { fields.append((Node("columns"), list(columns))) }
                return (Node(view.name), Node(fields, .implicit, .flow))
            })
        case .remembered(let state):
            Node([(Node("sort"), state.sort.map { Node($0) }), (Node("zones"), state.zones.map { Node($0) })]
                .compactMap { key, value in value.map { (key, $0) } }, .implicit, .flow)
        }
    }

    private static func list(_ values: [String]) -> Node {
        Node(values.map { Node($0) }, .implicit, .flow)
    }

    /// Writes `text` to a temporary file beside the settings file, then renames it over the file: a reader
    /// sees the old file or the new one, never half of one. The directory is made when missing. The
    /// file's permissions are kept; `permissions` is for a new file.
    static func writeAtomically(_ text: String, to location: SettingsLocation, permissions: Int?) throws(SettingsSaveError) {
        func failure(_ what: String, _ code: Int32, _ path: String) -> SettingsSaveError {
            SettingsSaveError(file: location.displayPath, reason: "\(what): \(BoundedTextFile.reason(errno: code, path: path))")
        }
        let directory = location.directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SettingsSaveError(file: location.displayPath, reason: "cannot make the directory \(directory): \((error as NSError).localizedDescription)")
        }
        var status = stat()
        let mode = stat(location.path, &status) == 0 ? mode_t(status.st_mode & 0o7777) : mode_t(permissions ?? 0o644)
        var template = Array((directory + "/.config.yaml.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure("cannot write in \(directory)", errno, directory) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw failure("cannot write", code, temporary)
            }
            bytes = bytes.dropFirst(count)
        }
        fchmod(descriptor, mode)
        let synced = fsync(descriptor) == 0 ? 0 : errno
        let closed = close(descriptor) == 0 ? 0 : errno
        guard synced == 0, closed == 0 else {
            let code = synced != 0 ? synced : closed
            unlink(temporary)
            throw failure("cannot write", code, temporary)
        }
        guard rename(temporary, location.path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure("cannot replace the file", code, location.path)
        }
    }
}

extension Settings {
    /// The settings with every line number 0: what two readings of a file are compared on.
    var withoutLines: Settings {
        var settings = self
        settings.columns?.line = 0
        settings.sort?.line = 0
        settings.refresh?.line = 0
        settings.theme?.line = 0
        settings.mouse?.line = 0
        settings.remember?.line = 0
        settings.keys = keys.map { KeyRebinding(action: $0.action, keys: $0.keys, line: 0) }
        settings.commands = commands.map { var command = $0; command.line = 0; return command }
        settings.views = views.map { var view = $0; view.line = 0; return view }
        return settings
    }
}
