import BackpropEngine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lessons
import Terminal

ProcessHooks.installCrashHandlers()

let arguments: Arguments
do {
    arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
} catch {
    Output.error("backprop-tutor: \(error.message)\n\(usage)")
    exit(2)
}

/// The lessons in use; a lesson file of `--lessons DIR` that cannot be read is reported and left
/// out, and a folder none of whose lesson files can be read is an error.
func lessonChoice() throws(LessonError) -> LessonChoice {
    let choice = try LessonChoice(directory: arguments.lessonsDirectory)
    for problem in choice.problems { Output.error(problem.description) }
    if let directory = arguments.lessonsDirectory, choice.lessons.isEmpty {
        throw LessonError(file: directory, line: 1, column: 1, message: "none of the lesson files in this folder can be read")
    }
    return choice
}

do {
    switch arguments.command {
    case .help:
        try Output.print(usage)
    case .version:
        try Output.print(version)
    case .list:
        let choice = try lessonChoice()
        let width = choice.lessons.map(\.id.count).max() ?? 0
        try Output.print(choice.lessons.map { lesson in
            let slides = "\(lesson.slideCount) slide\(lesson.slideCount == 1 ? "" : "s")"
            return lesson.id + String(repeating: " ", count: width - lesson.id.count) + "  " + lesson.title + "  (\(slides))"
        }.joined(separator: "\n"))
    case .print(let options):
        let choice = try lessonChoice()
        let unicode = options.unicode ?? LocaleEncoding.adoptEnvironment()
        var output = OutputWriter()
        try PrintCommand(options: options, lesson: choice.lesson(named: options.lesson), unicode: unicode).run(to: &output) { warning in
            Output.error("backprop-tutor: warning: \(warning)")
        }
        try output.flush()
    case .tutor(let lesson, let fresh):
        exit(try Tutor(choice: lessonChoice(), lesson: lesson, fresh: fresh).run())
    }
} catch let error as Output.WriteError {
    Output.error("backprop-tutor: cannot write the output: \(error.reason)")
    exit(1)
} catch let error as UsageError {
    Output.error("backprop-tutor: \(error.message)\n\(usage)")
    exit(2)
} catch let error as LessonError {
    Output.error(error.description)
    exit(2)
} catch {
    Output.error("backprop-tutor: \(error)")
    exit(1)
}
