/// The drawing characters of the screen, in Unicode or in plain ASCII for terminals whose locale
/// is not UTF-8.
public struct Glyphs: Sendable {
    let branch: String, lastBranch: String, pipe: String
    let bullet: String, noteBar: String, cursor: String, ellipsis: String
    let bracketTop: (Character, Character), bracketMiddle: (Character, Character), bracketBottom: (Character, Character)
    let horizontal: Character, vertical: Character, scrollUp: String, scrollDown: String
    let corners: (Character, Character, Character, Character)
    let valueMark: String, gradientMark: String, separator: String
    let bars: [Character]

    /// Box drawing, tall brackets, ∇ and block bars.
    public static let unicode = Glyphs(
        branch: "├─ ", lastBranch: "└─ ", pipe: "│  ", bullet: "• ", noteBar: "▌ ", cursor: "▶ ", ellipsis: "…",
        bracketTop: ("⎡", "⎤"), bracketMiddle: ("⎢", "⎥"), bracketBottom: ("⎣", "⎦"),
        horizontal: "─", vertical: "│", scrollUp: "↑", scrollDown: "↓", corners: ("┌", "┐", "└", "┘"),
        valueMark: "= ", gradientMark: "∇ ", separator: " · ",
        bars: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    )

    /// The same drawings in ASCII.
    public static let ascii = Glyphs(
        branch: "|- ", lastBranch: "`- ", pipe: "|  ", bullet: "* ", noteBar: "! ", cursor: "> ", ellipsis: "~",
        bracketTop: ("[", "]"), bracketMiddle: ("|", "|"), bracketBottom: ("[", "]"),
        horizontal: "-", vertical: "|", scrollUp: "^", scrollDown: "v", corners: ("+", "+", "+", "+"),
        valueMark: "= ", gradientMark: "grad ", separator: " - ",
        bars: [" ", ".", ".", "-", "-", "=", "=", "#", "#"]
    )
}
