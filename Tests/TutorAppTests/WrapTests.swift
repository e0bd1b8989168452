import Testing
@testable import TutorApp

/// Text breaks between words into lines of at most the width; a word longer than a line is cut,
/// at its last non-breaking space that fits when it has one.
@Suite struct WrapTests {
    @Test(arguments: [
        ("The net scales its input by a weight and adds a bias; its output h should match the target.", 30,
         ["The net scales its input by a", "weight and adds a bias; its", "output h should match the", "target."]),
        ("Before abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz after", 10,
         ["Before", "abcdefghij", "klmnopqrst", "uvwxyzabcd", "efghijklmn", "opqrstuvwx", "yz after"]),
        ("x = [0.62,\u{00A0}0.65,\u{00A0}0.71,\u{00A0}0.80] end", 12, ["x =", "[0.62,", "0.65,\u{00A0}0.71,", "0.80] end"]),
        ("\u{00A0}abcdefghijkl tail", 5, ["\u{00A0}abcd", "efghi", "jkl", "tail"]),
        ("a  b   c dd", 3, ["a b", "c", "dd"]),
        ("∂L/∂w = −1.90 · x₁ ← η, and é́ 🇺🇸🇬🇧 👩‍👩‍👧 done", 8, ["∂L/∂w =", "−1.90 ·", "x₁ ← η,", "and é́ 🇺🇸🇬🇧", "👩‍👩‍👧 done"]),
        ("exactly ten! and more", 6, ["exactl", "y ten!", "and", "more"]),
        ("", 10, [""]),
        ("   ", 4, [""]),
        ("word", 0, []),
    ] as [(String, Int, [String])])
    func wrapsBetweenWordsAndCutsWhatIsLongerThanALine(text: String, width: Int, lines: [String]) {
        #expect(wrap(text, width: width) == lines)
    }

    @Test func aWordOfManyLinesIsCutIntoFullLines() {
        let lines = wrap("a " + String(repeating: "b", count: 10_005) + " c", width: 100)
        #expect(lines.count == 1 + 101)
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.count == 100 })
        #expect(lines.last == "bbbbb c")
    }
}
