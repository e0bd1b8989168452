import Foundation
import Testing

/// Keys as terminals send them, read by the real binary under tmux with `TERM=xterm-256color`, a
/// common mismatch: that description lacks tmux's Home (`ESC [ 1 ~`) and End (`ESC [ 4 ~`).
@Suite(.serialized) struct KeyReadingTests {
    /// A pane running the tutor with `arguments` and `TERM=xterm-256color`, once it shows `awaited`.
    func tutor(_ arguments: String, awaiting awaited: String) throws -> Tmux {
        let tmux = try Tmux(width: 100, height: 30)
        try tmux.type("TERM=xterm-256color \(Binary.url.path) \(arguments); echo EX''IT=$?")
        try tmux.wait { $0.contains(awaited) }
        return tmux
    }

    @Test func homeAndEndGoToTheFirstAndLastSlideOfTheLessonWhateverTheirEncoding() throws {
        let tmux = try tutor("linear", awaiting: "slide 1 of 6")
        try tmux.press("PgDn")
        try tmux.wait { $0.contains("slide 2 of 6") }
        let moves: [(keys: () throws -> Void, awaited: String)] = [
            ({ try tmux.press("End") }, "slide 6 of 6"),
            ({ try tmux.press("Home") }, "slide 1 of 6"),
            ({ try tmux.send(bytes: [0x1B, 0x5B, 0x34, 0x7E]) }, "slide 6 of 6"),  // ESC [ 4 ~
            ({ try tmux.send(bytes: [0x1B, 0x5B, 0x31, 0x7E]) }, "slide 1 of 6"),  // ESC [ 1 ~
            ({ try tmux.send(bytes: [0x1B, 0x4F, 0x46]) }, "slide 6 of 6"),  // ESC O F
            ({ try tmux.send(bytes: [0x1B, 0x5B, 0x48]) }, "slide 1 of 6"),  // ESC [ H
        ]
        for (keys, awaited) in moves {
            try keys()
            let screen = try tmux.wait { $0.contains(awaited) }
            #expect(screen.contains("lesson 2 of 7: The simplest NN ever"))
        }
        try tmux.press("q")
        #expect(try tmux.waitForExit().status == "0")
    }

    @Test func keysBoundToNothingAndUnknownSequencesAreDroppedWhole() throws {
        let tmux = try tutor("linear", awaiting: "slide 1 of 6")
        try tmux.press("F5", "IC", "DC", "F1", "F12", "C-Home", "S-Up", "M-x", "M-1")
        for sequence in ["[200~", "[?1;2c", "O2P", "[1;5P", "[[A", "[31~", "[13~"] {
            try tmux.send(bytes: [0x1B] + Array(sequence.utf8))  // each would read as lesson keys if split
        }
        try tmux.press("PgDn")
        let screen = try tmux.wait { $0.contains("slide 2 of 6") }
        #expect(screen.contains("lesson 2 of 7: The simplest NN ever"))
        #expect(!screen.contains("Press Esc again"))
        try tmux.press("q")
        #expect(try tmux.waitForExit().status == "0")
    }

    @Test func escThenAnyOtherKeyThenEscDoesNotQuit() throws {
        let tmux = try tutor("linear", awaiting: "slide 1 of 6")
        for key in ["x", "F5", "Right"] {
            try tmux.press("Escape")
            try tmux.wait { $0.contains("Press Esc again to quit, any other key to stay.") }
            try tmux.press(key)
            try tmux.wait { !$0.contains("Press Esc again") }
        }
        try tmux.press("Escape")
        try tmux.wait { $0.contains("Press Esc again") }
        try tmux.press("Escape")
        #expect(try tmux.waitForExit().status == "0")
    }

    @Test func theLessonMenuScrollsToLesson31Of40() throws {
        let tmux = try Tmux(width: 80, height: 24)
        let lessons = tmux.folder.appendingPathComponent("forty")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        for number in 1...40 {
            try "# Lesson number \(number)\n\nAbout lesson \(number).\n\n## Only slide\n\nText.\n"
                .write(to: lessons.appendingPathComponent("\(number)-l\(number).md"), atomically: true, encoding: .utf8)
        }
        try tmux.type("TERM=xterm-256color \(Binary.url.path) --lessons forty; echo EX''IT=$?")
        try tmux.wait { $0.contains("lesson 1 of 40") }
        try tmux.press("m")
        try tmux.wait { $0.contains("Lessons 1–") }
        for _ in 0..<10 { try tmux.press("Up") }
        let menu = try tmux.wait { $0.contains("About lesson 31.") }
        #expect(menu.contains("31  Lesson number 31  (1 slide)"))
        #expect(menu.contains("of 40"))
        try tmux.press("Enter")
        try tmux.wait { $0.contains("lesson 31 of 40: Lesson number 31") }
        try tmux.press("q")
        #expect(try tmux.waitForExit().status == "0")
    }
}
