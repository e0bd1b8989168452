import Foundation
import TutorApp

/// Writes the lesson files the tutor asks for into the current directory, never over a file
/// that is there.
enum LessonFileWriter {
    /// Writes `file` under the name it asks for, or with `-2`, `-3`, ... added before `.md` when
    /// that name is taken; the action reporting the path written, or why nothing was.
    static func save(_ file: LessonFile) -> Action {
        let stem = file.name.hasSuffix(".md") ? String(file.name.dropLast(3)) : file.name
        let free = (1...999).lazy.map { $0 == 1 ? "\(stem).md" : "\(stem)-\($0).md" }.first { !FileManager.default.fileExists(atPath: $0) }
        guard let name = free else { return .notSaved("every name from \(stem).md to \(stem)-999.md is taken") }
        do {
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: name), options: .withoutOverwriting)
            return .saved("./" + name)
        } catch {
            return .notSaved(error.localizedDescription)
        }
    }
}
