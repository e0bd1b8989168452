import TextScreen

/// The key table: every binding of the tutor, in the order the help lists them. The key
/// handling, the help, the status line, the footers and the README's key table all read it.
public enum KeyBindings {
    /// Every binding, grouped by where it acts.
    public static let all: [KeyBinding] = [
        KeyBinding(.slides, .moving, "next / previous step, then slide",
                   .init([.right, .character(" ")], .next, hint: "step"), .init([.left], .previous, hint: "step")),
        KeyBinding(.slides, .moving, "next / previous slide",
                   .init([.pageDown, .character("]")], .nextSlide, hint: "slide", rank: 1),
                   .init([.pageUp, .character("[")], .previousSlide, hint: "slide", rank: 1)),
        KeyBinding(.slides, .moving, "first / last slide of the lesson", .init([.home], .firstSlide), .init([.end], .lastSlide)),
        KeyBinding(.slides, .moving, "lesson 1–9 / the lesson menu",
                   .init(label: "1–9", action: lesson), .init([.character("m")], .showMenu, hint: "lessons", rank: 3)),
        KeyBinding(.slides, .values, "select a value in the panel",
                   .init([.up, .backTab], .select(by: -1), hint: "select", rank: 2, label: "↑"),
                   .init([.down, .tab], .select(by: 1), hint: "select", rank: 2, label: "↓ Tab")),
        KeyBinding(.slides, .values, "nudge it by 0.1 / by 0.01",
                   .init([.character("+")], .nudge(TutorState.coarseStep), hint: "nudge", rank: 2),
                   .init([.character("-")], .nudge(-TutorState.coarseStep), hint: "nudge", rank: 2),
                   .init([.character(">")], .nudge(TutorState.fineStep), hint: "fine", rank: 5),
                   .init([.character("<")], .nudge(-TutorState.fineStep), hint: "fine", rank: 5)),
        KeyBinding(.slides, .values, "type a value / edit the model",
                   .init([.character("e"), .enter], .edit, hint: "edit", rank: 2),
                   .init([.character("E")], .editModel, hint: "model", rank: 6)),
        KeyBinding(.slides, .moving, "answer the question / predict mode",
                   .init([.character("a")], .answer), .init([.character("P")], .togglePredict)),
        KeyBinding(.slides, .training, "next / previous iteration / row",
                   .init([.character(")")], .nextIteration, hint: "iteration", rank: 3),
                   .init([.character("(")], .previousIteration, hint: "iteration", rank: 3),
                   .init([.character(".")], .pickRow(by: 1)), .init([.character(",")], .pickRow(by: -1))),
        KeyBinding(.slides, .training, "train 1 / 10 / 100 more / reset",
                   .init([.character("s")], .train(1), hint: "train", rank: 3),
                   .init([.character("t")], .train(10), hint: "train 10", rank: 4),
                   .init([.character("T")], .train(100), hint: "train 100", rank: 5),
                   .init([.character("r")], .reset, hint: "reset", rank: 3)),
        KeyBinding(.slides, .view, "scroll down / up, table sideways",
                   .init([.character("j")], .scroll(3), hint: "scroll", rank: 5),
                   .init([.character("k")], .scroll(-3), hint: "scroll", rank: 5),
                   .init([.character("}")], .scrollTable(1), hint: "columns", rank: 4, topic: .training),
                   .init([.character("{")], .scrollTable(-1), hint: "columns", rank: 4, topic: .training)),
        KeyBinding(.slides, .view, "2, 4, 6 decimals / gradient check",
                   .init([.character("p")], .cyclePrecision, hint: "decimals", rank: 5),
                   .init([.character("g")], .toggleCheck, hint: "check", rank: 4)),
        KeyBinding(.slides, .moving, "this help / quit",
                   .init([.character("?")], .toggleHelp, hint: "help"), .init([.character("q"), .interrupt], .quit, hint: "quit"),
                   .init([.escape], .escape, label: "Esc Esc")),

        KeyBinding(.help, .moving, "close the help / quit",
                   .init([.character("?"), .escape, .enter], .toggleHelp, hint: "close"),
                   .init([.character("q"), .interrupt], .quit, hint: "quit")),

        KeyBinding(.menu, .moving, "choose a lesson",
                   .init([.up], .select(by: -1), hint: "choose"), .init([.down], .select(by: 1), hint: "choose")),
        KeyBinding(.menu, .moving, "open it / open lesson 1–9",
                   .init([.enter, .right], .confirm, hint: "open"), .init(label: "1–9", action: lesson)),
        KeyBinding(.menu, .moving, "close the menu / quit",
                   .init([.escape, .character("m")], .escape, hint: "close"), .init([.character("q"), .interrupt], .quit)),

        KeyBinding(.prompt, .moving, "type / delete the last character",
                   .init(label: "any character", action: typing), .init([.backspace], .deleteBackward)),
        KeyBinding(.prompt, .moving, "accept / cancel / quit",
                   .init([.enter], .confirm, hint: "accept"), .init([.escape], .escape, hint: "cancel"), .init([.interrupt], .quit)),

        KeyBinding(.editor, .moving, "choose a line of the model",
                   .init([.up], .select(by: -1), hint: "line"), .init([.down], .select(by: 1), hint: "line")),
        KeyBinding(.editor, .moving, "edit it / add a line below / delete it",
                   .init([.enter], .edit, hint: "edit"), .init([.character("o")], .addLine, hint: "add"),
                   .init([.character("d")], .deleteLine, hint: "delete")),
        KeyBinding(.editor, .moving, "save the model as a lesson file", .init([.character("w")], .save, hint: "save")),
        KeyBinding(.editor, .moving, "close the editor / quit",
                   .init([.escape, .character("E")], .escape, hint: "close"), .init([.character("q"), .interrupt], .quit)),
    ]

