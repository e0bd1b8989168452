import TextScreen
/// Which key does what: the one table the key handling and the help overlay both read.
public enum KeyBindings {
    /// A line of the help: the keys and what they do.
    public struct Help: Sendable {
        /// The keys, as written in the help.
        public let keys: String
        /// What they do.
        public let meaning: String
    }

    /// Every binding on the slides, in the order the help lists them.
    public static let help: [Help] = [
        Help(keys: "→ space  ←", meaning: "next / previous step, then slide"),
        Help(keys: "PgDn ]  PgUp [", meaning: "next / previous slide"),
        Help(keys: "Home  End", meaning: "first / last slide of the lesson"),
        Help(keys: "1–9  m", meaning: "lesson 1–9 / the lesson menu"),
        Help(keys: "j  k", meaning: "scroll the slide down / up"),
        Help(keys: "↑ ↓  Tab", meaning: "select a value in the panel"),
        Help(keys: "+ -  > <", meaning: "nudge it by 0.1 / by 0.01"),
        Help(keys: "Enter  e", meaning: "type an exact value"),
        Help(keys: "a", meaning: "answer the slide's question"),
        Help(keys: "r  s  t", meaning: "reset / train 1 / train 10 more"),
        Help(keys: "p", meaning: "show 2, 4 or 6 decimals"),
        Help(keys: "?  q", meaning: "this help / quit (or Esc Esc, Ctrl-C)"),
    ]

    /// The action `key` asks for in `mode`, if any.
    public static func action(for key: Key, in mode: Mode) -> Action? {
        if case .prompt = mode { return promptAction(for: key) }
        switch key {
        case .right, .character(" "): return .next
        case .left: return .previous
        case .pageDown, .character("]"): return .nextSlide
        case .pageUp, .character("["): return .previousSlide
        case .home: return .firstSlide
        case .end: return .lastSlide
        case .up, .backTab: return .select(by: -1)
        case .down, .tab: return .select(by: 1)
        case .character("j"): return .scroll(3)
        case .character("k"): return .scroll(-3)
        case .character("a"): return .answer
        case .character("+"): return .nudge(TutorState.coarseStep)
        case .character("-"): return .nudge(-TutorState.coarseStep)
        case .character(">"): return .nudge(TutorState.fineStep)
        case .character("<"): return .nudge(-TutorState.fineStep)
        case .enter: return mode == .slides ? .edit : .confirm
        case .character("e"): return .edit
        case .character("m"): return .showMenu
        case .character("r"): return .reset
        case .character("s"): return .train(1)
        case .character("t"): return .train(10)
        case .character("p"): return .cyclePrecision
        case .character("?"): return .toggleHelp
        case .character("q"), .interrupt: return .quit
        case .escape: return .escape
        case .resize(let width, let height): return .resize(width: width, height: height)
        case .character(let character):
            if let digit = character.wholeNumberValue, (1...9).contains(digit) { return .openLesson(digit - 1) }
            return nil
        case .backspace: return nil
        }
    }

    private static func promptAction(for key: Key) -> Action? {
        switch key {
        case .enter: return .confirm
        case .escape: return .escape
        case .interrupt: return .quit
        case .backspace: return .deleteBackward
        case .character(let character): return .type(character)
        case .resize(let width, let height): return .resize(width: width, height: height)
        default: return nil
        }
    }
}
