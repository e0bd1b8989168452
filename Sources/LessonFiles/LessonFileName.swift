/// The naming rule of lesson files, `N-ID.md`, shared by the loader and by the build tool that
/// embeds `lessons/` into the binary.
public enum LessonFileName {
    /// True for a lesson file's name: a number first, `.md` last (the README is not one).
    public static func isLesson(_ name: String) -> Bool {
        name.hasSuffix(".md") && name.first?.isNumber == true
    }

    /// The lesson files among `names`, in lesson order: by N, then by name.
    public static func lessons(among names: [String]) -> [String] {
        names.filter(isLesson).sorted { (order(of: $0), $0) < (order(of: $1), $1) }
    }

    /// `linear` for `2-linear.md`; a name without the `N-` prefix keeps its stem.
    public static func id(of name: String) -> String {
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let digits = stem.prefix(while: \.isNumber)
        guard !digits.isEmpty, stem.dropFirst(digits.count).first == "-" else { return stem }
        return String(stem.dropFirst(digits.count + 1))
    }

    private static func order(of name: String) -> Int {
        Int(name.prefix(while: \.isNumber)) ?? Int.max
    }
}
