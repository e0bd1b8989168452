import TextScreen
import TutorApp

extension TutorState {
    /// The state after `action`, taken `times` times in a row.
    public func applying(_ action: Action, times: Int = 1) -> TutorState {
        (0..<times).reduce(self) { state, _ in update(state, action) }
    }

    /// The state after pressing `keys` in order, each read through the key bindings of the mode
    /// it finds; a key bound to nothing there changes nothing.
    public func pressing(_ keys: [Key]) -> TutorState {
        keys.reduce(self) { state, key in
            KeyBindings.action(for: key, in: state.mode).map { update(state, $0) } ?? state
        }
    }

    /// The state after pressing `keys` in order.
    public func pressing(_ keys: Key...) -> TutorState {
        pressing(keys)
    }

    /// The state after typing `text`, a key per character.
    public func typing(_ text: String) -> TutorState {
        pressing(text.map(Key.character))
    }
}
