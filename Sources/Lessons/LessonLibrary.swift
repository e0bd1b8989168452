import BackpropEngine
import Foundation
import LessonFiles

/// Finds and loads lessons: the set built into the binary, a folder of lesson files, or one file.
public enum LessonLibrary {
    /// The lessons built into the binary from `lessons/` when it was compiled, in order.
    public static func builtIn() throws(LessonError) -> [Lesson] {
        var lessons: [Lesson] = []
        for (name, text) in embeddedLessonFiles {
            lessons.append(try Lesson(parsing: text, file: "lessons/\(name)", id: id(ofFileNamed: name)))
        }
        guard !lessons.isEmpty else {
            throw LessonError(file: "lessons", line: 1, column: 1, message: "no lessons were built into this binary")
        }
        return lessons
    }

    /// The lessons in `directory`: its files named `N-ID.md`, ordered by N.
    public static func load(directory: String) throws(LessonError) -> [Lesson] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw LessonError(file: directory, line: 1, column: 1, message: "cannot read the folder: \(error.localizedDescription)")
        }
        let lessonFiles = LessonFileName.lessons(among: names)
        guard !lessonFiles.isEmpty else {
            throw LessonError(file: directory, line: 1, column: 1, message: "no lesson files (named N-ID.md) in this folder")
        }
        var lessons: [Lesson] = []
        for name in lessonFiles {
            lessons.append(try load(file: (directory as NSString).appendingPathComponent(name)))
        }
        return lessons
    }

    /// The lesson in the file at `path`.
    public static func load(file path: String) throws(LessonError) -> Lesson {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LessonError(file: path, line: 1, column: 1, message: "cannot read the lesson file")
        }
        return try Lesson(parsing: text, file: path, id: id(ofFileNamed: (path as NSString).lastPathComponent))
    }

    /// `linear` for `2-linear.md`; a name without the `N-` prefix keeps its stem.
    public static func id(ofFileNamed name: String) -> String {
        LessonFileName.id(of: name)
    }
}
