import BackpropEngine
import LessonFiles

/// Finds and loads lessons: the set built into the binary, a folder of lesson files, or one file.
public enum LessonLibrary {
    /// The lessons built into the binary from `lessons/` when it was compiled, in order. Each
    /// reads its slides and model the first time they are asked for (the tests read every one).
    public static func builtIn() throws(LessonError) -> [Lesson] {
        var lessons: [Lesson] = []
        for (name, text) in embeddedLessonFiles {
            lessons.append(try Lesson.builtIn(text, file: "lessons/\(name)", id: id(ofFileNamed: name)))
        }
        guard !lessons.isEmpty else {
            throw LessonError(file: "lessons", line: 1, column: 1, message: "no lessons were built into this binary")
        }
        return lessons
    }

    /// The lessons in `directory`: its files named `N-ID.md`, ordered by N. A file that cannot be
    /// read as a lesson, or whose id is empty or taken by an earlier file, is left out and
    /// reported among the folder's problems; only a folder that cannot be listed, or holds no
    /// file named as a lesson, is an error.
    public static func load(directory: String) throws(LessonError) -> LessonFolder {
        let names: [String]
        do {
            names = try System.names(inFolder: directory)
        } catch {
            throw LessonError(file: directory, line: 1, column: 1, message: "cannot read the folder: \(error.reason)")
        }
        let lessonFiles = LessonFileName.lessons(among: names)
        guard !lessonFiles.isEmpty else {
            throw LessonError(file: directory, line: 1, column: 1, message: "no lesson files (named N-ID.md) in this folder")
        }
        var lessons: [Lesson] = [], problems: [LessonError] = []
        var files: [String: String] = [:]
        for name in lessonFiles {
            let path = System.path(directory, name)
            let id = id(ofFileNamed: name)
            if id.isEmpty {
                problems.append(LessonError(file: path, line: 1, column: 1, message: "the file name gives no lesson id: name it N-ID.md"))
            } else if let first = files[id] {
                problems.append(LessonError(file: path, line: 1, column: 1, message: "the lesson id '\(id)' is already that of \(first)"))
            } else {
                do {
                    lessons.append(try load(file: path))
                    files[id] = name
                } catch {
                    problems.append(error)
                }
            }
        }
        return LessonFolder(lessons: lessons, problems: problems)
    }

    /// The lesson in the file at `path`.
    public static func load(file path: String) throws(LessonError) -> Lesson {
        try Lesson(parsing: try LessonFile.text(at: path), file: path, id: id(ofFileNamed: System.lastComponent(of: path)))
    }

    /// `linear` for `2-linear.md`; a name without the `N-` prefix keeps its stem.
    public static func id(ofFileNamed name: String) -> String {
        LessonFileName.id(of: name)
    }
}

/// The lessons of a folder, and what kept its other lesson files out.
public struct LessonFolder: Sendable {
    /// The lessons read, in order.
    public let lessons: [Lesson]
    /// One error for each lesson file left out, in the order of the files.
    public let problems: [LessonError]
}
