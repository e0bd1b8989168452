import Lessons
import TutorApp

/// Writes the lesson files the tutor asks for into the current directory, never over a file
/// that is there.
enum LessonFileWriter {
    /// Writes `file` under the name it asks for, or with `-2`, `-3`, ... added before `.md` when
    /// that name is taken; the action reporting the path written, or why nothing was.
    static func save(_ file: LessonFile) -> Action {
        let stem = file.name.hasSuffix(".md") ? String(file.name.dropLast(3)) : file.name
        let free = (1...999).lazy.map { $0 == 1 ? "\(stem).md" : "\(stem)-\($0).md" }.first { !System.exists($0) }
        guard let name = free else { return .notSaved("every name from \(stem).md to \(stem)-999.md is taken") }
        do {
            try System.write(Array(file.text.utf8), to: name, exclusive: true)
            return .saved("./" + name)
        } catch {
            return .notSaved("./\(name): \(error.reason)")
        }
    }
}
