import Lessons

/// The lessons built into the binary, loaded once for every test that reads them.
private let shippedLessons = Result { () throws(LessonError) in try LessonLibrary.builtIn() }

extension LessonLibrary {
    /// The lessons built into the binary, in order; a broken lesson file throws its
    /// `file:line:col` error.
    public static func shipped() throws -> [Lesson] {
        try shippedLessons.get()
    }

    /// The shipped lesson with id `id` (`linear`, `wider`, ...).
    public static func shipped(_ id: String) throws -> Lesson {
        try shipped()[shippedIndex(of: id)]
    }

    /// Where the lesson with id `id` comes among the shipped lessons.
    static func shippedIndex(of id: String) throws -> Int {
        guard let index = try shipped().firstIndex(where: { $0.id == id }) else {
            throw FixtureError("no shipped lesson is called '\(id)'")
        }
        return index
    }
}
