import Lessons
import TutorApp

extension TutorState {
    /// The tutor over the shipped lessons at slide `index` (0-based) of lesson `lesson` (its id),
    /// its steps hidden.
    public static func atSlide(_ index: Int, in lesson: String, unicode: Bool = true) throws -> TutorState {
        let lessons = try LessonLibrary.shipped(), lessonIndex = try LessonLibrary.shippedIndex(of: lesson)
        guard lessons[lessonIndex].slides.indices.contains(index) else {
            throw FixtureError("lesson '\(lesson)' has no slide \(index + 1)")
        }
        return TutorState(lessons: lessons, lessonIndex: lessonIndex, unicode: unicode).applying(.nextSlide, times: index)
    }

    /// The tutor over the shipped lessons at the first slide of lesson `lesson` (its id) for which
    /// `isWanted` holds, its steps hidden; without `isWanted`, the lesson's first slide.
    public static func atFirstSlide(
        in lesson: String, unicode: Bool = true, where isWanted: (Slide) -> Bool = { _ in true }
    ) throws -> TutorState {
        guard let index = try LessonLibrary.shipped(lesson).slides.firstIndex(where: isWanted) else {
            throw FixtureError("no slide of lesson '\(lesson)' is the one asked for")
        }
        return try atSlide(index, in: lesson, unicode: unicode)
    }
}
