import Foundation
import Testing
@testable import Lessons

/// A lesson folder loads every lesson file it can and reports each one it cannot, with why.
@Suite struct LessonFolderTests {
    static let lesson = "# Fine\n```model\nparam w = 1\neta = 0.1\nloss L = w^2\n```\n## S\nshow: graph\n"

    /// A fresh folder.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-folder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func badEntriesAreLeftOutAndReportedInTheOrderOfTheFiles() throws {
        let folder = try Self.folder()
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
        }
        try write("1-a.md", Self.lesson)
        try write("2-a.md", Self.lesson)
        try write("3-.md", Self.lesson)
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/4-zero.md", withDestinationPath: "/dev/zero")
        #expect(mkfifo("\(folder)/5-fifo.md", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: "\(folder)/6-folder.md", withIntermediateDirectories: false)
        try write("7-large.md", Self.lesson + String(repeating: "Prose.\n", count: 40_000))
        try Data(Array("# Bad \u{e9}\nl\u{e9}".utf8) + [0xC3, 0x28] + Array("\n## S\n".utf8)).write(to: URL(fileURLWithPath: "\(folder)/8-utf.md"))
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/9-gone.md", withDestinationPath: "\(folder)/nowhere")
        try write("10-b.md", "\u{FEFF}" + Self.lesson.replacingOccurrences(of: "\n", with: "\r\n"))

        let loaded = try LessonLibrary.load(directory: folder)
        #expect(loaded.lessons.map(\.id) == ["a", "b"])
        #expect(loaded.problems.map { "\($0)".replacingOccurrences(of: folder, with: "DIR") } == [
            "DIR/2-a.md:1:1: the lesson id 'a' is already that of 1-a.md",
            "DIR/3-.md:1:1: the file name gives no lesson id: name it N-ID.md",
            "DIR/4-zero.md:1:1: not a lesson file: it is not a regular file",
            "DIR/5-fifo.md:1:1: not a lesson file: it is not a regular file",
            "DIR/6-folder.md:1:1: not a lesson file: it is not a regular file",
            "DIR/7-large.md:1:1: the lesson file is larger than 256 KB",
            "DIR/8-utf.md:2:3: the lesson file is not valid UTF-8 here",
            "DIR/9-gone.md:1:1: cannot read the lesson file: no such file or directory",
        ])
    }

    @Test func aFolderWithoutLessonFilesIsAnError() throws {
        let folder = try Self.folder()
        #expect(throws: LessonError(file: folder, line: 1, column: 1, message: "no lesson files (named N-ID.md) in this folder")) {
            try LessonLibrary.load(directory: folder)
        }
    }
}
