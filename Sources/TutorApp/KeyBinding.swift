import TextScreen

/// One row of the key table: some keys, the action each gives where the binding acts, and how the
/// help, the status line and the footers name them. Every view of the keys is drawn from these
/// rows, so a new key is one row.
public struct KeyBinding: Sendable {
    /// Where a binding acts: the slides, or what is open over them.
    public enum Context: Sendable, CaseIterable {
        case slides, help, menu, prompt, editor
    }

    /// What a binding is about; the panel and table footers list the bindings of their topic.
    public enum Topic: Sendable {
        /// Moving through steps, slides and lessons; the help and quitting.
        case moving
        /// Choosing and changing the values of the panel (only with a model).
        case values
        /// Training, resetting and scrolling the table (only with a model).
        case training
        /// How the slide is shown.
        case view
    }

    /// A short name for some keys in the status line or a footer, e.g. `→/← step`.
    public struct Hint: Sendable, Equatable {
        /// What the keys do, in a word or two.
        public let text: String
        /// Which hints a narrow status line drops first: the largest rank.
        public let rank: Int
    }

    /// Keys that give one action.
    public struct Keys: Sendable {
        /// How the help writes them: `→ space`, `1–9`.
        public let label: String
        /// How a hint writes them: the first key alone, `→`.
        public let short: String
        /// Their short name in hints, if they have one.
        public let hint: Hint?
        /// Their topic, where it is not their binding's: the footer and status line hints they
        /// are listed with.
        public let topic: Topic?
        /// The keys listed one by one, where they can be.
        let keys: [Key]
        /// The action a key gives, nil for a key not among these.
        let action: @Sendable (Key) -> Action?

        /// `keys`, each giving `action`.
        init(_ keys: [Key], _ action: Action, hint: String? = nil, rank: Int = 0, label: String? = nil, topic: Topic? = nil) {
            self.label = label ?? keys.map(\.name).joined(separator: " ")
            short = keys.first?.name ?? ""
            self.hint = hint.map { Hint(text: $0, rank: rank) }
            self.topic = topic
            self.keys = keys
            self.action = { keys.contains($0) ? action : nil }
        }

        /// Keys recognised by `action`, written as `label`.
        init(label: String, hint: String? = nil, rank: Int = 0, action: @escaping @Sendable (Key) -> Action?) {
            self.label = label
            short = label
            self.hint = hint.map { Hint(text: $0, rank: rank) }
            topic = nil
            keys = []
            self.action = action
        }
    }

    /// Where the binding acts.
    public let context: Context
    /// What it is about.
    public let topic: Topic
    /// What the keys do, as the help says it.
    public let help: String
    /// The keys, in the order the help lists them.
    public let keys: [Keys]

    /// A binding of `keys` acting in `context`, explained as `help`.
    init(_ context: Context, _ topic: Topic, _ help: String, _ keys: Keys...) {
        self.context = context
        self.topic = topic
        self.help = help
        self.keys = keys
    }

    /// How the help writes the keys: `→ space  ←`.
    public var label: String { keys.map(\.label).joined(separator: "  ") }

    /// The action `key` gives with this binding, if any.
    func action(for key: Key) -> Action? {
        keys.lazy.compactMap { $0.action(key) }.first
    }
}

extension KeyBinding.Context {
    /// The context in which keys act in `mode`.
    init(_ mode: Mode) {
        switch mode {
        case .slides: self = .slides
        case .help: self = .help
        case .menu: self = .menu
        case .prompt: self = .prompt
        case .editor: self = .editor
        }
    }
}

extension Key {
    /// The key as the help and the hints write it: `→`, `space`, `PgDn`, `q`.
    public var name: String {
        switch self {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .interrupt: "Ctrl-C"
        case .resize: "resize"
        }
    }
}
