/// What has the keyboard: the slides, or something open over them.
public enum Mode: Equatable, Sendable {
    /// Stepping through slides.
    case slides
    /// The help overlay.
    case help
    /// The lesson menu, with the highlighted lesson.
    case menu(selected: Int)
    /// Typing an exact value.
    case prompt(Prompt)
}

/// The small prompt for an exact value.
public struct Prompt: Equatable, Sendable {
    /// The entry being set.
    public let entry: ValueEntry
    /// What has been typed.
    public var text: String
    /// Why the last attempt was refused.
    public var error: String?
}
