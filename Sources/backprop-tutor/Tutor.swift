/// The full-screen tutor.
struct Tutor {
    let choice: LessonChoice
    let lesson: String?

    /// Runs the tutor and returns the exit status.
    func run() throws -> Int32 {
        printError("backprop-tutor: the full-screen tutor is not available in this build; use 'backprop-tutor print LESSON'")
        return 2
    }
}
