import Testing
@testable import Lessons

/// A lesson's content hash is 64-bit FNV-1a of its text: the same in every run, and another for
/// another text.
@Suite struct ContentHashTests {
    /// The published FNV-1a 64 test vectors.
    @Test(arguments: [("", 0xCBF2_9CE4_8422_2325), ("a", 0xAF63_DC4C_8601_EC8C), ("foobar", 0x8594_4171_F739_67E8)] as [(String, UInt64)])
    func fnv1aGivesThePublishedHashes(text: String, hash: UInt64) {
        #expect(ContentHash.of(text) == hash)
    }

    @Test func aLessonsHashIsThatOfItsTextAndFollowsEveryChange() throws {
        let text = "# T\n\nAbout.\n\n## S\n\nText.\n"
        let lesson = try Lesson(parsing: text, file: "1-t.md", id: "t")
        #expect(lesson.contentHash == ContentHash.of(text))
        let edited = try Lesson(parsing: text.replacingOccurrences(of: "Text.", with: "Text!"), file: "1-t.md", id: "t")
        #expect(edited.contentHash != lesson.contentHash)
    }
}
