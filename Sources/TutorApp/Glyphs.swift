import TextScreen

/// The drawing characters of the screen, in Unicode or in plain ASCII for terminals whose locale
/// is not UTF-8.
public struct Glyphs: Sendable {
    /// Unicode, or plain ASCII.
    let unicode: Bool
    let branch: String, lastBranch: String, pipe: String
    let bullet: String, noteBar: String, cursor: String, ellipsis: String
    let bracketTop: (Character, Character), bracketMiddle: (Character, Character), bracketBottom: (Character, Character)
    let horizontal: Character, vertical: Character, scrollUp: String, scrollDown: String
    let corners: (Character, Character, Character, Character)
    let valueMark: String, gradientMark: String, separator: String, finished: String
    let bars: [Character]
    /// Marks where training diverged.
    let divergedMark: Character

    /// Box drawing, tall brackets, ∇ and block bars.
    public static let unicode = Glyphs(
        unicode: true, branch: "├─ ", lastBranch: "└─ ", pipe: "│  ", bullet: "• ", noteBar: "▌ ", cursor: "▶ ", ellipsis: "…",
        bracketTop: ("⎡", "⎤"), bracketMiddle: ("⎢", "⎥"), bracketBottom: ("⎣", "⎦"),
        horizontal: "─", vertical: "│", scrollUp: "↑", scrollDown: "↓", corners: ("┌", "┐", "└", "┘"),
        valueMark: "= ", gradientMark: "∇ ", separator: " · ", finished: "✓",
        bars: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], divergedMark: "×"
    )

    /// The same drawings in ASCII.
    public static let ascii = Glyphs(
        unicode: false, branch: "|- ", lastBranch: "`- ", pipe: "|  ", bullet: "* ", noteBar: "! ", cursor: "> ", ellipsis: "~",
        bracketTop: ("[", "]"), bracketMiddle: ("|", "|"), bracketBottom: ("[", "]"),
        horizontal: "-", vertical: "|", scrollUp: "^", scrollDown: "v", corners: ("+", "+", "+", "+"),
        valueMark: "= ", gradientMark: "grad ", separator: " - ", finished: "done",
        bars: [" ", ".", ".", "-", "-", "=", "=", "#", "#"], divergedMark: "x"
    )
}

extension Glyphs {
    /// Lesson text as this terminal can show it, every character that would act on the terminal
    /// written out (`String.visible`) before it is measured and wrapped.
    func display(_ text: String) -> String { (unicode ? text : text.asciiMath).visible }

    /// The tutor's own words as this terminal can show them, keys named in ASCII where needed.
    func ui(_ text: String) -> String {
        guard !unicode else { return text }
        let keys: [Character: String] = ["→": "Right", "←": "Left", "↑": "Up", "↓": "Down", "–": "-", "∇": "grad"]
        return String(text.flatMap { keys[$0] ?? String($0) }).asciiMath
    }

    /// The key hints of the bindings in `context` on `topics`, as this terminal can show them.
    func hints(in context: KeyBinding.Context, topics: [KeyBinding.Topic]) -> [(text: String, rank: Int)] {
        KeyBindings.hints(in: context, topics: topics).map { (ui($0.text), $0.rank) }
    }
}
