import BackpropEngine
import Foundation
import Lessons
import Terminal

/// Prints `message` to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

let arguments: Arguments
do {
    arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
} catch {
    printError("backprop-tutor: \(error.message)\n\(usage)")
    exit(2)
}

do {
    switch arguments.command {
    case .help:
        print(usage)
    case .version:
        print(version)
    case .list:
        let choice = try LessonChoice(directory: arguments.lessonsDirectory)
        let width = choice.lessons.map(\.id.count).max() ?? 0
        for lesson in choice.lessons {
            let slides = "\(lesson.slides.count) slide\(lesson.slides.count == 1 ? "" : "s")"
            print(lesson.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + lesson.title + "  (\(slides))")
        }
    case .print(let options):
        let choice = try LessonChoice(directory: arguments.lessonsDirectory)
        let unicode = options.unicode ?? LocaleEncoding.adoptEnvironment()
        var output = OutputWriter()
        try PrintCommand(options: options, lesson: choice.lesson(named: options.lesson), unicode: unicode).run(to: &output) { warning in
            printError("backprop-tutor: warning: \(warning)")
        }
        try output.flush()
    case .tutor(let lesson, let fresh):
        exit(try Tutor(choice: LessonChoice(directory: arguments.lessonsDirectory), lesson: lesson, fresh: fresh).run())
    }
} catch let error as UsageError {
    printError("backprop-tutor: \(error.message)\n\(usage)")
    exit(2)
} catch let error as LessonError {
    printError(error.description)
    exit(2)
} catch {
    printError("backprop-tutor: \(error)")
    exit(1)
}
