/// A lesson file the tutor asks the program to write (`TutorState.pendingSave`): `update` stays
/// pure, the program writes it and reports back with `.saved` or `.notSaved`.
public struct LessonFile: Equatable, Sendable {
    /// The name it asks for, `7-playground-edit.md`; where a file has that name, the program adds
    /// a number rather than write over it.
    public let name: String
    /// The file's text.
    public let text: String
}
