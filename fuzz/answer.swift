import Foundation
import Lessons
import TutorApp

/// The deeper lesson at its question slide, read from lessons/ in the working folder.
let question: TutorState = {
    let text = try! String(contentsOfFile: "lessons/3-deeper.md", encoding: .utf8)
    var state = TutorState(lessons: [try! Lesson(parsing: text, file: "3-deeper.md", id: "deeper")])
    while state.slide.question == nil { state = update(state, .nextSlide) }
    return state
}()

/// The answer checker on anything typed at the question: the answer opened, the text typed a
/// character at a time, confirmed, and the screen drawn.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswer(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var state = update(question, .answer)
    for character in text { state = update(state, .type(character)) }
    state = update(state, .confirm)
    _ = render(state)
    return 0
}
