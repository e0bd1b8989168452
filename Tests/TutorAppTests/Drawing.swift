import TextScreen
@testable import TutorApp

extension TutorState {
    /// The state after `action`.
    func applying(_ action: Action) -> TutorState { update(self, action) }

    /// The state after each key as the tutor's loop handles it: the key's action, then the
    /// viewport of the frame drawn.
    func pressing(_ keys: [Key]) -> TutorState {
        keys.reduce(self) { state, key in
            guard let action = KeyBindings.action(for: key, in: state.mode) else { return state }
            let next = update(state, action)
            let frame = render(next)
            return frame.viewport == next.viewport ? next : update(next, .viewport(frame.viewport))
        }
    }

    /// The screen drawn at `width` × `height`.
    func screen(width: Int, height: Int) -> Screen {
        render(applying(.resize(width: width, height: height))).screen
    }
}
