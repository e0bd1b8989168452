import BackpropEngine
import Lessons

/// The lessons in use (built in, or from `--lessons DIR`) and how a command names one of them.
struct LessonChoice {
    /// The lessons, in order.
    let lessons: [Lesson]
    /// The lesson files of `--lessons DIR` left out, each with why.
    let problems: [LessonError]

    /// The built-in lessons, or those in `directory` that can be read.
    init(directory: String?) throws(LessonError) {
        guard let directory else {
            lessons = try LessonLibrary.builtIn()
            problems = []
            return
        }
        let folder = try LessonLibrary.load(directory: directory)
        (lessons, problems) = (folder.lessons, folder.problems)
    }

    /// The lesson called `name`: an id, or a path to a lesson file.
    func lesson(named name: String) throws -> Lesson {
        if let lesson = lessons.first(where: { $0.id == name }) { return lesson }
        if name.contains("/") || name.hasSuffix(".md") { return try LessonLibrary.load(file: name) }
        throw UsageError(message: "unknown lesson \(name.quoted) (known: \(lessons.map(\.id).joined(separator: ", ")))")
    }
}
