#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lessons
import TutorApp

/// The learner's progress kept between runs, in `progress.json` in the tutor's state folder:
/// read once at the start, written whole (to a temporary file in the same folder, then renamed
/// over the old one) each time it is saved. Nothing here stops the tutor: a file that cannot be
/// read is set aside as `progress.json.corrupt`, and a folder that cannot be written means no
/// saving; each says so in one line.
public struct ProgressStore {
    /// The folder the file lives in.
    public let folder: String
    /// False when the folder cannot be created or written, or a save failed: `save` then does
    /// nothing.
    public private(set) var canSave: Bool
    /// What went wrong when the store was opened, one line each.
    public let warnings: [String]
    /// What the file held at the start (nothing when starting afresh), and what was saved since.
    private var contents = ProgressFile()

    /// The file.
    public var file: String { System.path(folder, "progress.json") }

    /// Where a file that cannot be read is set aside.
    public var corruptFile: String { System.path(folder, "progress.json.corrupt") }

    /// The temporary file a save writes before renaming it over `file`; named after the
    /// process, so that two tutors saving at once do not write into the same one.
    var temporaryFile: String { System.path(folder, ".progress.json.\(getpid()).tmp") }

    /// The tutor's state folder for `environment` (this process's unless told):
    /// `$XDG_STATE_HOME/backprop-tutor`, or
    /// `$HOME/.local/state/backprop-tutor` when `XDG_STATE_HOME` is unset, empty or not an
    /// absolute path (as the XDG Base Directory Specification says); nil without either.
    public static func folder(in environment: [String: String] = System.environment(["XDG_STATE_HOME", "HOME"])) -> String? {
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = System.path(home, ".local/state")
        } else {
            return nil
        }
        return System.path(base, "backprop-tutor")
    }

    /// The store in `folder`, which is created if missing. Unless `fresh`, the file is read; one
    /// that cannot be read or decoded is renamed to `progress.json.corrupt` and the store starts
    /// empty. `fresh` ignores the file, which the first save replaces.
    public init(folder: String, fresh: Bool) {
        self.folder = folder
        var warnings: [String] = []
        canSave = ProgressStore.canWrite(in: folder)
        if !canSave { warnings.append("Progress will not be saved: \(folder) cannot be created or written.") }
        if !fresh {
            let (file, corrupt) = (System.path(folder, "progress.json"), System.path(folder, "progress.json.corrupt"))
            do {
                contents = try ProgressStore.read(file) ?? ProgressFile()
            } catch {
                let setAside = rename(file, corrupt) == 0
                warnings.append("The saved progress \(error.reason); "
                                + (setAside ? "set aside as \(System.lastComponent(of: corrupt)) in \(folder)." : "it stays as it is in \(folder)."))
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
        do {
            try System.write(Array(contents.json.text.utf8), to: temporaryFile)
        } catch {
            System.remove(temporaryFile)
            throw SaveError(description: "Progress could not be saved: \(temporaryFile) cannot be written.")
        }
        guard rename(temporaryFile, file) == 0 else {
            System.remove(temporaryFile)
            throw SaveError(description: "Progress could not be saved: \(file) cannot be replaced.")
        }
    }

    /// The largest state file read: far beyond what the tutor writes (a few kilobytes a
    /// lesson), so that a file grown by something else cannot hold up a start.
    static let largestFile = 4 << 20

    /// The file at `path`, nil if there is none.
    private static func read(_ path: String) throws(ReadError) -> ProgressFile? {
        let bytes: [UInt8]
        do {
            bytes = try System.contents(of: path, limit: largestFile + 1)
        } catch {
            // Nothing there, or something that is no folder on the way to it.
            guard error.code != ENOENT && error.code != ENOTDIR else { return nil }
            throw .unreadable
        }
        guard bytes.count <= largestFile, let file = try? ProgressFile(json: JSON(parsing: bytes)), file.version == ProgressFile.currentVersion else {
            throw .notAProgressFile
        }
        return file
    }

    /// Creates `folder` if missing; true when a file can be written in it.
    private static func canWrite(in folder: String) -> Bool {
        let probe = System.path(folder, ".probe.\(getpid()).tmp")
        guard (try? System.makeFolders(folder)) != nil, (try? System.write([], to: probe)) != nil else { return false }
        System.remove(probe)
        return true
    }
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