    /// The bindings acting in `context`, in table order.
    public static func bindings(in context: KeyBinding.Context) -> [KeyBinding] {
        all.filter { $0.context == context }
    }

    /// The action `key` gives in `mode`, if any. A resize is not a binding: it always reports
    /// the new size.
    public static func action(for key: Key, in mode: Mode) -> Action? {
        if case .resize(let width, let height) = key { return .resize(width: width, height: height) }
        return bindings(in: KeyBinding.Context(mode)).lazy.compactMap { $0.action(for: key) }.first
    }

    /// How a hint names the key for `action` in `context`: `→` for `.next`, `a` for `.answer`.
    static func key(for action: Action, in context: KeyBinding.Context = .slides) -> String {
        for binding in bindings(in: context) {
            for keys in binding.keys where keys.keys.contains(where: { keys.action($0) == action }) { return keys.short }
        }
        preconditionFailure("no key gives \(action)")
    }

    /// The hints of the keys in `context` on `topics`, e.g. `→/← step`, each with its rank:
    /// keys of one binding with the same hint are named together.
    static func hints(in context: KeyBinding.Context, topics: [KeyBinding.Topic]) -> [(text: String, rank: Int)] {
        var hints: [(text: String, rank: Int)] = []
        for binding in bindings(in: context) {
            var previous: KeyBinding.Hint?
            for keys in binding.keys {
                guard topics.contains(keys.topic ?? binding.topic), let hint = keys.hint else { previous = nil; continue }
                if hint.text == previous?.text, let last = hints.popLast() {
                    hints.append((last.text.replacingFirst(" ", with: "/\(keys.short) "), last.rank))
                } else {
                    hints.append(("\(keys.short) \(hint.text)", hint.rank))
                }
                previous = hint
            }
        }
        return hints
    }

    /// As many of `hints` as fit in `width` columns after `lead`, dropping the largest ranks
    /// first, in table order, two spaces apart.
    static func line(_ hints: [(text: String, rank: Int)], width: Int, lead: String = " ") -> String {
        var kept = Set<Int>()
        var used = lead.count
        for index in hints.indices.sorted(by: { (hints[$0].rank, $0) < (hints[$1].rank, $1) }) {
            let extra = hints[index].text.count + (kept.isEmpty ? 0 : 2)
            if used + extra <= width {
                kept.insert(index)
                used += extra
            }
        }
        return lead + hints.indices.filter(kept.contains).map { hints[$0].text }.joined(separator: "  ")
    }

    /// `1`–`9` open lessons 1–9.
    private static let lesson: @Sendable (Key) -> Action? = { key in
        guard case .character(let character) = key, let digit = character.wholeNumberValue, (1...9).contains(digit) else { return nil }
        return .openLesson(digit - 1)
    }

    /// Any printable character types itself.
    private static let typing: @Sendable (Key) -> Action? = { key in
        guard case .character(let character) = key else { return nil }
        return .type(character)
    }
}

private extension String {
    /// The text with the first `target` replaced.
    func replacingFirst(_ target: Character, with replacement: String) -> String {
        guard let found = firstIndex(of: target) else { return self }
        return self[..<found] + replacement + self[index(after: found)...]
    }
}
