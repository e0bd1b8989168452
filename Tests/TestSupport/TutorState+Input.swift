import TextScreen
import TutorApp

extension TutorState {
    /// The state after `action`, taken `times` times in a row.
    public func applying(_ action: Action, times: Int = 1) -> TutorState {
        (0..<times).reduce(self) { state, _ in update(state, action) }
    }

    /// The state after pressing `keys` in order, as the tutor's loop handles them: each through
    /// `update(_:pressing:)` (nil: a key the terminal reader could not name), then the viewport
    /// of the frame drawn handed back.
    public func pressing(_ keys: [Key?]) -> TutorState {
        keys.reduce(self) { state, key in
            let next = update(state, pressing: key)
            let frame = render(next)
            return frame.viewport == next.viewport ? next : update(next, .viewport(frame.viewport))
        }
    }

    /// The state after pressing `keys` in order.
    public func pressing(_ keys: Key?...) -> TutorState {
        pressing(keys)
    }

    /// The state after typing `text`, a key per character.
    public func typing(_ text: String) -> TutorState {
        pressing(text.map(Key.character))
    }

    /// The screen drawn at `width` × `height`.
    public func screen(width: Int, height: Int) -> Screen {
        render(applying(.resize(width: width, height: height))).screen
    }
}

extension [Key] {
    /// In the model editor just opened (its first line chosen), the keys that choose line
    /// `index` (0-based), type `text` in its place and accept it.
    public static func replacing(line index: Int, with text: String) -> [Key] {
        Array(repeating: .down, count: index) + [.enter] + text.map(Key.character) + [.enter]
    }
}
