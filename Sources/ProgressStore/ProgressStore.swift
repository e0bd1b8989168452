import Foundation
import Lessons
import TutorApp

/// The learner's progress kept between runs, in `progress.json` in the tutor's state folder:
/// read once at the start, written whole (to a temporary file in the same folder, then renamed
/// over the old one) each time it is saved. Nothing here stops the tutor: a file that cannot be
/// read is set aside as `progress.json.corrupt`, and a folder that cannot be written means no
/// saving; each says so in one line.
public struct ProgressStore {
    /// The folder the file lives in.
    public let folder: URL
    /// False when the folder cannot be created or written, or a save failed: `save` then does
    /// nothing.
    public private(set) var canSave: Bool
    /// What went wrong when the store was opened, one line each.
    public let warnings: [String]
    /// What the file held at the start (nothing when starting afresh), and what was saved since.
    private var contents = ProgressFile()

    /// The file.
    public var file: URL { folder.appendingPathComponent("progress.json") }

    /// Where a file that cannot be read is set aside.
    public var corruptFile: URL { folder.appendingPathComponent("progress.json.corrupt") }

    /// The temporary file a save writes before renaming it over `file`; named after the
    /// process, so that two tutors saving at once do not write into the same one.
    var temporaryFile: URL { folder.appendingPathComponent(".progress.json.\(ProcessInfo.processInfo.processIdentifier).tmp") }

    /// The tutor's state folder for `environment`: `$XDG_STATE_HOME/backprop-tutor`, or
    /// `$HOME/.local/state/backprop-tutor` when `XDG_STATE_HOME` is unset, empty or not an
    /// absolute path (as the XDG Base Directory Specification says); nil without either.
    public static func folder(in environment: [String: String]) -> URL? {
        let base: URL
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = URL(fileURLWithPath: state, isDirectory: true)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/state", isDirectory: true)
        } else {
            return nil
        }
        return base.appendingPathComponent("backprop-tutor", isDirectory: true)
    }

    /// The store in `folder`, which is created if missing. Unless `fresh`, the file is read; one
    /// that cannot be read or decoded is renamed to `progress.json.corrupt` and the store starts
    /// empty. `fresh` ignores the file, which the first save replaces.
    public init(folder: URL, fresh: Bool) {
        self.folder = folder
        var warnings: [String] = []
        canSave = ProgressStore.canWrite(in: folder)
        if !canSave { warnings.append("Progress will not be saved: \(folder.path) cannot be created or written.") }
        if !fresh {
            let file = folder.appendingPathComponent("progress.json")
            do {
                contents = try ProgressStore.read(file) ?? ProgressFile()
            } catch {
                let corrupt = folder.appendingPathComponent("progress.json.corrupt")
                let setAside = rename(file.path, corrupt.path) == 0
                warnings.append("The saved progress \(error.reason); "
                                + (setAside ? "set aside as \(corrupt.lastPathComponent) in \(folder.path)." : "it stays as it is in \(folder.path)."))
            }
        }
        self.warnings = warnings
    }

    /// The id of the lesson on screen when the learner last left the tutor.
    public var lastLesson: String? { contents.last }

    /// What the learner did in `lesson` in earlier runs, checked against the lesson (see
    /// `SavedLesson.progress(in:)`): nil if they never opened it; `changed` when the lesson's
    /// text changed since or something no longer fits.
    public func progress(in lesson: Lesson) -> (progress: LessonProgress, changed: Bool)? {
        contents.lessons[lesson.id]?.progress(in: lesson)
    }

    /// Writes the progress of the lessons `visited`, replacing their records and keeping those
    /// of other lessons, with `last` as the lesson to resume. After a failure, which is thrown
    /// once, and when the folder cannot be written, does nothing.
    public mutating func save(_ visited: [(lesson: Lesson, progress: LessonProgress)], last: Lesson) throws(SaveError) {
        guard canSave else { return }
        var next = contents
        next.last = last.id
        for (lesson, progress) in visited { next.lessons[lesson.id] = SavedLesson(progress, in: lesson) }
        do {
            try write(next)
            contents = next
        } catch {
            canSave = false
            throw error
        }
    }

    /// Writes `contents` to the temporary file, then renames it over the file.
    private func write(_ contents: ProgressFile) throws(SaveError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = ProgressStore.nonFiniteNumbers.encoding
        do {
            try encoder.encode(contents).write(to: temporaryFile)
        } catch {
            try? FileManager.default.removeItem(at: temporaryFile)
            throw SaveError(description: "Progress could not be saved: \(temporaryFile.path) cannot be written.")
        }
        guard rename(temporaryFile.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: temporaryFile)
            throw SaveError(description: "Progress could not be saved: \(file.path) cannot be replaced.")
        }
    }

    /// The file at `url`, nil if there is none.
    private static func read(_ url: URL) throws(ReadError) -> ProgressFile? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = nonFiniteNumbers.decoding
        guard let file = try? decoder.decode(ProgressFile.self, from: data), file.version == ProgressFile.currentVersion else {
            throw .notAProgressFile
        }
        return file
    }

    /// Creates `folder` if missing; true when a file can be written in it.
    private static func canWrite(in folder: URL) -> Bool {
        let probe = folder.appendingPathComponent(".probe.\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil,
              FileManager.default.createFile(atPath: probe.path, contents: Data())
        else { return false }
        try? FileManager.default.removeItem(at: probe)
        return true
    }

    /// How numbers that are not finite (a value nudged past the largest `Double`) are written:
    /// as strings, since JSON has no such numbers.
    private static let nonFiniteNumbers = (
        encoding: JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan"),
        decoding: JSONDecoder.NonConformingFloatDecodingStrategy.convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    )
}

/// Why the file could not be read.
private enum ReadError: Error {
    /// The file could not be opened or read.
    case unreadable
    /// It is not JSON of the progress file's shape and version.
    case notAProgressFile

    /// Said after "The saved progress".
    var reason: String {
        switch self {
        case .unreadable: "could not be read"
        case .notAProgressFile: "is damaged or from another version"
        }
    }
}

/// A save that failed, said in one line.
public struct SaveError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
}
